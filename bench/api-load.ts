// #4 The API under load on loopback (the app in its own process) against the same queries run directly through
// neo4j-driver from this process: the very Cypher files, parameters and transactions each service runs (including
// the console's EXPLAIN check), so the difference is what the API adds: HTTP, validation, mapping, JSON.
import { Agent, request } from "node:http";
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import type { Database } from "../server/neo4j/database.ts";
import { cypher } from "../server/neo4j/cypher-files.ts";
import { idFromProperty } from "../server/neo4j/ids.ts";
import { luceneQuery } from "../server/services/lucene-query.ts";
import { pathQuery } from "../server/services/paths.ts";
import { rng } from "./generate-graph.ts";
import type { BenchResults } from "./results.ts";
import { percentile, summarize } from "./stats.ts";

interface Target {
  name: string;
  http: (i: number) => { method: "GET" | "POST"; path: string; body?: string };
  direct: (i: number) => Promise<void>;
}

export interface LoadStats {
  p50: number;
  p99: number;
  rps: number;
  errors: number;
  requests: number;
  firstError?: string;
}

async function runLoad(connections: number, durationMs: number, one: (i: number) => Promise<void>): Promise<LoadStats> {
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let i = 0;
  const end = performance.now() + durationMs;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const k = i++;
        const s = performance.now();
        try {
          await one(k);
          lat.push(performance.now() - s);
        } catch (e) {
          errors++;
          firstError ??= String(e).split("\n")[0].slice(0, 160);
        }
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return {
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    rps: lat.length / secs,
    errors,
    requests: lat.length,
    firstError,
  };
}

function httpCall(agent: Agent, base: URL, r: { method: string; path: string; body?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: r.method,
        path: r.path,
        headers: {
          accept: "application/json",
          "accept-encoding": "gzip",
          ...(r.body ? { "content-type": "application/json", "content-length": Buffer.byteLength(r.body) } : {}),
        },
      },
      (res) => {
        res.on("data", () => undefined);
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(r.body);
  });
}

function read(db: Database, work: (tx: ManagedTransaction) => Promise<void>): Promise<void> {
  const s = db.readSession();
  return s.executeRead(work, { timeout: 10_000, metadata: { app: "kg-explorer" } }).finally(() => s.close());
}

const int = neo4j.int;
const CONSOLE_QUERY =
  "MATCH (n:Entity {id: $id})-[r]-(m:Entity) RETURN n.name AS name, type(r) AS type, m.name AS other LIMIT 25";

async function targets(db: Database, nodes: number): Promise<Target[]> {
  const random = rng(11);
  const ids = Array.from({ length: 64 }, () => `bn-${Math.floor(random() * nodes)}`);
  const names = (
    await db.driver.executeQuery(
      "MATCH (n:Entity) WHERE n.id IN $ids RETURN n.name AS name",
      { ids },
      { database: db.name },
    )
  ).records.map((r) => String(r.get("name")).split(" ")[0]);
  const at = <T>(xs: T[], i: number) => xs[i % xs.length];
  const enc = encodeURIComponent;
  const expandDirect = (depth: number) => async (i: number) =>
    read(db, async (tx) => {
      const start = (await tx.run(cypher("api/node-by-id-property"), { id: at(ids, i) })).records[0].get("n");
      await tx.run(cypher("api/seed-labels"));
      for (const [labels, cap] of [
        [null, 50_000],
        [["Entity"], 400],
      ] as const) {
        let frontier = [start.elementId as string];
        const seen = new Set(frontier);
        for (let level = 0; level < depth && frontier.length; level++) {
          const recs = (
            await tx.run(cypher("api/neighbors-step"), { frontier, types: null, labels, limit: int(cap + 1) })
          ).records;
          const next: string[] = [];
          for (const r of recs.slice(0, cap)) {
            const m = r.get("m").elementId as string;
            if (!seen.has(m)) {
              seen.add(m);
              next.push(m);
            }
          }
          frontier = next;
        }
      }
    });
  return [
    {
      name: "search",
      http: (i) => ({ method: "GET", path: `/api/search?q=${enc(at(names, i))}&limit=20` }),
      // The service remembers that the index is online (services/search.ts), so a search is this one transaction.
      direct: (i) =>
        read(
          db,
          async (tx) =>
            void (await tx.run(cypher("api/search-fulltext"), { query: luceneQuery(at(names, i)), limit: int(20) })),
        ),
    },
    {
      name: "expand depth 1",
      http: (i) => ({ method: "GET", path: `/api/nodes/${idFromProperty(at(ids, i))}/neighbors?depth=1` }),
      direct: expandDirect(1),
    },
    {
      name: "expand depth 2",
      http: (i) => ({ method: "GET", path: `/api/nodes/${idFromProperty(at(ids, i))}/neighbors?depth=2` }),
      direct: expandDirect(2),
    },
    {
      name: "shortest path",
      http: (i) => ({
        method: "GET",
        path: `/api/paths?from=${idFromProperty(at(ids, i))}&to=${idFromProperty(at(ids, i + 1))}`,
      }),
      direct: (i) =>
        read(db, async (tx) => {
          const a = (await tx.run(cypher("api/node-by-id-property"), { id: at(ids, i) })).records[0].get("n");
          const b = (await tx.run(cypher("api/node-by-id-property"), { id: at(ids, i + 1) })).records[0].get("n");
          await tx.run(cypher("api/seed-labels"));
          await tx.run(pathQuery({ mode: "shortest", k: 3, maxHops: 6, direction: "both" }), {
            from: a.elementId,
            to: b.elementId,
            types: null,
            excludeTypes: ["MENTIONS", "ABOUT", "CITES"],
            excludeLabels: ["Source", "Claim"],
            excludeNodes: [],
            maxPaths: int(50),
          });
        }),
    },
    {
      name: "console query",
      http: (i) => ({
        method: "POST",
        path: "/api/cypher",
        body: JSON.stringify({ query: CONSOLE_QUERY, params: { id: at(ids, i) } }),
      }),
      direct: async (i) => {
        const s = db.readSession();
        const tx = s.beginTransaction({ timeout: 15_000 });
        try {
          await tx.run("EXPLAIN " + CONSOLE_QUERY, { id: at(ids, i) });
          await tx.run(CONSOLE_QUERY, { id: at(ids, i) });
          await tx.commit();
        } finally {
          await s.close();
        }
      },
    },
  ];
}

