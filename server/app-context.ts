// What every route and service receives: configuration, the database handle and a logger. No globals.
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import type { Database } from "./neo4j/database.ts";

export interface AppContext {
  config: Config;
  db: Database;
  logger: Logger;
  /** true when this process started the Neo4j it talks to (and may therefore seed it). */
  managed: boolean;
  startedAt: number;
}
