// The shareable part of the explorer's state lives in the page URL's query string, so a copied link reopens the
// same selection, filters, console query and path. Features read and write their own keys here (never
// `location` directly): `set` replaces the history entry (typing, filter clicks), `push` adds one (selection
// changes, so back/forward walk through them), and `subscribe` reports changes from back/forward navigation.

/** The keys in use; a feature adds its key here so two features never pick the same one. */
export const SHARE_KEYS = {
  /** Selected item: `node:<id>` or `edge:<id>`. */
  selection: "sel",
  /** Entity types switched off, comma-separated. */
  hiddenNodeTypes: "hideTypes",
  /** Relation types switched off, comma-separated. */
  hiddenEdgeTypes: "hideRels",
  /** Modalities switched off, comma-separated. */
  hiddenModalities: "hideModalities",
  /** Only relations cited by these source ids, comma-separated. */
  onlySources: "sources",
  /** `1` when Source (article) nodes are shown. */
  showSourceNodes: "sourceNodes",
  /** Timeline brush: `<from>..<to>` as ISO dates (`2024-01-01..2024-12-31`). */
  timeRange: "time",
  /** The Cypher console's query text as last run (owned by the console; opened in the editor, never run). */
  consoleQuery: "query",
  /** The path tracer's search (owned by the path tracer, client/src/paths/path-url.ts): parts joined by `..`,
   *  `<fromId>..<toId>` then only non-default options: `h<n>` max hops, `out`/`in` direction, `all` (all
   *  shortest) or `k<n>` (k shortest), `no-<TYPE>` an excluded relation type, `avoid-<id>` an avoided node. */
  path: "path",
  /** Opens the explorer on one entity instead of the starting view (read once by main.ts). */
  startNode: "node",
  /** Node cap of the starting view, e.g. `50000` (read once by main.ts). */
  viewLimit: "limit",
} as const;

export type ShareKey = (typeof SHARE_KEYS)[keyof typeof SHARE_KEYS];

type Listener = (changed: ReadonlySet<string>) => void;
const listeners = new Set<Listener>();
/** The query as last seen, to tell which keys a back/forward changed (read lazily: importable without a window). */
let last: Map<string, string> | null = null;

function snapshot(): Map<string, string> {
  return new Map(new URLSearchParams(window.location.search));
}

function write(params: URLSearchParams, mode: "replace" | "push"): void {
  const qs = params.toString();
  const url = `${window.location.pathname}${qs ? `?${qs}` : ""}${window.location.hash}`;
  if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
  if (mode === "push") history.pushState(history.state, "", url);
  else history.replaceState(history.state, "", url);
  if (last !== null) last = snapshot();
}

/** The value of a key in the current URL, or null. */
export function get(key: ShareKey | string): string | null {
  return new URLSearchParams(window.location.search).get(key);
}

/** Sets (or, with null/"", removes) keys, replacing the current history entry. */
export function set(key: ShareKey | string, value: string | null): void {
  setMany({ [key]: value });
}

/** Sets several keys in one history change; `push` adds a history entry instead of replacing it. */
export function setMany(values: Record<string, string | null>, opts: { push?: boolean } = {}): void {
  const params = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === "") params.delete(k);
    else params.set(k, v);
  }
  write(params, opts.push ? "push" : "replace");
}

/** Sets a key and adds a history entry (for selection changes, so back/forward restore them). */
export function push(key: ShareKey | string, value: string | null): void {
  setMany({ [key]: value }, { push: true });
}

/** Called with the keys that changed when the user goes back/forward; returns the unsubscribe function. */
export function subscribe(fn: Listener): () => void {
  if (last === null) {
    last = snapshot();
    window.addEventListener("popstate", onPopState);
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function onPopState(): void {
  const before = last ?? new Map<string, string>();
  const now = snapshot();
  const changed = new Set<string>();
  for (const k of new Set([...before.keys(), ...now.keys()])) if (before.get(k) !== now.get(k)) changed.add(k);
  last = now;
  if (changed.size) for (const l of [...listeners]) l(changed);
}

/** A list value as stored in the URL: items joined by commas (a comma inside an item is escaped). */
export function encodeList(items: Iterable<string>): string {
  return [...items].map((s) => s.replaceAll("%", "%25").replaceAll(",", "%2C")).join(",");
}
export function decodeList(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(",")
    .filter((s) => s !== "")
    .map((s) => s.replaceAll("%2C", ",").replaceAll("%25", "%"));
}
