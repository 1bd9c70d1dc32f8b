// The path tracer's search in the shareable URL (`?path=`) and back (pure). Parts are joined by `..`, which the
// API's ids (`i.` + base64url) never contain and URLSearchParams leaves unescaped, so a link stays readable:
// `<from>..<to>` then only the options that differ from the defaults, e.g. `i.aXNpcy1r..i.cnVzc2lh..h6..out..k5`.
import { MAX_HOPS, MAX_K, type PathRequest } from "./paths-api.ts";

export const DEFAULT_MAX_HOPS = 4 as const;
export const DEFAULT_K = 3 as const;

/** What a shared link says about a search: the request, less the allowed-types list the tracer derives itself. */
export type SharedPath = Omit<PathRequest, "types">;

const SEP = "..";

// A part may not contain `..` nor start or end with `.` (either would split wrongly): such dots, and `%`, are
// percent-escaped. Ordinary ids and type names pass unchanged.
const escapePart = (s: string): string => s.replaceAll("%", "%25").replace(/^\.|\.(?=\.)|\.$/g, "%2E");
const unescapePart = (s: string): string => s.replace(/%2E|%25/g, (m) => (m === "%2E" ? "." : "%"));

const clamp = (v: number, max: number, def: number): number =>
  Number.isFinite(v) ? Math.min(max, Math.max(1, Math.trunc(v))) : def;

export function encodePathParam(p: SharedPath): string {
  const parts = [p.from, p.to].map(escapePart);
  if (p.maxHops !== DEFAULT_MAX_HOPS) parts.push(`h${p.maxHops}`);
  if (p.direction !== "both") parts.push(p.direction);
  if (p.mode === "allShortest") parts.push("all");
  else if (p.mode === "kShortest") parts.push(`k${p.k}`);
  for (const t of p.excludeTypes) parts.push(`no-${escapePart(t)}`);
  for (const id of p.excludeNodes) parts.push(`avoid-${escapePart(id)}`);
  return parts.join(SEP);
}

/** The search a `path` value describes, or null when it names no two endpoints. Unknown options are ignored. */
export function decodePathParam(value: string | null): SharedPath | null {
  if (!value) return null;
  const [from, to, ...options] = value.split(SEP);
  if (!from || !to) return null;
  const p: SharedPath = {
    from: unescapePart(from),
    to: unescapePart(to),
    maxHops: DEFAULT_MAX_HOPS,
    mode: "shortest",
    k: DEFAULT_K,
    direction: "both",
    excludeTypes: [],
    excludeNodes: [],
  };
  for (const o of options) {
    if (o === "out" || o === "in") p.direction = o;
    else if (o === "all") p.mode = "allShortest";
    else if (/^h\d+$/.test(o)) p.maxHops = clamp(Number(o.slice(1)), MAX_HOPS, DEFAULT_MAX_HOPS);
    else if (/^k\d+$/.test(o)) {
      p.mode = "kShortest";
      p.k = clamp(Number(o.slice(1)), MAX_K, DEFAULT_K);
    } else if (o.startsWith("no-") && o.length > 3) p.excludeTypes.push(unescapePart(o.slice(3)));
    else if (o.startsWith("avoid-") && o.length > 6) p.excludeNodes.push(unescapePart(o.slice(6)));
  }
  return p;
}
