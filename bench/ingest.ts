// #3 Ingest through the product's import path (readGraphDocuments → loadGraph: batched UNWIND … MERGE in one
// transaction) against the same rows sent one statement per row in one transaction: same Cypher files, same
// rows, same empty database with the same schema; only the batching differs.
import type { Database } from "../server/neo4j/database.ts";
import { cypher } from "../server/neo4j/cypher-files.ts";
import { applySchema, loadGraph, toRows } from "../server/seed/load-graph.ts";
import { readGraphDocuments, type MergedDocument } from "../server/seed/read-graph-document.ts";
import { writeGraphDocuments, type GraphSpec } from "./generate-graph.ts";
import { clearGraph } from "./lifecycle.ts";
import type { BenchResults } from "./results.ts";
import { ms, repeat, summarize } from "./stats.ts";

const DATASET = "bench";

async function emptyWithSchema(db: Database): Promise<void> {
  await clearGraph(db);
  await applySchema(db);
}

/** The naive importer: the very statements loadGraph runs, each row sent alone, awaited, in one transaction. */
export async function loadOneRowPerStatement(db: Database, doc: MergedDocument, dataset: string): Promise<void> {
  const rows = toRows(doc, dataset);
  const session = db.writeSession();
  const tx = session.beginTransaction({ timeout: 1_800_000 });
  try {
    await tx.run(cypher("seed/delete-dataset-relationships"), { dataset });
    await tx.run(cypher("seed/delete-stale-nodes"), { dataset, ids: rows.ids });
    const groups: [string, Record<string, unknown>[]][] = [
      ["seed/merge-sources", rows.sources],
      ["seed/merge-entities", rows.entities],
      ["seed/create-mentions", rows.mentions],
      ["seed/create-relations", rows.relations],
      ["seed/merge-claims", rows.claims],
    ];
    for (const [name, list] of groups) {
      const q = cypher(name);
      for (const row of list) await tx.run(q, { rows: [row], dataset });
    }
    await tx.commit();
  } catch (e) {
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    throw e;
  } finally {
    await session.close();
  }
}

export async function benchIngest(
  db: Database,
  results: BenchResults,
  o: { quick: boolean; graphDir: string; log: (m: string) => void },
): Promise<void> {
  const section = "3 Ingest";
  // Equal work on both sides: the same 10k-relationship document.
  const smallSpec: GraphSpec = { nodes: 1_000, edges: 10_000, seed: 3 };
  const small = readGraphDocuments([writeGraphDocuments(smallSpec, o.graphDir).dir], o.graphDir);
  // A fresh JVM compiles each statement and warms its JIT on first use: pay that on a throwaway graph, both sides.
  const warm = readGraphDocuments(
    [writeGraphDocuments({ nodes: 200, edges: 1_000, seed: 5 }, o.graphDir).dir],
    o.graphDir,
  );
  await emptyWithSchema(db);
  await loadGraph(db, warm, DATASET);
  await emptyWithSchema(db);
  await loadOneRowPerStatement(db, warm, DATASET);
  const runs = o.quick ? 2 : 3;
  const ours10k = await repeat(runs, async () => {
    await emptyWithSchema(db);
    const t0 = performance.now();
    await loadGraph(db, small, DATASET);
    return ms(t0);
  });
  o.log(`ingest 10k batched: ${ours10k.median.toFixed(0)} ms`);
  const naive10k = await repeat(o.quick ? 1 : 2, async () => {
    await emptyWithSchema(db);
    const t0 = performance.now();
    await loadOneRowPerStatement(db, small, DATASET);
    return ms(t0);
  });
  o.log(`ingest 10k one statement per row: ${naive10k.median.toFixed(0)} ms`);
  const rowsPerDoc = small.entities.length + small.sources.length + small.relations.length;
  const speedup = naive10k.median / ours10k.median;
  results.rows.push({
    section,
    figure: `10k relations (+${small.entities.length} entities): batched vs one statement per row, per row`,
    unit: "µs/row",
    value: scale(ours10k, 1000 / rowsPerDoc),
    compare: { label: "one statement per row", value: scale(naive10k, 1000 / rowsPerDoc) },
    target: "≥ 100× faster per row",
    pass: speedup >= 100,
    note: `${speedup.toFixed(1)}× faster`,
  });

  const rate = {
    chart: "ingest-rate",
    label: "loadGraph (batched, one tx)",
    x: [] as number[],
    y: [] as (number | null)[],
  };
  results.series.push(rate, {
    chart: "ingest-rate",
    label: "one statement per row",
    x: [smallSpec.edges],
    y: [smallSpec.edges / (naive10k.median / 1000)],
  });
  rate.x.push(smallSpec.edges);
  rate.y.push(smallSpec.edges / (ours10k.median / 1000));
  const sizes: GraphSpec[] = [{ nodes: 10_000, edges: 100_000, seed: 1 }];
  if (!o.quick) sizes.push({ nodes: 100_000, edges: 1_000_000, seed: 1 });
  for (const spec of sizes) {
    const dir = writeGraphDocuments(spec, o.graphDir).dir;
    const t0 = performance.now();
    const doc = readGraphDocuments([dir], o.graphDir);
    const readMs = ms(t0);
    const times: number[] = [];
    const n = spec.edges >= 1_000_000 || o.quick ? 1 : 3;
    for (let i = 0; i < n; i++) {
      await emptyWithSchema(db);
      const t1 = performance.now();
      await loadGraph(db, doc, DATASET);
      times.push(ms(t1));
      o.log(`ingest ${spec.edges} relations: ${times.at(-1)!.toFixed(0)} ms`);
    }
    const s = summarize(times);
    rate.x.push(spec.edges);
    rate.y.push(spec.edges / (s.median / 1000));
    results.rows.push({
      section,
      figure: `loadGraph, ${label(spec.edges)} relations + ${label(spec.nodes)} entities (one transaction)`,
      unit: "relationships/s",
      value: summarize(times.map((t) => spec.edges / (t / 1000))),
      target: "reported",
      pass: null,
      note: `median ${(s.median / 1000).toFixed(1)} s in Neo4j; reading + validating the files took ${(readMs / 1000).toFixed(1)} s more`,
    });
  }
  if (o.quick)
    results.notes.push(
      "Ingest: quick mode loads 100k relationships only; the 1M-relationship load runs without --quick.",
    );
}

function scale(s: { median: number; min: number; max: number; runs: number; samples: number[] }, f: number) {
  return summarize(s.samples.map((x) => x * f));
}

export function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}
