// POST /api/details: whole nodes and edges (every property, evidence with quotes) for a view whose long text was
// deferred (GET /api/graph?format=columns on a big view). The inspector asks for one edge, an export for many.
import type { Node, Relationship } from "neo4j-driver";
import type { DetailsRequest, DetailsResponse, GraphEdge, GraphNode } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { decodeKey } from "../neo4j/ids.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { GraphCollector } from "../neo4j/serialize.ts";

/** The nodes behind opaque ids, keyed by those ids; unknown ids are simply absent. */
async function nodesByOpaqueId(
  tx: Parameters<Parameters<typeof inReadTransaction>[1]>[0],
  opaque: readonly string[],
  collector: GraphCollector,
): Promise<Map<string, { node: Node; graph: GraphNode }>> {
  const byIdProperty = new Set<string>();
  const elementIds = new Set<string>();
  for (const o of opaque) {
    const key = decodeKey(o);
    if (key?.kind === "id") byIdProperty.add(key.value);
    else if (key?.kind === "elementId") elementIds.add(key.value);
  }
  const found: Node[] = [];
  if (byIdProperty.size) {
    const seeded = (await runNamed(tx, "api/details-nodes-by-id", { ids: [...byIdProperty] })).map(
      (r) => r.get("n") as Node,
    );
    found.push(...seeded);
    for (const n of seeded) byIdProperty.delete(String(n.properties.id));
    if (byIdProperty.size)
      found.push(
        ...(await runNamed(tx, "api/details-nodes-by-id-scan", { ids: [...byIdProperty] })).map((r) => r.get("n")),
      );
  }
  if (elementIds.size)
    found.push(
      ...(await runNamed(tx, "api/nodes-by-element-ids", { elementIds: [...elementIds] })).map((r) => r.get("n")),
    );
  const wanted = new Set(opaque);
  const out = new Map<string, { node: Node; graph: GraphNode }>();
  for (const node of found) {
    const graph = collector.addNode(node);
    if (wanted.has(graph.id)) out.set(graph.id, { node, graph });
  }
  return out;
}

export function elementDetails(db: Database, req: DetailsRequest): Promise<DetailsResponse> {
  return inReadTransaction(db, async (tx) => {
    const collector = new GraphCollector();
    const askedEdges = req.edges ?? [];
    const nodes = await nodesByOpaqueId(tx, [...(req.nodes ?? []), ...askedEdges.map((e) => e.source)], collector);
    const rows = askedEdges.flatMap((e) => {
      const start = nodes.get(e.source)?.node.elementId;
      const key = decodeKey(e.id);
      if (!start || !key) return [];
      return [
        {
          start,
          idProperty: key.kind === "id" ? key.value : null,
          elementId: key.kind === "elementId" ? key.value : null,
        },
      ];
    });
    const edges = new Map<string, GraphEdge>();
    if (rows.length) {
      const wanted = new Set(askedEdges.map((e) => e.id));
      for (const r of await runNamed(tx, "api/details-edges-from", { edges: rows })) {
        collector.addNode(r.get("a") as Node);
        collector.addNode(r.get("b") as Node);
        const edge = collector.addRelationship(r.get("r") as Relationship);
        if (wanted.has(edge.id)) edges.set(edge.id, edge);
      }
    }
    return {
      nodes: (req.nodes ?? []).flatMap((id) => nodes.get(id)?.graph ?? []),
      edges: [...edges.values()],
    };
  });
}
