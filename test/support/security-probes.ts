// Instruments for the security tests: a canary HTTP listener that must never be called, a count of this process's
// own TCP sockets to a port (the driver pool's real footprint), a check that an answer leaks no internals, and a
// throw-away Neo4j of a test's own for tests that stop, kill or restart a database.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { expect, inject } from "vitest";
import { freePort, startLocalNeo4j, type LocalNeo4j } from "../../server/neo4j/local-server.ts";
import { createDatabase, type Database } from "../../server/neo4j/database.ts";
import { PROJECT_ROOT } from "../../server/config.ts";

export interface Canary {
  port: number;
  url: string;
  /** Every request the listener received, as `METHOD url`. */
  hits: string[];
  close(): Promise<void>;
}

/** An HTTP listener on loopback that answers like a CSV file: any request reaching it proves an escape. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "text/csv" }).end("canary,secret\nCANARY-LEAK,42\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function socketInodes(): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // the fd closed while we listed them
    }
  }
  return inodes;
}

/**
 * TCP connections this process holds to `port`: ESTABLISHED ones, and CLOSE_WAIT ones (the peer closed, we never
 * did: a leak). /proc/net/tcp lists the whole network namespace, so rows are matched to this process through the
 * socket inodes of /proc/self/fd.
 */
export function socketsTo(port: number): { established: number; closeWait: number } {
  const mine = socketInodes();
  const out = { established: 0, closeWait: 0 };
  for (const table of ["/proc/self/net/tcp", "/proc/self/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (parseInt(f[2].split(":")[1], 16) !== port || !mine.has(f[9])) continue;
      if (f[3] === "01") out.established++;
      else if (f[3] === "08") out.closeWait++;
    }
  }
  return out;
}

const STACK_FRAME = /\bat\s+\S+\s+\(|\bat\s+(?:file:|node:|\/)|\.(?:ts|js|mjs):\d+/;
// The server's own folders; generic patterns such as "/tmp/" would also match hostile input a 400 echoes back.
const FILE_PATH = new RegExp(
  [PROJECT_ROOT, homedir(), "node_modules/", "file:///"].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
);

/** Asserts an HTTP answer carries no stack frame and no file path of the server. */
export function expectNoInternals(text: string): void {
  expect(text, "a stack frame leaked").not.toMatch(STACK_FRAME);
  expect(text, "a server file path leaked").not.toMatch(FILE_PATH);
}

export interface OwnNeo4j {
  neo: LocalNeo4j;
  home: string;
  port: number;
  db: Database;
  /** Starts it again on the same home and port after a stop. */
  restart(): Promise<void>;
  /** Stops it, closes the handle and removes the temp folder. */
  dispose(): Promise<void>;
}

/** A Neo4j of the test's own, in a temp folder on a free port, with the jars the global setup fetched. */
export async function startOwnNeo4j(opts: { txTimeoutMs?: number; pool?: number } = {}): Promise<OwnNeo4j> {
  const home = mkdtempSync(join(tmpdir(), "kg-sec-neo4j-"));
  const port = await freePort();
  const start = (boltPort: number) =>
    startLocalNeo4j({
      home,
      libDir: inject("neo4j").libDir,
      boltPort,
      heap: "512m",
      pagecache: "64m",
      txTimeoutMs: opts.txTimeoutMs ?? 10_000,
      txMemoryMax: "256m",
      log: () => undefined,
    });
  const own: OwnNeo4j = {
    neo: await start(port),
    home,
    port,
    db: null as unknown as Database,
    async restart() {
      own.neo = await start(port);
      if (own.neo.boltPort !== port) throw new Error(`Neo4j came back on ${own.neo.boltPort}, not ${port}`);
    },
    async dispose() {
      await own.db.close().catch(() => undefined);
      await own.neo.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
  own.db = createDatabase(
    { uri: own.neo.uri, username: own.neo.username, password: own.neo.password, database: "neo4j" },
    { maxPoolSize: opts.pool },
  );
  return own;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds or `ms` pass; returns how long it took, or null when it never held. */
export async function within(ms: number, check: () => Promise<boolean> | boolean, every = 100): Promise<number | null> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) return null;
    await sleep(every);
  }
}
