// What the filters are and which nodes and edges they let through. Pure: the store applies the result by flipping
// each item's `hidden` attribute, so the graph and the renderer are never rebuilt.
import type { Evidence, Modality } from "../../../contract/api.ts";

export interface FilterState {
  /** Entity types (primary labels) switched off. */
  hiddenNodeTypes: ReadonlySet<string>;
  hiddenEdgeTypes: ReadonlySet<string>;
  hiddenModalities: ReadonlySet<Modality>;
  /** When set, only relations with evidence from these sources are shown (and the nodes they connect). */
  onlySources: ReadonlySet<string> | null;
  showSourceNodes: boolean;
  /** Nodes a feature filter keeps out of view (the timeline brush: events outside the brushed range). */
  excludedNodes?: ReadonlySet<string>;
}

export const SOURCE_LABEL = "Source";

export const EMPTY_FILTERS: FilterState = {
  hiddenNodeTypes: new Set(),
  hiddenEdgeTypes: new Set(),
  hiddenModalities: new Set(),
  onlySources: null,
  showSourceNodes: false,
};

export interface FilterNode {
  nodeType: string;
  labels: readonly string[];
  userHidden: boolean;
}
export interface FilterEdge {
  relType: string;
  evidence: readonly Evidence[];
}

export function nodePasses(f: FilterState, n: FilterNode): boolean {
  if (n.userHidden) return false;
  if (!f.showSourceNodes && n.labels.includes(SOURCE_LABEL)) return false;
  return !f.hiddenNodeTypes.has(n.nodeType);
}

/** Evidence-less edges (foreign data) count as one `asserted` statement from an unknown source. */
export function edgePasses(f: FilterState, e: FilterEdge): boolean {
  if (f.hiddenEdgeTypes.has(e.relType)) return false;
  const ev = e.evidence.length > 0 ? e.evidence : [{ source: "", modality: "asserted" as Modality }];
  return ev.some((x) => !f.hiddenModalities.has(x.modality) && (f.onlySources === null || f.onlySources.has(x.source)));
}

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
}

/** Decides visibility for a whole graph: an edge needs both ends visible; with a source filter on, nodes left without
 *  any visible relation are hidden too (the view shows what those articles say), except Source nodes themselves. */
export function computeVisibility(
  f: FilterState,
  nodes: Iterable<[string, FilterNode]>,
  edges: Iterable<[string, FilterEdge, string, string]>,
): Visibility {
  const hiddenNodes = new Set<string>();
  const nodeList = [...nodes];
  for (const [k, n] of nodeList) if (!nodePasses(f, n) || f.excludedNodes?.has(k)) hiddenNodes.add(k);
  const hiddenEdges = new Set<string>();
  const touched = new Set<string>();
  for (const [k, e, s, t] of edges) {
    if (hiddenNodes.has(s) || hiddenNodes.has(t) || !edgePasses(f, e)) hiddenEdges.add(k);
    else {
      touched.add(s);
      touched.add(t);
    }
  }
  if (f.onlySources !== null) {
    for (const [k, n] of nodeList) {
      if (!touched.has(k) && !(n.labels.includes(SOURCE_LABEL) && f.onlySources.has(k))) hiddenNodes.add(k);
    }
  }
  return { hiddenNodes, hiddenEdges };
}
