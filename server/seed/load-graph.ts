// Writes a validated graph document into Neo4j in one transaction (all or nothing), in batches of UNWIND.
// Everything it writes carries `dataset`, so loading a newer version of a dataset converges: what the document no
// longer holds is removed, and loading the same document twice leaves an identical graph.
import type { Transaction } from "neo4j-driver";
import { AppError } from "../errors.ts";
import type { Database } from "../neo4j/database.ts";
import { cypher, statements } from "../neo4j/cypher-files.ts";
import type { MergedDocument } from "./read-graph-document.ts";
import { documentIds, loadStatements, type LoadStatement } from "./load-statements.ts";

/** Rows per statement: large enough that round trips do not count, small enough to keep each message modest. */
export const LOAD_BATCH = 5_000;

export async function applySchema(db: Database): Promise<void> {
  const session = db.writeSession();
  try {
    for (const stmt of statements("schema")) await session.run(stmt);
    await session.run("CALL db.awaitIndexes(60)");
  } finally {
    await session.close();
  }
}

export interface LoadResult {
  dataset: string;
  sources: number;
  entities: number;
  relations: number;
  claims: number;
  mentions: number;
}

/**
 * Removes what the dataset's previous version wrote and the document no longer holds, and returns the document's
 * entity ids the graph already has (updated in place; the others are created). The first step of every load.
 */
export async function clearForLoad(tx: Transaction, doc: MergedDocument, dataset: string): Promise<Set<string>> {
  await tx.run(cypher("seed/delete-dataset-relationships"), { dataset });
  await tx.run(cypher("seed/delete-stale-nodes"), { dataset, ids: documentIds(doc) });
  const r = await tx.run(cypher("seed/existing-entity-ids"), { ids: doc.entities.map((e) => e.id) });
  return new Set(r.records[0].get("ids") as string[]);
}

/** Runs one statement; a relation batch must create every relationship it holds, or the load fails. */
export async function runLoadStatement(tx: Transaction, s: LoadStatement): Promise<void> {
  const r = await tx.run(cypher(s.name), s.params);
  const made = r.summary.counters.updates().relationshipsCreated;
  if (s.creates !== undefined && made !== s.creates)
    throw new AppError("INTERNAL", `${s.name}: created ${made} of ${s.creates} relationships (an endpoint is missing)`);
}

/** Loads a document as `dataset`, replacing that dataset's previous version, in one transaction. */
export async function loadGraph(db: Database, doc: MergedDocument, dataset: string): Promise<LoadResult> {
  const session = db.writeSession();
  const tx = session.beginTransaction({ timeout: 600_000 });
  try {
    const existing = await clearForLoad(tx, doc, dataset);
    for (const s of loadStatements(doc, dataset, existing, LOAD_BATCH)) await runLoadStatement(tx, s);
    await tx.commit();
  } catch (e) {
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    throw e;
  } finally {
    await session.close();
  }
  return {
    dataset,
    sources: doc.sources.length,
    entities: doc.entities.length,
    relations: doc.relations.length,
    claims: doc.claims.length,
    mentions: doc.entities.reduce((n, e) => n + e.mentionedIn.length, 0),
  };
}
