// The sub-graph an export writes: the contract's nodes and edges (with each edge's evidence) plus the sources the
// evidence cites, so citations travel with the data. Built from what is visible in the view.
import type { GraphEdge, GraphNode, SourceSummary } from "../../../contract/api.ts";

export interface ExportNode extends GraphNode {
  x?: number;
  y?: number;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: GraphEdge[];
  /** Every source cited by an edge's evidence (when known). */
  sources: SourceSummary[];
}

/** The sources cited by `edges`, in first-cited order, from the known ones. */
export function citedSources(edges: readonly GraphEdge[], known: ReadonlyMap<string, SourceSummary>): SourceSummary[] {
  const out = new Map<string, SourceSummary>();
  for (const e of edges)
    for (const ev of e.evidence) {
      const s = ev.source ? known.get(ev.source) : undefined;
      if (s && !out.has(s.id)) out.set(s.id, s);
    }
  return [...out.values()];
}
