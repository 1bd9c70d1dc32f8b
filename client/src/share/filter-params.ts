// Filters and selection in URL form and back (pure): default values write no key, so a plain link stays short.
import type { Modality } from "../../../contract/api.ts";
import type { FilterState } from "../state/filters.ts";
import type { Selection } from "../state/graph-store.ts";
import { decodeList, encodeList, SHARE_KEYS } from "./url-state.ts";

export const FILTER_KEYS = [
  SHARE_KEYS.hiddenNodeTypes,
  SHARE_KEYS.hiddenEdgeTypes,
  SHARE_KEYS.hiddenModalities,
  SHARE_KEYS.onlySources,
  SHARE_KEYS.showSourceNodes,
] as const;

const MODALITIES = new Set<string>(["asserted", "claimed", "alleged", "suspected", "denied", "disputed"]);

export function filtersToParams(f: FilterState): Record<string, string | null> {
  const list = (s: ReadonlySet<string>) => (s.size ? encodeList([...s].sort()) : null);
  return {
    [SHARE_KEYS.hiddenNodeTypes]: list(f.hiddenNodeTypes),
    [SHARE_KEYS.hiddenEdgeTypes]: list(f.hiddenEdgeTypes),
    [SHARE_KEYS.hiddenModalities]: list(f.hiddenModalities),
    // An empty source list is a real state (nothing checked): written as "-" so it is not mistaken for "all".
    [SHARE_KEYS.onlySources]:
      f.onlySources === null ? null : f.onlySources.size ? encodeList([...f.onlySources].sort()) : "-",
    [SHARE_KEYS.showSourceNodes]: f.showSourceNodes ? "1" : null,
  };
}

/** True when the URL says anything about filters. */
export function hasFilterParams(get: (key: string) => string | null): boolean {
  return FILTER_KEYS.some((k) => get(k) !== null);
}

/** The filter fields the URL defines (the whole filter set: a missing key means its default). */
export function filtersFromParams(get: (key: string) => string | null) {
  const sources = get(SHARE_KEYS.onlySources);
  return {
    hiddenNodeTypes: new Set(decodeList(get(SHARE_KEYS.hiddenNodeTypes))),
    hiddenEdgeTypes: new Set(decodeList(get(SHARE_KEYS.hiddenEdgeTypes))),
    hiddenModalities: new Set(
      decodeList(get(SHARE_KEYS.hiddenModalities)).filter((m) => MODALITIES.has(m)) as Modality[],
    ),
    onlySources: sources === null ? null : new Set(sources === "-" ? [] : decodeList(sources)),
    showSourceNodes: get(SHARE_KEYS.showSourceNodes) === "1",
  } satisfies Omit<FilterState, "excludedNodes">;
}

export function selectionToParam(s: Selection | null): string | null {
  return s ? `${s.kind}:${s.id}` : null;
}

export function selectionFromParam(v: string | null): Selection | null {
  const m = v ? /^(node|edge):(.+)$/.exec(v) : null;
  return m ? { kind: m[1] as "node" | "edge", id: m[2] } : null;
}
