// The visible sub-graph as a JSON file: the contract's SubGraph shape (nodes, edges with their evidence) plus the
// cited sources and a small header saying what the file is, so it can be read back or handed to another tool.
import type { ExportGraph } from "./export-graph.ts";

export const SUBGRAPH_FORMAT = "kg-explorer/subgraph" as const;

export function toSubgraphJson(g: ExportGraph, exportedAt = new Date()): string {
  return JSON.stringify(
    {
      format: SUBGRAPH_FORMAT,
      version: 1,
      exportedAt: exportedAt.toISOString(),
      nodes: g.nodes,
      edges: g.edges,
      sources: g.sources,
      truncated: false,
    },
    null,
    2,
  );
}
