// Runs the app's own read queries (cypher/<feature>/*.cypher, parameterised) in a READ session with a timeout,
// mapping failures to AppErrors. Services use this; the user's console queries go through services/console instead.
import type { ManagedTransaction, Record as Neo4jRecord } from "neo4j-driver";
import type { Database } from "./database.ts";
import { cypher } from "./cypher-files.ts";
import { toAppError } from "./neo4j-errors.ts";

export const INTERNAL_QUERY_TIMEOUT_MS = 10_000;

/** Several queries in one read transaction (a consistent view), e.g. resolve an id and then expand it. */
export async function inReadTransaction<T>(
  db: Database,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs: number = INTERNAL_QUERY_TIMEOUT_MS,
): Promise<T> {
  const session = db.readSession();
  try {
    return await session.executeRead(work, { timeout: timeoutMs, metadata: { app: "kg-explorer" } });
  } catch (e) {
    throw toAppError(e);
  } finally {
    await session.close().catch(() => undefined);
  }
}

export async function runNamed(
  tx: ManagedTransaction,
  name: string,
  params: Record<string, unknown> = {},
): Promise<Neo4jRecord[]> {
  const r = await tx.run(cypher(name), params);
  return r.records;
}

export function readNamed(db: Database, name: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
  return inReadTransaction(db, (tx) => runNamed(tx, name, params));
}
