// Lets command-line tools reach the managed Neo4j: the running one (the app's) when there is one, otherwise a
// temporary start of the same store, stopped again when the tool is done.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.ts";
import { createDatabase, type Database } from "./database.ts";
import { ensureNeo4jArtifacts } from "./artifacts.ts";
import { localLayout } from "./local-config.ts";
import { startLocalNeo4j } from "./local-server.ts";

function runningPort(home: string): number | null {
  const l = localLayout(home);
  if (!existsSync(l.pidFile) || !existsSync(join(l.conf, "neo4j.conf"))) return null;
  const pid = Number(readFileSync(l.pidFile, "utf8").trim());
  if (!(pid > 0)) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const m = /^server\.bolt\.listen_address=.*:(\d+)$/m.exec(readFileSync(join(l.conf, "neo4j.conf"), "utf8"));
  return m ? Number(m[1]) : null;
}

export async function openConfiguredDatabase(
  config: Config,
  log: (m: string) => void,
): Promise<{ db: Database; close(): Promise<void> }> {
  const ext = config.neo4j.external;
  if (ext) {
    const db = createDatabase({ ...ext, database: config.neo4j.database });
    return { db, close: () => db.close() };
  }
  const home = join(config.neo4j.dataDir, "neo4j");
  const port = runningPort(home);
  if (port) {
    const password = readFileSync(localLayout(home).passwordFile, "utf8").trim();
    const db = createDatabase({
      uri: `bolt://127.0.0.1:${port}`,
      username: "neo4j",
      password,
      database: config.neo4j.database,
    });
    return { db, close: () => db.close() };
  }
  const libDir = await ensureNeo4jArtifacts({ cacheDir: config.neo4j.cacheDir, version: config.neo4j.version, log });
  const local = await startLocalNeo4j({
    home,
    libDir,
    boltPort: 0,
    heap: config.neo4j.heap,
    pagecache: config.neo4j.pagecache,
    txTimeoutMs: config.query.timeoutMs,
    txMemoryMax: config.query.maxMemory,
    database: config.neo4j.database,
    log,
  });
  const db = createDatabase({
    uri: local.uri,
    username: local.username,
    password: local.password,
    database: config.neo4j.database,
  });
  return {
    db,
    close: async () => {
      await db.close();
      await local.stop();
    },
  };
}
