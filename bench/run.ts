// `npm run bench [-- --quick] [-- --only=ingest,payload,api,render,layout]`: starts its own Neo4j and app,
// runs each comparison side by side, and writes bench/results.{json,md} and charts (bench/charts/*.png).
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import { installSignalHandlers, runCleanups, startBenchApp, startBenchNeo4j, type BenchNeo4j } from "./lifecycle.ts";
import type { BenchResults } from "./results.ts";
import { benchIngest } from "./ingest.ts";
import { benchApi } from "./api-load.ts";
import { benchPayload } from "./payload.ts";
import { benchBrowser, loadSyntheticGraph } from "./browser-bench.ts";
import { buildBenchPages } from "./pages.ts";
import { launchBrowser } from "./browser.ts";
import { writeReport } from "./report.ts";
import type { GraphSpec } from "./generate-graph.ts";

const BENCH_DIR = import.meta.dirname;
/** The API load graph: the ingest's last graph, so it is loaded once. */
const API_QUICK: GraphSpec = { nodes: 10_000, edges: 100_000, seed: 1 };
const API_FULL: GraphSpec = { nodes: 100_000, edges: 1_000_000, seed: 1 };
/** 50k nodes, 100k edges: the render bench's largest graph, also #5's 100k-edge sub-graph. */
const PAYLOAD_GRAPH: GraphSpec = { nodes: 50_000, edges: 100_000, seed: 7 };
/** BENCH_OUT_DIR lets two partial runs on one machine keep their generated graphs and pages apart. */
const OUT_DIR = process.env.BENCH_OUT_DIR ?? join(BENCH_DIR, "out");

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyArg = args.find((a) => a.startsWith("--only="));
const only = onlyArg ? new Set(onlyArg.slice(7).split(",")) : null;
const wants = (s: string) => !only || only.has(s);

function log(m: string) {
  const t = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${t}s] ${m}`);
}
const started = performance.now();

async function main(): Promise<void> {
  installSignalHandlers();
  mkdirSync(OUT_DIR, { recursive: true });
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: loadavg()[0].toFixed(2),
    },
    rows: [],
    series: [],
    notes: [],
    errors: [],
  };
  const section = async (name: string, fn: () => Promise<void>) => {
    if (!wants(name)) return;
    log(`--- ${name}`);
    const t0 = performance.now();
    try {
      await fn();
    } catch (e) {
      const msg = `${name}: ${(e as Error).stack ?? String(e)}`;
      console.error(`[bench] ${msg}`);
      results.errors.push(msg.split("\n").slice(0, 4).join("\n"));
    }
    log(`--- ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  try {
    log("starting Neo4j for the bench (temp folder, free port)...");
    const neo = await startBenchNeo4j({ heap: quick ? "3g" : "10g", pagecache: quick ? "1g" : "2g", log });
    log(`Neo4j ready on ${neo.uri}`);
    const graphDir = join(OUT_DIR, "graphs");
    // Which synthetic graph the database holds now, so a section reloads only when it needs another one.
    let holds = "";
    const ensureGraph = async (db: BenchNeo4j, spec: GraphSpec) => {
      const key = JSON.stringify(spec);
      if (holds === key) return;
      log(`loading graph ${spec.nodes} nodes / ${spec.edges} relationships (seed ${spec.seed})`);
      await loadSyntheticGraph(db, spec, graphDir);
      holds = key;
    };
    const pages = await buildBenchPages(BENCH_DIR, OUT_DIR);
    await section("ingest", async () => {
      holds = "";
      await benchIngest(neo.db, results, { quick, graphDir, log, jvmCpuMs: neo.jvmCpuMs });
      holds = JSON.stringify(quick ? API_QUICK : API_FULL);
    });
    const app = await startBenchApp(neo, { pages });
    log(`app on ${app.url} (pid ${app.pid})`);
    await section("api", async () => {
      const spec = quick ? API_QUICK : API_FULL;
      await ensureGraph(neo, spec);
      await benchApi(neo.db, app.url, results, { quick, nodes: spec.nodes, edges: spec.edges, log });
    });
    if (wants("render") || wants("layout")) {
      const { browser, close } = await launchBrowser();
      try {
        await section(wants("render") ? "render" : "layout", async () => {
          holds = "";
          await benchBrowser(neo, app, browser, results, {
            quick,
            graphDir,
            log,
            render: wants("render"),
            layout: wants("layout"),
          });
          holds = JSON.stringify(PAYLOAD_GRAPH);
        });
      } finally {
        await close();
      }
    }
    await section("payload", async () => {
      await ensureGraph(neo, PAYLOAD_GRAPH);
      await benchPayload(neo.db, app.url, results, { quick, limit: PAYLOAD_GRAPH.nodes, log });
    });
  } finally {
    await runCleanups();
  }
  results.finishedAt = new Date().toISOString();
  results.wallSeconds = Math.round((performance.now() - started) / 1000);
  await writeReport(results, { benchDir: BENCH_DIR, outDir: OUT_DIR, partial: only !== null, log });
  log(`done in ${results.wallSeconds} s`);
}

main().then(
  () => process.exit(0),
  async (e) => {
    console.error(e);
    await runCleanups();
    process.exit(1);
  },
);
