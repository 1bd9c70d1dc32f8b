// The seed graph in a real Neo4j: idempotent loading, convergence after an edit, the disagreements it must keep,
// and the analyst questions (test/fixtures/analyst-questions.json) answered from it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { PROJECT_ROOT } from "../../server/config.ts";
import { SEED_DIR, SEED_DATASET } from "../../server/seed/seed-dataset.ts";
import { savedQueries } from "../../server/neo4j/cypher-files.ts";
import { applySchema, loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";
import { clearDatabase, fingerprint, resetToSeed, testDatabase } from "../support/test-db.ts";

interface AnalystQuestion {
  question: string;
  cypher: string;
  expected: string[];
  match: "exact" | "includes";
}

const db = testDatabase();
const questions: AnalystQuestion[] = JSON.parse(
  readFileSync(join(PROJECT_ROOT, "test/fixtures/analyst-questions.json"), "utf8"),
);

beforeAll(() => resetToSeed(db));
afterAll(() => db.close());

async function read(query: string, params: Record<string, unknown> = {}) {
  const r = await db.driver.executeQuery(query, params, { database: db.name, routing: neo4j.routing.READ });
  return r.records.map((x) => x.toObject());
}

describe("loading the seed graph", () => {
  it("gives an identical fingerprint when loaded twice", async () => {
    const first = await fingerprint(db);
    await loadGraph(db, readGraphDocuments([SEED_DIR]), SEED_DATASET);
    expect(await fingerprint(db)).toEqual(first);
  });

  it("converges to a clean load of an edited seed (an entity and its relations removed, a quote changed)", async () => {
    const edited = readGraphDocuments([SEED_DIR]);
    const gone = edited.entities.find((e) => e.id === "wagner-group")!.id;
    edited.entities = edited.entities.filter((e) => e.id !== gone);
    edited.relations = edited.relations.filter((r) => r.from !== gone && r.to !== gone);
    edited.claims = edited.claims.filter((c) => c.subject !== gone);
    for (const x of [...edited.relations, ...edited.claims]) {
      x.evidence = x.evidence.filter((e) => e.attributedTo !== gone);
    }
    edited.relations = edited.relations.filter((r) => r.evidence.length > 0);
    edited.claims = edited.claims.filter((c) => c.evidence.length > 0);
    edited.relations[0].evidence[0].quote = edited.relations[0].evidence[0].quote.slice(0, 20);
    await loadGraph(db, edited, SEED_DATASET);
    const converged = await fingerprint(db);
    expect((await read("MATCH (n {id: 'wagner-group'}) RETURN count(n) AS n"))[0].n.toNumber()).toBe(0);
    await clearDatabase(db);
    await applySchema(db);
    await loadGraph(db, edited, SEED_DATASET);
    expect(await fingerprint(db)).toEqual(converged);
    await resetToSeed(db);
  });
});

describe("the disagreements the seed graph keeps", () => {
  const query = savedQueries().find((q) => q.name.includes("where-sources-disagree"))!;

  it.each([
    ["crocus-city-hall-attack", "deathToll", 3],
    ["kerman-bombing", "deathToll", 3],
    ["taliban-takeover-of-afghanistan", "date", 2],
    ["isis-k", "foundedDate", 2],
    ["isis-k", "foundedBy", 2],
    ["crocus-city-hall-attack", "claimedBy", 2],
  ])("lists %s / %s with at least %i different versions", async (subject, property, versions) => {
    const rows = await read(query.query);
    const values = new Set(
      rows.filter((r) => r.subjectId === subject && r.property === property).map((r) => String(r.value)),
    );
    expect(values.size).toBeGreaterThanOrEqual(versions);
  });

  it("lists the Kabul embassy attack's death toll as two staff versus at least six", async () => {
    const rows = await read(query.query);
    const toll = rows
      .filter((r) => String(r.subjectId).includes("embassy") && r.property === "deathToll")
      .map((r) => Number(r.value));
    expect(toll.sort()).toEqual([2, 6]);
  });
});

describe("the saved query library", () => {
  it.each(savedQueries().map((q) => [q.name, q] as const))(
    "%s has a title, a description and runs read-only",
    async (_name, q) => {
      expect(q.title.length).toBeGreaterThan(5);
      expect(q.description.length).toBeGreaterThan(5);
      const session = db.readSession();
      try {
        const r = await session.run(q.query);
        expect(r.summary.queryType).toBe("r");
      } finally {
        await session.close();
      }
    },
  );
});

describe("analyst questions answered from the graph", () => {
  it.each(questions.map((q) => [q.question, q] as const))("%s", async (_q, q) => {
    const ids = (await read(q.cypher)).map((r) => String(r.id));
    if (q.match === "exact") expect([...new Set(ids)].sort()).toEqual([...q.expected].sort());
    else for (const id of q.expected) expect(ids).toContain(id);
  });
});
