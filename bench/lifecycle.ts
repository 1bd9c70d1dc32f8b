// Everything the bench starts (a Neo4j JVM in a temp folder, an Express app on port 0, chromium) is registered
// here and stopped in reverse order: on success, on failure, and on Ctrl+C, so no JVM or browser outlives a run.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { NEO4J_VERSION } from "../server/config.ts";
import { ensureNeo4jArtifacts } from "../server/neo4j/artifacts.ts";
import { startLocalNeo4j } from "../server/neo4j/local-server.ts";
import { createDatabase, type Database } from "../server/neo4j/database.ts";

type Cleanup = { name: string; run: () => Promise<void> };
const cleanups: Cleanup[] = [];

export function onCleanup(name: string, run: () => Promise<void>): () => void {
  const c = { name, run };
  cleanups.push(c);
  return () => {
    const i = cleanups.indexOf(c);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const c = cleanups.pop()!;
    try {
      await c.run();
    } catch (e) {
      console.error(`[bench] cleanup of ${c.name} failed: ${String(e)}`);
    }
  }
}

let signalled = false;
export function installSignalHandlers(): void {
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (signalled) return;
      signalled = true;
      console.error(`\n[bench] ${sig}: stopping what the bench started...`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
}

function gigabytes(size: string): number {
  const m = /^(\d+)([gm])$/i.exec(size);
  if (!m) throw new Error(`bench: heap size "${size}" is not like 6g or 512m`);
  return m[2].toLowerCase() === "g" ? Number(m[1]) : Math.floor(Number(m[1]) / 1024);
}

export interface BenchNeo4j {
  uri: string;
  username: string;
  password: string;
  db: Database;
  /** CPU time (user + system) the JVM has used so far, in ms; null where /proc cannot tell (not Linux). */
  jvmCpuMs(): number | null;
  stop(): Promise<void>;
}

/** utime + stime of a Linux process, from /proc (clock ticks of 10 ms: USER_HZ is 100 on Linux). */
function processCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A private Neo4j in a temp folder on a free port, sized for the million-relationship graph. */
export async function startBenchNeo4j(opts: { heap: string; pagecache: string; log: (m: string) => void }) {
  const cacheDir = process.env.KG_CACHE_DIR ?? join(homedir(), ".cache", "kg-explorer");
  const libDir = await ensureNeo4jArtifacts({ cacheDir, version: NEO4J_VERSION, log: opts.log });
  const home = mkdtempSync(join(tmpdir(), "kg-bench-neo4j-"));
  const removeHome = onCleanup("neo4j home", async () => rmSync(home, { recursive: true, force: true }));
  // Last resort when the process is torn down mid-cleanup (a second signal, a closed pipe): never leave the folder.
  process.once("exit", () => rmSync(home, { recursive: true, force: true }));
  const local = await startLocalNeo4j({
    home,
    libDir,
    boltPort: 0,
    heap: opts.heap,
    pagecache: opts.pagecache,
    // The million-relationship import is one transaction: give it room (the product's defaults are for the UI).
    // Neo4j estimates ~6 KB of transaction state per bench relationship (10 properties, 5 of them lists), so the
    // 1M load needs ~6 GB: all the heap but 2 GB for everything else (never below the product's 2 GB).
    txTimeoutMs: 1_800_000,
    txMemoryMax: "0",
    txMemoryTotalMax: `${Math.max(2, gigabytes(opts.heap) - 2)}g`,
    log: opts.log,
  });
  const stopJvm = onCleanup("neo4j", () => local.stop());
  const db = createDatabase({ uri: local.uri, username: local.username, password: local.password, database: "neo4j" });
  const closeDb = onCleanup("driver", () => db.close());
  const bench: BenchNeo4j = {
    uri: local.uri,
    username: local.username,
    password: local.password,
    db,
    jvmCpuMs: () => processCpuMs(local.jvmPid()),
    async stop() {
      closeDb();
      stopJvm();
      removeHome();
      await db.close();
      await local.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  return bench;
}

export interface BenchApp {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** The product's Express app (createApp) in a child process on 127.0.0.1, port 0, talking to the bench's Neo4j. */
export async function startBenchApp(
  neo: BenchNeo4j,
  o: { env?: Record<string, string>; pages?: Record<string, string> } = {},
): Promise<BenchApp> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "app-process.ts")], {
    stdio: ["pipe", "pipe", "inherit"],
    env: {
      ...process.env,
      NEO4J_URI: neo.uri,
      NEO4J_USERNAME: neo.username,
      NEO4J_PASSWORD: neo.password,
      LOG_LEVEL: "silent",
      CYPHER_RATE_LIMIT: "100000",
      HOST: "127.0.0.1",
      PORT: "0",
      BENCH_PAGES: JSON.stringify(o.pages ?? {}),
      ...o.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(t);
  };
  const unregister = onCleanup("app", close);
  const url = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /LISTENING (\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`the app process exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid ?? -1,
    async close() {
      unregister();
      await close();
    },
  };
}

export async function clearGraph(db: Database): Promise<void> {
  const s = db.writeSession();
  try {
    await s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS");
    await s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS");
  } finally {
    await s.close();
  }
}
