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

async function hasSearchIndex(db: Database): Promise<boolean> {
  const records = await inReadTransaction(db, (tx) => runNamed(tx, "api/search-index-state"));
  return records.some((r) => r.get("state") === "ONLINE");
}

export async function search(db: Database, text: string, limit: number): Promise<SearchResponse> {
  const query = luceneQuery(text);
  const toResult = (n: Node, score: unknown) => {
    const g = toGraphNode(n);
    return { id: g.id, name: g.name, labels: g.labels, score: Number(score) };
  };
  if (query && (await hasSearchIndex(db))) {
    const records = await inReadTransaction(db, (tx) =>
      runNamed(tx, "api/search-fulltext", { query, limit: neo4j.int(limit) }),
    );
    return { results: records.map((r) => toResult(r.get("n"), r.get("score"))) };
  }
  const q = text.normalize("NFKC").trim().toLowerCase();
  if (!q) return { results: [] };
  const records = await inReadTransaction(db, (tx) =>
    runNamed(tx, "api/search-scan", { q, keys: SCAN_KEYS, limit: neo4j.int(limit), scanLimit: neo4j.int(SCAN_LIMIT) }),
  );
  return { results: records.map((r) => toResult(r.get("n"), r.get("score"))) };
}