export async function benchApi(
  db: Database,
  appUrl: string,
  results: BenchResults,
  o: { quick: boolean; nodes: number; edges: number; log: (m: string) => void },
): Promise<void> {
  const connections = 16;
  const durationMs = o.quick ? 2_000 : 10_000;
  const rounds = o.quick ? 2 : 3;
  const base = new URL(appUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const list = await targets(db, o.nodes);
  const chart = { api: [] as number[], direct: [] as number[] };
  try {
    for (const t of list) {
      // Warm both sides (plans cached, code optimised, pools filled) before measuring: at the measured concurrency,
      // or the first round of each side pays for opening the Bolt connections the warm-up did not need.
      // The JVM is still compiling for tens of seconds: measured on one Neo4j, the same console query cost it
      // 8.2 → 4.7 → 3.6 → 2.9 → 1.5 ms over five 3-s runs. So the sides warm in turns, and the rounds go A B B A:
      // whichever side always ran first paid more of the JVM's warm-up (the API did, in earlier runs).
      // Each side gets 4 s: by hand, from a fresh process against a warm Neo4j, search's p50 per 1-s window settled
      // after ~4 s through the app (29 → 22 → 18 → 16 → 14 ms) and ~3 s direct (15 → 12 → 9 → 9 ms). With 1.5 s
      // each, the API's first round was still warming: its p50 exceeded its second round's in 4 of 5 targets.
      const callApi = (i: number) => httpCall(agent, base, t.http(i));
      for (let turn = 0; turn < 4; turn++)
        for (const side of [callApi, t.direct]) await runLoad(connections, 1_000, side);
      const api: LoadStats[] = [];
      const direct: LoadStats[] = [];
      for (let r = 0; r < rounds; r++) {
        if (r % 2 === 0) {
          api.push(await runLoad(connections, durationMs, callApi));
          direct.push(await runLoad(connections, durationMs, t.direct));
        } else {
          direct.push(await runLoad(connections, durationMs, t.direct));
          api.push(await runLoad(connections, durationMs, callApi));
        }
      }
      o.log(`api ${t.name}: API ${JSON.stringify(api)} direct ${JSON.stringify(direct)}`);
      const p50 = summarize(api.map((s) => s.p50));
      const d50 = summarize(direct.map((s) => s.p50));
      chart.api.push(p50.median);
      chart.direct.push(d50.median);
      const errs = api.reduce((a, s) => a + s.errors, 0) + direct.reduce((a, s) => a + s.errors, 0);
      results.rows.push({
        section: "4 API",
        figure: `${t.name}: p50 latency, ${connections} connections`,
        unit: "ms",
        value: p50,
        compare: { label: "direct neo4j-driver", value: d50 },
        target: "API p50 ≤ 1.2× direct",
        pass: p50.median <= 1.2 * d50.median && errs === 0,
        note:
          `${(p50.median / d50.median).toFixed(2)}×; p99 ${summarize(api.map((s) => s.p99)).median.toFixed(0)} vs ${summarize(direct.map((s) => s.p99)).median.toFixed(0)} ms; ` +
          `${summarize(api.map((s) => s.rps)).median.toFixed(0)} vs ${summarize(direct.map((s) => s.rps)).median.toFixed(0)} req/s` +
          (errs ? `; ${errs} errors, e.g. ${[...api, ...direct].find((x) => x.firstError)?.firstError}` : ""),
      });
    }
  } finally {
    agent.destroy();
  }
  results.series.push(
    { chart: "api-latency", label: "API (HTTP, JSON)", x: list.map((_, i) => i + 1), y: chart.api },
    { chart: "api-latency", label: "direct neo4j-driver", x: list.map((_, i) => i + 1), y: chart.direct },
  );
  results.notes.push(
    `API load: ${connections} connections on loopback for ${durationMs / 1000} s per side and round (${rounds} rounds, ordered A B B A …, after a warm-up in turns, 4 s a side), on a graph of ${o.nodes.toLocaleString("en-US")} nodes / ${o.edges.toLocaleString("en-US")} relationships` +
      (o.quick ? " (quick mode: smaller than the 100k / 1M graph of the full run)" : "") +
      `. Chart x axis: ${list.map((t, i) => `${i + 1} = ${t.name}`).join(", ")}.`,
  );
}
