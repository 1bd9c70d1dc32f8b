// With NEO4J_URI set the app starts nothing locally and writes nothing into the database it did not start.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { startExplorer, type Explorer } from "../../server/main.ts";
import { applySchema, loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";
import { PROJECT_ROOT } from "../../server/config.ts";
import { clearDatabase, fingerprint, testConfig, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
const dataDir = mkdtempSync(join(tmpdir(), "kg-external-"));
let explorer: Explorer;

beforeAll(async () => {
  await clearDatabase(db);
  await applySchema(db);
  await loadGraph(db, readGraphDocuments([join(PROJECT_ROOT, "test/fixtures/graphs/small-v1.json")]), "foreign");
});

afterAll(async () => {
  await explorer?.close();
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("an external Neo4j", () => {
  it("is used as it is: no local Neo4j started, no seed written, health reports it", async () => {
    const before = await fingerprint(db);
    explorer = await startExplorer(testConfig({ KG_DATA_DIR: dataDir, PORT: "0" }), pino({ level: "silent" }));
    const health = await (await fetch(`${explorer.url}api/health`)).json();
    expect(health.neo4j).toMatchObject({ connected: true, managed: false, edition: "community" });
    expect(existsSync(join(dataDir, "neo4j")) ? readdirSync(join(dataDir, "neo4j")) : []).toEqual([]);
    expect(await fingerprint(db)).toEqual(before);
  });
});
