// Runs the queries a page load needs once before the server reports ready. Neo4j plans and compiles each query on
// its first run, which on a cold JVM and a busy 2-core machine took longer than the internal timeout (seen: the
// first page load answered 504 for /api/graph and /api/schema, the second one 200 in about two seconds).
import type { Logger } from "pino";
import type { Database } from "../neo4j/database.ts";
import { GraphQuery } from "../http/api-schemas.ts";
import { describeSchema } from "./schema.ts";
import { startingView } from "./starting-view.ts";
import { listSources } from "./sources.ts";
import { findDisagreements } from "./disagreements.ts";
import { search } from "./search.ts";

export async function warmUp(db: Database, logger: Logger): Promise<void> {
  const started = Date.now();
  const steps: [string, () => Promise<unknown>][] = [
    ["schema", () => describeSchema(db)],
    ["starting view", () => startingView(db, GraphQuery.parse({}))],
    ["sources", () => listSources(db)],
    ["disagreements", () => findDisagreements(db)],
    ["search", () => search(db, "isis", 10)],
  ];
  for (const [name, step] of steps) {
    // A failure here is not fatal: the route will report it properly when a user asks.
    await step().catch((e: unknown) => logger.warn({ err: String(e) }, `warm-up of ${name} failed`));
  }
  logger.info(`Queries warmed up in ${Date.now() - started} ms.`);
}
