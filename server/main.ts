// Starts the explorer: the database (a managed local Neo4j unless NEO4J_URI points elsewhere), its schema and seed
// graph (managed instance only: we never write into a database we did not start), then Express. Stops in reverse.
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { pino, type Logger } from "pino";
import { loadConfig, PROJECT_ROOT, type Config } from "./config.ts";
import { AppError } from "./errors.ts";
import { createApp } from "./app.ts";
import { createDatabase, type Database } from "./neo4j/database.ts";
import { ensureNeo4jArtifacts } from "./neo4j/artifacts.ts";
import { startLocalNeo4j, type LocalNeo4j } from "./neo4j/local-server.ts";
import { applySchema, loadGraph } from "./seed/load-graph.ts";
import { readGraphDocuments } from "./seed/read-graph-document.ts";
import { SEED_DIR, SEED_DATASET } from "./seed/seed-dataset.ts";
import { warmUp } from "./services/warm-up.ts";

export interface RunningDatabase {
  db: Database;
  local: LocalNeo4j | null;
  stop(): Promise<void>;
}

/** Opens the configured database, starting and seeding a local one when no external database is configured. */
export async function openDatabase(config: Config, logger: Logger): Promise<RunningDatabase> {
  const ext = config.neo4j.external;
  if (ext) {
    const db = createDatabase({ ...ext, database: config.neo4j.database });
    try {
      await db.ping(5_000);
      const info = await db.serverInfo();
      logger.info(
        { uri: ext.uri, version: info.version, edition: info.edition },
        "connected to external Neo4j (read-only use)",
      );
    } catch (e) {
      logger.warn({ uri: ext.uri, err: String(e) }, "external Neo4j not reachable yet: starting degraded");
    }
    return { db, local: null, stop: () => db.close() };
  }
  const log = (m: string) => logger.info(m);
  const libDir = await ensureNeo4jArtifacts({ cacheDir: config.neo4j.cacheDir, version: config.neo4j.version, log });
  log(`Starting Neo4j ${config.neo4j.version} (data in ${join(config.neo4j.dataDir, "neo4j")})...`);
  const local = await startLocalNeo4j({
    home: join(config.neo4j.dataDir, "neo4j"),
    libDir,
    boltPort: config.neo4j.boltPort,
    heap: config.neo4j.heap,
    pagecache: config.neo4j.pagecache,
    txTimeoutMs: config.query.timeoutMs,
    txMemoryMax: config.query.maxMemory,
    database: config.neo4j.database,
    log,
  });
  log(`Neo4j ready on ${local.uri}`);
  const db = createDatabase({
    uri: local.uri,
    username: local.username,
    password: local.password,
    database: config.neo4j.database,
  });
  const stop = async () => {
    await db.close();
    await local.stop();
  };
  try {
    await applySchema(db);
    const result = await loadGraph(db, readGraphDocuments([SEED_DIR], PROJECT_ROOT), SEED_DATASET);
    log(
      `Seed graph loaded: ${result.entities} entities, ${result.relations} relations, ${result.claims} claims, ${result.sources} sources.`,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { db, local, stop };
}

export interface Explorer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startExplorer(config: Config, logger: Logger): Promise<Explorer> {
  const startedAt = Date.now();
  const running = await openDatabase(config, logger);
  await warmUp(running.db, logger);
  const app = createApp({ config, db: running.db, logger, managed: running.local !== null, startedAt });
  const server = createServer(app);
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) => {
      reject(
        e.code === "EADDRINUSE"
          ? new AppError("CONFIG_INVALID", `Port ${config.port} on ${config.host} is in use: set PORT to another port.`)
          : e,
      );
    });
    server.listen(config.port, config.host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.port;
  const shownHost = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}/`;
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting, let in-flight requests finish (bounded), then close the driver and the JVM.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 5_000).unref();
        server.closeIdleConnections();
      });
      await running.stop();
    })());
  return { url, server, close };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const logger = pino({ level: config.logLevel });
  let explorer: Explorer;
  try {
    explorer = await startExplorer(config, logger);
  } catch (e) {
    console.error(`\nkg-explorer could not start:\n${(e as Error).message}\n`);
    process.exit(1);
  }
  const tokenHint = config.accessTokenGenerated
    ? `\nAccess token (shown once): ${config.accessToken}\nOpen ${explorer.url}?token=${config.accessToken}`
    : "";
  console.log(`\nkg-explorer is running at ${explorer.url}${tokenHint}\nPress Ctrl+C to stop.\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    explorer.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

if (process.argv[1] && /main\.ts$/.test(process.argv[1])) void main();
export { main };
