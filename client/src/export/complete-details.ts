// Exports must carry every quote and property, but a big view arrives with long text deferred: before writing a
// file, the visible elements still missing text are fetched (in batches) and put into the export graph.
import type { GraphEdge, GraphNode } from "../../../contract/api.ts";
import type { ExportGraph } from "./export-graph.ts";

export interface DetailsFetchers {
  edges(edges: readonly { id: string; source: string }[]): Promise<Map<string, GraphEdge>>;
  nodes(ids: readonly string[]): Promise<Map<string, GraphNode>>;
}

/** `g` with the listed nodes' properties and edges' properties and evidence replaced by the whole ones. */
export async function completeDetails(
  g: ExportGraph,
  missing: { nodes: readonly string[]; edges: readonly string[] },
  fetch: DetailsFetchers,
): Promise<ExportGraph> {
  if (missing.nodes.length === 0 && missing.edges.length === 0) return g;
  const wantEdges = new Set(missing.edges);
  const [nodes, edges] = await Promise.all([
    missing.nodes.length ? fetch.nodes(missing.nodes) : new Map<string, GraphNode>(),
    fetch.edges(g.edges.filter((e) => wantEdges.has(e.id)).map((e) => ({ id: e.id, source: e.source }))),
  ]);
  return {
    ...g,
    nodes: g.nodes.map((n) => {
      const whole = nodes.get(n.id);
      return whole ? { ...n, properties: whole.properties } : n;
    }),
    edges: g.edges.map((e) => {
      const whole = edges.get(e.id);
      return whole ? { ...e, properties: whole.properties, evidence: whole.evidence } : e;
    }),
  };
}
