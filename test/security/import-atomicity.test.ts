// Imports are all or nothing: a document that fails validation, one that only the database refuses after earlier
// batches ran, and an import process killed with SIGKILL mid-transaction all leave the previous graph exactly as it
// was; re-running after the failure converges to the graph a clean import gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { PROJECT_ROOT } from "../../server/config.ts";
import { loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";
import { fingerprint, resetToSeed, testDatabase } from "../support/test-db.ts";
import { bigGraphDocument, writeDocument } from "../support/security-graphs.ts";
import { within } from "../support/security-probes.ts";

const db = testDatabase();
const dir = mkdtempSync(join(tmpdir(), "kg-sec-import-"));
const children: ChildProcess[] = [];
const DATASET = "generated";

beforeAll(() => resetToSeed(db), 120_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, "SIGKILL");
  try {
    await resetToSeed(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function runImport(file: string): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  const n = inject("neo4j");
  const child = spawn("npx", ["tsx", "server/cli/import.ts", file, "--dataset", DATASET], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: n.uri, NEO4J_USERNAME: n.username, NEO4J_PASSWORD: n.password },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so SIGKILL reaches npx, tsx and the node running the import
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const done = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, output })),
  );
  return { child, done };
}

/** Queries running in other transactions than the one asking, as Neo4j itself reports them. */
async function otherTransactions(): Promise<string[]> {
  const r = await db.driver.executeQuery(
    "SHOW TRANSACTIONS YIELD transactionId, currentQuery RETURN currentQuery",
    {},
    { database: db.name },
  );
  return r.records.map((x) => x.get("currentQuery") as string).filter((q) => !q.startsWith("SHOW TRANSACTIONS"));
}

async function cleanImportFingerprint(file: string) {
  await resetToSeed(db);
  await loadGraph(db, readGraphDocuments([file]), DATASET);
  return fingerprint(db);
}

describe("an import that fails", () => {
  it("writes nothing when the last relation of a big document refers to an unknown entity", async () => {
    const doc = bigGraphDocument({ entities: 3_000, relationsPerEntity: 2 });
    doc.relations[doc.relations.length - 1].to = "no-such-entity";
    const file = writeDocument(join(dir, "dangling-at-end.json"), doc);
    const before = await fingerprint(db);
    const { code, output } = await runImport(file).done;
    expect(code).toBe(1);
    expect(output).toContain(`#/relations/${doc.relations.length - 1}/to: unknown entity "no-such-entity"`);
    expect(output).toContain("nothing was written");
    expect(await fingerprint(db)).toEqual(before);
  });

  it("rolls everything back when Neo4j itself refuses a value after earlier batches were written", async () => {
    // Valid to the document schema, but an indexed property too large for Neo4j's range index (entity_name): the
    // database only finds out when it writes that node, after the sources and the first entity batches went in.
    const doc = bigGraphDocument({ entities: 5_000, relationsPerEntity: 1 });
    doc.entities[doc.entities.length - 1].name = "Ω".repeat(20_000);
    const file = writeDocument(join(dir, "too-large-for-index.json"), doc);
    expect(() => readGraphDocuments([file])).not.toThrow();
    const before = await fingerprint(db);
    const { code, output } = await runImport(file).done;
    expect(code).toBe(1);
    expect(output).toMatch(/Property value is too large to index/);
    expect(await fingerprint(db)).toEqual(before);
    expect(await otherTransactions()).toEqual([]);
  });

  it("leaves the previous graph intact when the import process is killed mid-transaction, and a re-run converges", async () => {
    // 48,000 relations: ten batches, seconds of relation writes. With 12,000 the three batches took well under a
    // second, and a clean-clone CI run polled past all of them (the import had finished before it looked).
    const doc = bigGraphDocument({ entities: 6_000, relationsPerEntity: 8 });
    const file = writeDocument(join(dir, "big.json"), doc);
    const before = await fingerprint(db);
    const run = runImport(file);
    // Kill only once the loader's transaction has written sources and entities and is creating relations.
    const seen = await within(
      90_000,
      async () => (await otherTransactions()).some((q) => q.includes("CREATE (a)-[r:")),
      20,
    );
    expect(seen, "the import's relation batches never showed up in SHOW TRANSACTIONS").not.toBeNull();
    process.kill(-run.child.pid!, "SIGKILL");
    const { code } = await run.done;
    expect(code).not.toBe(0);
    const gone = await within(10_000, async () => (await otherTransactions()).length === 0);
    expect(gone, "the killed import's transaction stayed open on the server").not.toBeNull();
    expect(await fingerprint(db)).toEqual(before);
    const rerun = await runImport(file).done;
    expect(rerun.code, rerun.output).toBe(0);
    expect(rerun.output).toContain(`Imported dataset "${DATASET}": 6000 entities, 48000 relations`);
    const afterRerun = await fingerprint(db);
    expect(afterRerun.nodes).toBe(before.nodes + 6_000 + 3 + 50);
    expect(await cleanImportFingerprint(file)).toEqual(afterRerun);
  }, 240_000);
});
