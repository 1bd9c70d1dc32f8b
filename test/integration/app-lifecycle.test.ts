// The whole app as `npm start` runs it, in its own data folder: it starts and seeds its own Neo4j on another port
// when the default is taken, and leaves no JVM behind after SIGTERM or even kill -9, cleaning a stale pid next time.
import { afterAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../server/config.ts";
import { ENTRY_POINT_CLASS } from "../../server/neo4j/artifacts.ts";

const dataDir = mkdtempSync(join(tmpdir(), "kg-lifecycle-"));
const pidFile = join(dataDir, "neo4j", "run", "kg-neo4j.pid");
const children: ChildProcess[] = [];
let blocker: Server | null = null;

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  blocker?.close();
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

function startApp(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // The server itself, as `npm start` runs it after its dependency and client-build checks (pretest did those).
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "server", "main.ts")], {
    env: { ...process.env, KG_DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${out}`)), 200_000);
    child.stdout!.on("data", () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited (${code}) during start:\n${out}`));
    });
  });
}

const jvmPid = () => Number(readFileSync(pidFile, "utf8").trim());

// Each test starts the whole app (dependency check, Neo4j start, seed load): minutes on a busy 2-core machine.
describe("the app's own Neo4j", { timeout: 300_000 }, () => {
  it("starts on another port when the default is taken, keeps its password private, and dies with a kill -9 of the app", async () => {
    blocker = createServer();
    const taken = await new Promise<number>((r) =>
      blocker!.listen(0, "127.0.0.1", () => r((blocker!.address() as { port: number }).port)),
    );
    const app = await startApp({ NEO4J_BOLT_PORT: String(taken) });
    expect(app.output()).toContain(`Port ${taken} is taken`);
    const health = await (await fetch(`${app.url}api/health`)).json();
    expect(health.neo4j).toMatchObject({ connected: true, managed: true });
    expect(health.neo4j.version).toMatch(/^5\.26\./);
    expect(statSync(join(dataDir, "neo4j", "password")).mode & 0o077).toBe(0);
    const jvm = jvmPid();
    expect(alive(jvm)).toBe(true);
    app.child.kill("SIGKILL");
    expect(await until(() => !alive(jvm), 60_000)).toBe(true);
  });

  it("cleans up a stale pid from an earlier run, keeps its data, and stops its JVM on SIGTERM", async () => {
    // A stand-in for a JVM an earlier run left behind: a process whose command line names our entry point and home.
    const stale = spawn(
      process.execPath,
      ["-e", "setInterval(() => {}, 1000)", ENTRY_POINT_CLASS, `--home-dir=${join(dataDir, "neo4j")}`],
      {
        stdio: "ignore",
      },
    );
    children.push(stale);
    writeFileSync(pidFile, String(stale.pid));
    const app = await startApp({});
    expect(app.output()).toContain("left running by an earlier run");
    expect(await until(() => stale.exitCode !== null || stale.signalCode !== null, 5_000)).toBe(true);
    const health = await (await fetch(`${app.url}api/health`)).json();
    expect(health.neo4j.connected).toBe(true);
    const jvm = jvmPid();
    const exited = new Promise<number | null>((r) => app.child.on("exit", (c) => r(c)));
    app.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await until(() => !alive(jvm), 30_000)).toBe(true);
  });
});
