// Big console results at the default caps: many rows, wide rows, whole nodes and paths, and single huge values.
// Every answer is cut by rows or bytes with `truncated: true` (or refused), stays near the byte cap, and the Node
// process's resident memory grows by less than 100 MB over the whole file. api-console.test.ts checks the caps'
// arithmetic with tiny limits; this file checks they hold against heavy answers and protect the process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { createServer, type Server } from "node:http";
import { fingerprint, resetToSeed, testApp, testDatabase } from "../support/test-db.ts";
import { expectNoInternals } from "../support/security-probes.ts";

const db = testDatabase();
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_ROWS = 5_000;
let app: Express;
let server: Server;
let base: string;
let before: Awaited<ReturnType<typeof fingerprint>>;
let rssAtStart = 0;
let rssPeak = 0;
let sampler: ReturnType<typeof setInterval>;

beforeAll(async () => {
  await resetToSeed(db);
  before = await fingerprint(db);
  app = testApp(db, { CYPHER_RATE_LIMIT: "100000", QUERY_TIMEOUT_MS: "30000" });
  server = createServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // Warm up code paths and the driver pool before the baseline, so it measures answers, not first use.
  await request(app).post("/api/cypher").send({ query: "MATCH (n) RETURN n LIMIT 50" }).expect(200);
  global.gc?.();
  rssAtStart = process.memoryUsage().rss;
  rssPeak = rssAtStart;
  sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
}, 120_000);

afterAll(async () => {
  clearInterval(sampler);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  expect(await fingerprint(db)).toEqual(before);
  await db.close();
});

const BIG: [name: string, query: string][] = [
  ["a million rows", "UNWIND range(1, 1000000) AS x RETURN x"],
  [
    "ten-kilobyte rows",
    "WITH reduce(s = '', i IN range(1, 1000) | s + 'abcdefghij') AS pad UNWIND range(1, 100000) AS x RETURN x, pad",
  ],
  ["every pair of nodes, whole", "MATCH (a), (b) RETURN a, b"],
  ["paths up to three hops", "MATCH p = ()-[*1..3]-() RETURN p"],
  ["relationships without their nodes", "MATCH ()-[r]->(), (x) RETURN r, x.id"],
  [
    "wide maps",
    "UNWIND range(1, 200000) AS x RETURN {a: x, b: toString(x) + 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', c: [x, x, x, x]} AS m",
  ],
];

const HUGE_VALUES: [name: string, query: string][] = [
  ["one sixteen-megabyte string", "RETURN reduce(s = 'x', i IN range(1, 24) | s + s) AS s"],
  ["a list of eight-megabyte strings", "RETURN [i IN range(1, 4) | reduce(s = 'x', j IN range(1, 23) | s + s)] AS xs"],
];

/**
 * One record holding a long list. Converting and stringifying such a record whole used to block the server for 45 s
 * (`RETURN range(1, 5000000)`); the console now estimates a record's size first and cuts it at the byte cap.
 * KNOWN GAP: neo4j-driver still receives and decodes the whole record inside the console's transaction before any
 * cap of ours applies — measured for 2M elements: about 3 s of event-loop block (an auto-commit `session.run` of
 * the same query did not block), and RSS growth of tens to hundreds of MB. Neo4j's transaction memory cap allows it,
 * and an external database has no cap of ours at all. Decoding console results in a worker with its own
 * resourceLimits would close it; the test below asserts the safe behaviour and is expected to fail until then.
 */
const HUGE_LIST = "RETURN range(1, 2000000) AS xs";

/** POSTs to a real listener and reads the answer as a stream, keeping only its last bytes. */
async function streamed(query: string): Promise<string> {
  const res = await fetch(`${base}/api/cypher`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  let tail = "";
  for await (const chunk of res.body!) tail = (tail + Buffer.from(chunk).toString("latin1")).slice(-4096);
  return tail;
}

async function run(query: string) {
  const res = await request(app).post("/api/cypher").send({ query });
  expectNoInternals(res.text.slice(0, 10_000));
  return res;
}

describe("the process under big results", () => {
  // First in the file, so its baseline and peak are not spoilt by the answers the tests below keep in memory.
  it("grows its resident memory by less than 100 MB, measured at the peak and after", async () => {
    // Every capped query, answered over a real socket and read as a stream the test does not keep (only its tail, to
    // see the truncation flag), so the measure is the server's memory, not the test's copies of 8 MB answers. Single
    // huge values are the known gap below: one record is decoded whole before any cap applies.
    for (const [, q] of BIG) expect(await streamed(q), q).toMatch(/"truncated":true/);
    global.gc?.();
    const after = process.memoryUsage().rss;
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    console.log(`rss: start ${mb(rssAtStart)} MB, peak ${mb(rssPeak)} MB, end ${mb(after)} MB`);
    expect(mb(rssPeak - rssAtStart), "peak growth in MB").toBeLessThan(100);
    expect(mb(after - rssAtStart), "growth in MB after the answers").toBeLessThan(100);
  }, 300_000);
});

describe("a big console result", () => {
  it.each(BIG)("is cut by the row or byte cap with truncated: true when it is %s", async (_name, query) => {
    const res = await run(query);
    expect(res.status, res.text.slice(0, 500)).toBe(200);
    const body = res.body;
    expect(body.summary.truncated).toBe(true);
    expect(["rows", "bytes"]).toContain(body.summary.truncatedBy);
    expect(body.rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(Buffer.byteLength(JSON.stringify(body.rows))).toBeLessThanOrEqual(MAX_BYTES + 2 * body.rows.length);
    // The graph view repeats at most what the rows already carry.
    expect(res.text.length).toBeLessThanOrEqual(2 * MAX_BYTES + 1024 * 1024);
  });
});

describe("a huge single value", () => {
  it.each(HUGE_VALUES)("is refused or cut, never sent whole, when it holds %s", async (_name, query) => {
    const res = await run(query);
    expect([200, 413, 422, 504], res.text.slice(0, 500)).toContain(res.status);
    if (res.status === 200) {
      expect(res.body.summary.truncated).toBe(true);
      expect(res.text.length).toBeLessThanOrEqual(2 * MAX_BYTES + 1024 * 1024);
    }
  });
});

describe("a single huge record", () => {
  // Last in the file: it measures its own memory, and must not spoil the baseline of the test above.
  it("is cut by the byte cap, its size estimated before it is converted", async () => {
    const res = await run(HUGE_LIST);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(res.body.summary).toMatchObject({ truncated: true, truncatedBy: "bytes" });
  });

  it.fails(
    "does not block the server for seconds or grow its memory by 100 MB (known gap, see HUGE_LIST)",
    async () => {
      const rss = process.memoryUsage().rss;
      let lag = 0;
      let last = Date.now();
      const probe = setInterval(() => {
        lag = Math.max(lag, Date.now() - last - 50);
        last = Date.now();
      }, 50);
      const res = await run(HUGE_LIST);
      clearInterval(probe);
      expect([200, 413, 422]).toContain(res.status);
      expect(lag, "event loop blocked (ms)").toBeLessThan(1_000);
      expect((process.memoryUsage().rss - rss) / 1024 / 1024, "RSS growth (MB)").toBeLessThan(100);
    },
  );
});
