// Reads what the view shows right now out of the store's graph (visible nodes, relations between them) in the
// contract's shapes, with the cited sources from the name directory, for every export.
import type { GraphStore } from "../state/graph-store.ts";
import type { SourceSummary } from "../../../contract/api.ts";
import { citedSources, type ExportGraph } from "./export-graph.ts";

export function visibleGraph(store: GraphStore, sources: ReadonlyMap<string, SourceSummary>): ExportGraph {
  const g = store.graph;
  const nodes = g
    .filterNodes((_k, a) => !a.hidden)
    .map((id) => {
      const a = g.getNodeAttributes(id);
      return { id, labels: [...a.labels], name: a.label, properties: a.properties, x: a.x, y: a.y };
    });
  const edges = g
    .filterEdges((_k, a, s, t) => !a.hidden && !g.getNodeAttribute(s, "hidden") && !g.getNodeAttribute(t, "hidden"))
    .map((id) => {
      const a = g.getEdgeAttributes(id);
      return {
        id,
        type: a.relType,
        source: g.source(id),
        target: g.target(id),
        properties: a.properties,
        evidence: a.evidence,
      };
    });
  return { nodes, edges, sources: citedSources(edges, sources) };
}
