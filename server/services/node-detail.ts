// GET /api/nodes/:id: a node, its degree, its relationships grouped by type and direction (each edge with its
// evidence) and the value claims about it.
import neo4j, { type Node, type Relationship } from "neo4j-driver";
import type { NodeDetail } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { GraphCollector, toJsonValue } from "../neo4j/serialize.ts";
import { findNode } from "./find-node.ts";
import { toValueClaim } from "./value-claims.ts";

/** Relationships listed per node; `truncated` says when a hub has more (the neighbours endpoint pages them). */
export const NODE_RELATION_CAP = 500;

export function nodeDetail(db: Database, id: string): Promise<NodeDetail> {
  return inReadTransaction(db, async (tx) => {
    const node = await findNode(tx, id);
    const elementId = node.elementId;
    const [degree] = await runNamed(tx, "api/node-degree", { elementId });
    const rels = await runNamed(tx, "api/node-relations", { elementId, limit: neo4j.int(NODE_RELATION_CAP) });
    const claims = await runNamed(tx, "api/node-claims", { elementId });
    const collector = new GraphCollector();
    const self = collector.addNode(node);
    const groups = new Map<string, NodeDetail["relations"][number]>();
    for (const r of rels.slice(0, NODE_RELATION_CAP)) {
      const other = collector.addNode(r.get("m") as Node);
      const edge = collector.addRelationship(r.get("r") as Relationship);
      const direction = r.get("outgoing") ? "out" : "in";
      const key = `${edge.type}\u0000${direction}`;
      let g = groups.get(key);
      if (!g) {
        g = { type: edge.type, direction, edges: [], neighbors: [] };
        groups.set(key, g);
      }
      g.edges.push(edge);
      if (!g.neighbors.some((x) => x.id === other.id)) g.neighbors.push(other);
    }
    return {
      node: self,
      degree: Number(toJsonValue(degree?.get("degree") ?? 0)),
      relations: [...groups.values()],
      claims: claims.map((r) => toValueClaim(r.get("c"))),
      truncated: rels.length > NODE_RELATION_CAP,
    };
  });
}
