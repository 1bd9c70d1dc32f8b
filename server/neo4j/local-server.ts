// Starts and stops the managed Neo4j as a child JVM. The JVM runs under jvm-watchdog.sh, which ends it when
// this process disappears (even on kill -9); a pid left by an earlier run that died anyway is cleaned up here.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { AppError } from "../errors.ts";
import { checkJava, ENTRY_POINT_CLASS } from "./artifacts.ts";
import { localLayout, writeLocalConfig, type LocalLayout } from "./local-config.ts";

const WATCHDOG = join(import.meta.dirname, "jvm-watchdog.sh");
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface LocalNeo4j {
  uri: string;
  username: string;
  password: string;
  boltPort: number;
  home: string;
  /** The watchdog shell's pid; the JVM's own pid is in the pid file. */
  pid: number;
  jvmPid(): number | null;
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

export interface StartOptions {
  home: string;
  libDir: string;
  boltPort: number;
  heap: string;
  pagecache: string;
  txTimeoutMs: number;
  txMemoryMax: string;
  txMemoryTotalMax?: string;
  database?: string;
  log: (msg: string) => void;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

export async function freePort(preferred = 0): Promise<number> {
  if (preferred > 0 && (await portIsFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/** A JVM of ours left by a run that died before its watchdog could act: stop it, or the store stays locked. */
export async function cleanStalePid(l: LocalLayout, log: (m: string) => void): Promise<void> {
  if (!existsSync(l.pidFile)) return;
  const pid = Number(readFileSync(l.pidFile, "utf8").trim());
  const cmd = pid > 0 ? cmdline(pid) : "";
  if (pid > 0 && alive(pid) && cmd.includes(ENTRY_POINT_CLASS) && cmd.includes(l.home)) {
    log(`Stopping a Neo4j left running by an earlier run (pid ${pid}).`);
    process.kill(pid, "SIGTERM");
    if (!(await waitGone(pid, STOP_TIMEOUT_MS))) process.kill(pid, "SIGKILL");
    await waitGone(pid, 5_000);
  }
  writeFileSync(l.pidFile, "");
}

function lastLogLines(l: LocalLayout, n = 25): string {
  const out: string[] = [];
  for (const f of ["neo4j.log", "debug.log", "console.log"]) {
    const p = join(l.logs, f);
    if (!existsSync(p)) continue;
    const lines = readFileSync(p, "utf8").trimEnd().split("\n");
    out.push(`--- ${p} (last lines)`, ...lines.slice(-n));
  }
  return out.join("\n");
}

/** A new store gets its password before the first start, so the database never runs with neo4j/neo4j. */
function ensurePassword(l: LocalLayout, java: string, libDir: string): string {
  if (existsSync(l.passwordFile)) return readFileSync(l.passwordFile, "utf8").trim();
  if (existsSync(join(l.data, "dbms", "auth.ini")) || existsSync(join(l.data, "databases", "system"))) {
    throw new AppError(
      "NEO4J_START_FAILED",
      `The local database in ${l.data} exists but its password file ${l.passwordFile} is gone. ` +
        `Delete ${l.home} to start afresh (its data is lost), or restore the password file.`,
    );
  }
  // base64url may start with "-", which the admin tool's parser takes for an option ("Missing required parameter"):
  // one new store in 64 would fail to start. A letter first keeps it a plain argument.
  const password = `k${randomBytes(18).toString("base64url")}`;
  const r = spawnSync(
    java,
    ["-cp", join(libDir, "*"), "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password],
    {
      env: { ...process.env, NEO4J_HOME: l.home, NEO4J_CONF: l.conf },
      encoding: "utf8",
    },
  );
  if (r.status !== 0) {
    throw new AppError("NEO4J_START_FAILED", `Setting the initial Neo4j password failed:\n${r.stdout}\n${r.stderr}`);
  }
  writeFileSync(l.passwordFile, password + "\n", { mode: 0o600 });
  chmodSync(l.passwordFile, 0o600);
  return password;
}

export async function startLocalNeo4j(o: StartOptions): Promise<LocalNeo4j> {
  const java = checkJava();
  const l = localLayout(o.home);
  const database = o.database ?? "neo4j";
  await cleanStalePid(l, o.log);
  const boltPort = await freePort(o.boltPort);
  if (o.boltPort > 0 && boltPort !== o.boltPort)
    o.log(`Port ${o.boltPort} is taken: Neo4j Bolt uses ${boltPort} instead.`);
  writeLocalConfig(l, {
    boltPort,
    heap: o.heap,
    pagecache: o.pagecache,
    txTimeoutMs: o.txTimeoutMs,
    txMemoryMax: o.txMemoryMax,
    txMemoryTotalMax: o.txMemoryTotalMax,
  });
  const password = ensurePassword(l, java, o.libDir);

  const jvmArgs = [
    `-Xms${o.heap}`,
    `-Xmx${o.heap}`,
    "-XX:+UseG1GC",
    // No -XX:+ExitOnOutOfMemoryError: a console query can exhaust the heap in ways the transaction memory tracker
    // does not see (e.g. a string doubled in reduce()); Neo4j then fails that query with
    // Neo.TransientError.General.OutOfMemoryError and stays up, where the flag would let one query kill the database.
    "-XX:ActiveProcessorCount=2",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dfile.encoding=UTF-8",
    "-cp",
    join(o.libDir, "*"),
    ENTRY_POINT_CLASS,
    `--home-dir=${l.home}`,
    `--config-dir=${l.conf}`,
  ];
  const child: ChildProcess = spawn("bash", [WATCHDOG, l.pidFile, java, ...jvmArgs], {
    stdio: ["pipe", "ignore", "pipe"],
    env: { ...process.env, NEO4J_HOME: l.home, NEO4J_CONF: l.conf },
  });
  const stderr: string[] = [];
  child.stderr?.on("data", (d: Buffer) => {
    stderr.push(d.toString());
    if (stderr.length > 50) stderr.shift();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const uri = `bolt://127.0.0.1:${boltPort}`;
  const jvmPid = () => {
    const text = existsSync(l.pidFile) ? readFileSync(l.pidFile, "utf8").trim() : "";
    return text ? Number(text) : null;
  };
  const stop = async () => {
    if (hasExited) return;
    child.stdin?.end(); // the watchdog reads EOF and sends SIGTERM to the JVM
    const timer = setTimeout(() => {
      const pid = jvmPid();
      if (pid && alive(pid)) process.kill(pid, "SIGKILL");
    }, STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  // Ready means a query runs on the target database, not just that Bolt answers a handshake.
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), {
    connectionTimeout: 2_000,
    logging: undefined,
  });
  try {
    for (;;) {
      if (hasExited) {
        throw new AppError(
          "NEO4J_START_FAILED",
          `Neo4j exited during start (code ${await exited}).\n${lastLogLines(l)}\n${stderr.join("").slice(-2000)}`,
        );
      }
      try {
        await driver.executeQuery("RETURN 1", {}, { database });
        break;
      } catch (e) {
        if (Date.now() > deadline) {
          await stop();
          throw new AppError(
            "NEO4J_START_FAILED",
            `Neo4j did not become ready in ${READY_TIMEOUT_MS / 1000}s: ${String(e)}\n${lastLogLines(l)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  } finally {
    await driver.close();
  }
  return { uri, username: "neo4j", password, boltPort, home: l.home, pid: child.pid ?? -1, jvmPid, stop, exited };
}
