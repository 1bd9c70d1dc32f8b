// Watches Neo4j's own list of running transactions (SHOW TRANSACTIONS, which Community answers for the current user)
// from a separate session, to see how often a tagged query ran and whether its transaction is gone.
import type { Database } from "../../server/neo4j/database.ts";
import { sleep } from "./security-probes.ts";

export interface SeenTransaction {
  transactionId: string;
  currentQuery: string;
  status: string;
}

export async function transactionsMatching(db: Database, tag: string): Promise<SeenTransaction[]> {
  const r = await db.driver.executeQuery(
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery, status RETURN transactionId, currentQuery, status",
    {},
    { database: db.name },
  );
  return r.records
    .map((x) => ({
      transactionId: x.get("transactionId") as string,
      currentQuery: (x.get("currentQuery") as string) ?? "",
      status: x.get("status") as string,
    }))
    .filter((t) => t.currentQuery.includes(tag) && !t.currentQuery.startsWith("SHOW TRANSACTIONS"));
}

/** Polls until stopped; `ids` collects every distinct transaction that ran a query containing `tag`. */
export function watchTransactions(db: Database, tag: string, every = 100) {
  const ids = new Set<string>();
  let running = true;
  const done = (async () => {
    while (running) {
      for (const t of await transactionsMatching(db, tag)) ids.add(t.transactionId);
      await sleep(every);
    }
  })();
  return {
    ids,
    async stop() {
      running = false;
      await done;
    },
  };
}
