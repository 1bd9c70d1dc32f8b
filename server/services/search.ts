// GET /api/search: the entity_search full-text index when the database has it, else a bounded scan of name-like
// properties, so search works on any database. Results carry the same opaque ids as every other endpoint.
import neo4j, { type Node } from "neo4j-driver";
import type { SearchResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { NAME_KEYS, toGraphNode } from "../neo4j/serialize.ts";
import { luceneQuery } from "./lucene-query.ts";

/** How many nodes the fallback scan looks at: search must answer quickly on a database of millions. */
export const SCAN_LIMIT = 200_000;
const SCAN_KEYS = [...NAME_KEYS, "aliases", "id"];

/**
 * Databases whose index was seen ONLINE. Asking each time cost a transaction of its own per search; an index that
 * is dropped later makes the full-text query fail, which clears the entry and re-asks. A missing index is never
 * remembered, so one created by an import is used from the next search on.
 */
const indexOnline = new WeakSet<Database>();

async function hasSearchIndex(db: Database): Promise<boolean> {
  if (indexOnline.has(db)) return true;
  const records = await inReadTransaction(db, (tx) => runNamed(tx, "api/search-index-state"));
  const online = records.some((r) => r.get("state") === "ONLINE");
  if (online) indexOnline.add(db);
  return online;
}

export async function search(db: Database, text: string, limit: number): Promise<SearchResponse> {
  const query = luceneQuery(text);
  const toResult = (n: Node, score: unknown) => {
    const g = toGraphNode(n);
    return { id: g.id, name: g.name, labels: g.labels, score: Number(score) };
  };
  if (query && (await hasSearchIndex(db))) {
    try {
      const records = await inReadTransaction(db, (tx) =>
        runNamed(tx, "api/search-fulltext", { query, limit: neo4j.int(limit) }),
      );
      return { results: records.map((r) => toResult(r.get("n"), r.get("score"))) };
    } catch (e) {
      indexOnline.delete(db);
      // Still there: the failure is the query's own. Gone since we looked: fall through to the scan.
      if (await hasSearchIndex(db)) throw e;
    }
  }
  const q = text.normalize("NFKC").trim().toLowerCase();
  if (!q) return { results: [] };
  const records = await inReadTransaction(db, (tx) =>
    runNamed(tx, "api/search-scan", { q, keys: SCAN_KEYS, limit: neo4j.int(limit), scanLimit: neo4j.int(SCAN_LIMIT) }),
  );
  return { results: records.map((r) => toResult(r.get("n"), r.get("score"))) };
}
