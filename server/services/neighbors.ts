// GET /api/nodes/:id/neighbors: a breadth-first expansion to `depth`, filtered by types and labels and capped,
// plus counts of ALL neighbours within that depth by label and by type, so the client can offer a selective expand.
import neo4j, { type ManagedTransaction, type Node, type Relationship } from "neo4j-driver";
import type { NeighborsResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { GraphCollector } from "../neo4j/serialize.ts";
import { findNode, seedLabels } from "./find-node.ts";
import { EDGES_PER_NODE } from "./starting-view.ts";

export interface NeighborOptions {
  depth: number;
  limit: number;
  types?: string[];
  labels?: string[];
}

/** Rows read per step when counting: beyond it counts are a lower bound (the response says so via truncated). */
export const COUNT_STEP_CAP = 50_000;

interface Step {
  r: Relationship;
  m: Node;
}

async function* expand(
  tx: ManagedTransaction,
  start: Node,
  depth: number,
  filter: { types: string[] | null; labels: string[] | null },
  stepCap: number,
): AsyncGenerator<{ steps: Step[]; capped: boolean }> {
  const seen = new Set([start.elementId]);
  let frontier = [start.elementId];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const records = await runNamed(tx, "api/neighbors-step", { frontier, ...filter, limit: neo4j.int(stepCap + 1) });
    const steps = records.slice(0, stepCap).map((x) => ({ r: x.get("r") as Relationship, m: x.get("m") as Node }));
    const next: string[] = [];
    for (const s of steps) {
      if (!seen.has(s.m.elementId)) {
        seen.add(s.m.elementId);
        next.push(s.m.elementId);
      }
    }
    yield { steps, capped: records.length > stepCap };
    frontier = next;
  }
}

export function neighbors(db: Database, id: string, o: NeighborOptions): Promise<NeighborsResponse> {
  return inReadTransaction(db, async (tx) => {
    const start = await findNode(tx, id);
    const seed = await seedLabels(tx);
    const labels = o.labels?.length ? o.labels : seed.has("Entity") ? ["Entity"] : null;
    const types = o.types?.length ? o.types : null;

    // Counts: every neighbour within depth, whatever the filters, each node and relationship once.
    const byLabel: Record<string, number> = {};
    const byType: Record<string, number> = {};
    const countedNodes = new Set([start.elementId]);
    const countedRels = new Set<string>();
    let truncated = false;
    for await (const { steps, capped } of expand(tx, start, o.depth, { types: null, labels: null }, COUNT_STEP_CAP)) {
      truncated ||= capped;
      for (const { r, m } of steps) {
        if (!countedRels.has(r.elementId)) {
          countedRels.add(r.elementId);
          byType[r.type] = (byType[r.type] ?? 0) + 1;
        }
        if (!countedNodes.has(m.elementId)) {
          countedNodes.add(m.elementId);
          for (const l of m.labels) byLabel[l] = (byLabel[l] ?? 0) + 1;
        }
      }
    }

    // The returned subgraph: filtered, at most `limit` nodes besides the start and EDGES_PER_NODE × limit edges.
    const collector = new GraphCollector();
    collector.addNode(start);
    const edgeCap = o.limit * EDGES_PER_NODE;
    let edges = 0;
    for await (const { steps, capped } of expand(tx, start, o.depth, { types, labels }, edgeCap)) {
      truncated ||= capped;
      for (const { r, m } of steps) {
        if (!collector.hasNode(m.elementId)) {
          if (collector.nodeCount > o.limit) {
            truncated = true;
            continue;
          }
          collector.addNode(m);
        }
        // An edge from a node dropped by the cap would dangle: only edges between kept nodes.
        if (!collector.hasNode(r.startNodeElementId) || !collector.hasNode(r.endNodeElementId)) continue;
        if (edges >= edgeCap) {
          truncated = true;
          continue;
        }
        collector.addRelationship(r);
        edges++;
      }
    }
    const graph = collector.graph();
    return { nodes: graph.nodes, edges: graph.edges, truncated, counts: { byLabel, byType } };
  });
}
