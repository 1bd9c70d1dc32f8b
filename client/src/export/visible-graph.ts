// Reads what the view shows right now out of the store's graph (visible nodes, relations between them) in the
// contract's shapes, with the cited sources from the name directory, for every export.
import type { GraphStore } from "../state/graph-store.ts";
import type { SourceSummary } from "../../../contract/api.ts";
import { citedSources, type ExportGraph } from "./export-graph.ts";
import { completeDetails } from "./complete-details.ts";
import { fetchEdgeDetails, fetchNodeDetails, needsDetails } from "../api/element-details.ts";

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

/** The visible graph with the text a big view deferred fetched first, for files that must carry every quote. */
export async function visibleGraphWithDetails(
  store: GraphStore,
  sources: ReadonlyMap<string, SourceSummary>,
): Promise<ExportGraph> {
  const g = visibleGraph(store, sources);
  const whole = await completeDetails(
    g,
    {
      nodes: g.nodes.filter((n) => needsDetails(store.graph.getNodeAttributes(n.id))).map((n) => n.id),
      edges: g.edges.filter((e) => needsDetails(store.graph.getEdgeAttributes(e.id))).map((e) => e.id),
    },
    // What comes back stays in the view: the next export or inspect asks nothing.
    {
      edges: async (edges) => {
        const found = await fetchEdgeDetails(edges);
        store.keepDetails({ edges: found });
        return found;
      },
      nodes: async (ids) => {
        const found = await fetchNodeDetails(ids);
        store.keepDetails({ nodes: found });
        return found;
      },
    },
  );
  // Evidence may now cite sources the deferred form did not: recompute them from the whole evidence.
  return { ...whole, sources: citedSources(whole.edges, sources) };
}
