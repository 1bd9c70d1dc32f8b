// GET /api/graph: the first view of a database. On the seed model it shows the entity graph (Source and Claim
// nodes only when asked for by label); elsewhere the best-connected nodes of any label, capped.
import neo4j, { type Node, type Relationship } from "neo4j-driver";
import type { SubGraph } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inElementIdOrder } from "../neo4j/element-order.ts";
import { decodeKey } from "../neo4j/ids.ts";
import { inReadTransaction, INTERNAL_QUERY_TIMEOUT_MS, runNamed, streamNamed } from "../neo4j/read-query.ts";
import { GraphCollector } from "../neo4j/serialize.ts";
import { seedLabels } from "./find-node.ts";

export interface StartingViewOptions {
  limit: number;
  labels?: string[];
  types?: string[];
  /** Opaque ids of Source nodes: only relations their evidence cites. */
  sources?: string[];
}

/** Edges are capped at a multiple of the node cap: dense cores otherwise swamp the client. */
export const EDGES_PER_NODE = 4;
/** Relationships read from the chosen nodes per edge kept: the rest lead outside the view. */
const SCAN_FACTOR = 4;

/** A 50,000-node view reads ~100k relationships and 50k nodes: give big views time in proportion (1 ms a node). */
export function startingViewTimeoutMs(limit: number): number {
  return INTERNAL_QUERY_TIMEOUT_MS + limit;
}

export function startingView(db: Database, o: StartingViewOptions): Promise<SubGraph> {
  return inReadTransaction(
    db,
    async (tx) => {
      const seed = await seedLabels(tx);
      const labels = o.labels?.length ? o.labels : seed.has("Entity") ? ["Entity"] : null;
      const types = o.types?.length ? o.types : null;
      const limit = neo4j.int(o.limit);
      const edgeCap = o.limit * EDGES_PER_NODE;
      const collector = new GraphCollector();
      if (o.sources?.length) {
        const sources = o.sources.map((s) => decodeKey(s)?.value ?? s);
        const records = await runNamed(tx, "api/graph-edges-by-sources", {
          sources,
          types,
          labels,
          limit: neo4j.int(edgeCap),
        });
        let truncated = records.length > edgeCap;
        for (const r of records.slice(0, edgeCap)) {
          if (
            collector.nodeCount >= o.limit &&
            !(collector.hasNode(r.get("a").elementId) && collector.hasNode(r.get("b").elementId))
          ) {
            truncated = true;
            continue;
          }
          collector.addNode(r.get("a") as Node);
          collector.addNode(r.get("b") as Node);
          collector.addRelationship(r.get("r") as Relationship);
        }
        return { ...collector.graph(), truncated };
      }

      // Both queries are converted record by record as they stream in (read-query.ts, streamNamed).
      const elementIds: string[] = [];
      let found = 0;
      await streamNamed(
        tx,
        labels ? "api/graph-top-nodes-by-label" : "api/graph-top-nodes",
        labels ? { labels, limit } : { limit },
        (r) => {
          if (found++ >= o.limit) return;
          const n = r.get("n") as Node;
          collector.addNode(n);
          elementIds.push(n.elementId);
        },
      );
      let truncated = found > o.limit;
      const scanLimit = edgeCap * SCAN_FACTOR;
      let scanned = 0;
      // Every relationship inside the view is converted as it comes, before the cap picks the first ones by
      // elementId: a capped view converts up to SCAN_FACTOR times the edges it keeps, in return for not holding
      // the driver's records.
      const inView: string[] = [];
      await streamNamed(tx, "api/graph-edges-among", { elementIds, types, scanLimit: neo4j.int(scanLimit) }, (rec) => {
        scanned++;
        const r = rec.get("r") as Relationship;
        if (!collector.hasNode(r.endNodeElementId)) return;
        collector.addRelationship(r);
        inView.push(r.elementId);
      });
      if (scanned >= scanLimit || inView.length > edgeCap) truncated = true;
      collector.retainEdges(inElementIdOrder(inView).slice(0, edgeCap));
      return { ...collector.graph(), truncated };
    },
    startingViewTimeoutMs(o.limit),
  );
}
