// A bounded soak: 50 simulated clients on 127.0.0.1 for 30 s, mixing search, expand, path and console traffic with a
// short think time, each told apart by X-Forwarded-For behind a trusted proxy (TRUST_PROXY=1) so the console's rate
// limit applies per client; one greedy client floods the console without pause. It must end with zero 5xx, no error
// but 429s, every 429 on the greedy client only, the graph unchanged, and latency percentiles per kind printed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../server/config.ts";
import { idFromProperty } from "../../server/neo4j/ids.ts";
import { fingerprint, resetToSeed, testApp, testDatabase } from "../support/test-db.ts";
import { sleep } from "../support/security-probes.ts";

const CLIENTS = 50;
const DURATION_MS = 30_000;
const RATE_LIMIT = 60;

const db = testDatabase();
let server: Server;
let base: string;
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  await resetToSeed(db);
  before = await fingerprint(db);
  server = createServer(testApp(db, { TRUST_PROXY: "1", CYPHER_RATE_LIMIT: String(RATE_LIMIT) }));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  expect(await fingerprint(db)).toEqual(before);
  await db.close();
});

const entityIds = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, "seeds", "entities.json"), "utf8")) as {
    entities: { id: string; name: string }[];
  }
).entities;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
const CONSOLE_QUERIES = [
  "MATCH (e:Entity) RETURN e.name AS name ORDER BY name LIMIT 20",
  "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.name, type(r), b.name LIMIT 50",
  "MATCH (s:Source)-[:MENTIONS]->(e) RETURN s.title, count(e) AS n ORDER BY n DESC",
  "MATCH p = (a:Entity {id: $id})-[*1..2]-(b) RETURN p LIMIT 25",
];

type Kind = "search" | "expand" | "path" | "console";
const KINDS: [Kind, number][] = [
  ["search", 0.35],
  ["expand", 0.3],
  ["path", 0.15],
  ["console", 0.2],
];

function request(kind: Kind): { path: string; init?: RequestInit } {
  const e = pick(entityIds);
  switch (kind) {
    case "search":
      return { path: `/api/search?q=${encodeURIComponent(e.name.split(" ")[0])}&limit=12` };
    case "expand":
      return { path: `/api/nodes/${idFromProperty(e.id)}/neighbors?limit=100` };
    case "path":
      return { path: `/api/paths?from=${idFromProperty(e.id)}&to=${idFromProperty(pick(entityIds).id)}&maxHops=4` };
    case "console":
      return {
        path: "/api/cypher",
        init: {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: pick(CONSOLE_QUERIES), params: { id: e.id } }),
        },
      };
  }
}

function chooseKind(): Kind {
  let r = Math.random();
  for (const [k, w] of KINDS) if ((r -= w) < 0) return k;
  return "search";
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

describe("a 30-second soak of 50 clients", () => {
  it("ends with zero 5xx and no errors but counted 429s, and reports latency percentiles per kind", async () => {
    const latencies: Record<Kind, number[]> = { search: [], expand: [], path: [], console: [] };
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    const limitedByIp = new Map<string, number>();
    const GREEDY = "10.77.0.1";
    const deadline = Date.now() + DURATION_MS;

    const client = async (n: number) => {
      const ip = `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;
      const greedy = ip === GREEDY;
      while (Date.now() < deadline) {
        const kind = greedy ? "console" : chooseKind();
        const { path, init } = request(kind);
        const t = performance.now();
        try {
          const res = await fetch(base + path, {
            ...init,
            headers: { ...(init?.headers ?? {}), "x-forwarded-for": ip },
            signal: AbortSignal.timeout(30_000),
          });
          const body = await res.text();
          const ms = performance.now() - t;
          statuses.set(`${kind} ${res.status}`, (statuses.get(`${kind} ${res.status}`) ?? 0) + 1);
          if (res.status === 429 && kind === "console") limitedByIp.set(ip, (limitedByIp.get(ip) ?? 0) + 1);
          else if (res.status !== 200) failures.push(`${kind} ${res.status} ${path}: ${body.slice(0, 200)}`);
          else latencies[kind].push(ms);
        } catch (e) {
          failures.push(`${kind} ${path}: ${String(e)}`);
        }
        // An analyst clicks, reads, clicks: 100-500 ms between requests; the greedy client does not wait.
        if (!greedy) await sleep(100 + Math.random() * 400);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    const seconds = (Date.now() - started) / 1000;

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const limited = [...limitedByIp.values()].reduce((a, b) => a + b, 0);
    const lines = [
      `soak: ${total} requests in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s), ${limited} × 429 ` +
        `(${JSON.stringify(Object.fromEntries(limitedByIp))})`,
    ];
    for (const [kind] of KINDS) {
      const xs = [...latencies[kind]].sort((a, b) => a - b);
      lines.push(
        `  ${kind.padEnd(8)} n=${String(xs.length).padStart(5)}  p50=${percentile(xs, 50).toFixed(0)} ms  ` +
          `p95=${percentile(xs, 95).toFixed(0)} ms  p99=${percentile(xs, 99).toFixed(0)} ms`,
      );
    }
    lines.push(`  statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    console.log(lines.join("\n"));

    expect(failures.slice(0, 10), `${failures.length} failures`).toEqual([]);
    expect([...statuses.keys()].filter((k) => /\s5\d\d$/.test(k))).toEqual([]);
    for (const [kind] of KINDS) expect(latencies[kind].length, `${kind} never succeeded`).toBeGreaterThan(0);
    // The per-client limit held back the greedy client, beyond its allowance, and no one else.
    expect([...limitedByIp.keys()]).toEqual([GREEDY]);
    expect(statuses.get("console 200")).toBeGreaterThanOrEqual(RATE_LIMIT);
  }, 120_000);
});
