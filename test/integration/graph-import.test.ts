// Loading graph documents into the real Neo4j: one transaction, idempotent, converging on edits, nothing written
// when a document is invalid.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../server/config.ts";
import { applySchema, loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments, GraphDocumentError } from "../../server/seed/read-graph-document.ts";
import { clearDatabase, fingerprint, testDatabase } from "../support/test-db.ts";

const fixture = (name: string) => join(PROJECT_ROOT, "test", "fixtures", "graphs", name);
const db = testDatabase();
afterAll(() => db.close());

async function count(query: string): Promise<number> {
  const r = await db.driver.executeQuery(query, {}, { database: db.name });
  return r.records[0].get(0).toNumber();
}

describe("loading a graph document", () => {
  beforeEach(async () => {
    await clearDatabase(db);
    await applySchema(db);
  });

  it("writes entities, relations with aligned evidence lists, claims and mentions", async () => {
    const result = await loadGraph(db, readGraphDocuments([fixture("small-v1.json")]), "test");
    expect(result).toMatchObject({ entities: 4, relations: 3, claims: 2, sources: 2 });
    const r = await db.driver.executeQuery(
      "MATCH (:Entity {id:'group-a'})-[r:FIGHTS]->(:Entity {id:'group-b'}) RETURN r",
      {},
      { database: db.name },
    );
    const rel = r.records[0].get("r").properties;
    expect(rel.evidenceModalities).toEqual(["asserted", "alleged"]);
    expect(rel.evidenceAttributedTo).toEqual(["", "country-c"]);
    expect(rel.evidenceReportedAt).toEqual(["2024-03", ""]);
    expect(rel.sourceCount.toNumber()).toBe(2);
    expect(await count("MATCH (:Source {id:'src-alpha'})-[:MENTIONS]->(e:Entity) RETURN count(e)")).toBe(3);
    expect(
      await count("MATCH (c:Claim {property:'deathToll'})-[:ABOUT]->(:Entity {id:'attack-d'}) RETURN count(c)"),
    ).toBe(2);
    expect(await count("MATCH (n:Entity:ArmedGroup) RETURN count(n)")).toBe(2);
  });

  it("gives an identical fingerprint when the same document is loaded twice", async () => {
    const doc = readGraphDocuments([fixture("small-v1.json")]);
    await loadGraph(db, doc, "test");
    const first = await fingerprint(db);
    await loadGraph(db, doc, "test");
    expect(await fingerprint(db)).toEqual(first);
  });

  it("converges on an edited document: removed items disappear, changed types and values follow", async () => {
    await loadGraph(db, readGraphDocuments([fixture("small-v1.json")]), "test");
    await loadGraph(db, readGraphDocuments([fixture("small-v2.json")]), "test");
    const converged = await fingerprint(db);
    await clearDatabase(db);
    await applySchema(db);
    await loadGraph(db, readGraphDocuments([fixture("small-v2.json")]), "test");
    expect(await fingerprint(db)).toEqual(converged);
    expect(await count("MATCH (n {id:'group-b'}) RETURN count(n)")).toBe(0);
    expect(await count("MATCH (n:Country) RETURN count(n)")).toBe(0);
    expect(await count("MATCH (n:GovernmentBody {id:'country-c'}) RETURN count(n)")).toBe(1);
  });

  it("leaves other datasets alone when one dataset converges", async () => {
    await loadGraph(db, readGraphDocuments([fixture("small-v1.json")]), "first");
    const before = await count("MATCH (n) RETURN count(n)");
    const other = readGraphDocuments([fixture("small-v1.json")]);
    for (const key of ["sources", "entities", "claims", "relations"] as const) {
      for (const item of other[key]) (item as { id: string }).id = `x-${item.id}`;
    }
    for (const r of other.relations) Object.assign(r, { from: `x-${r.from}`, to: `x-${r.to}` });
    for (const c of other.claims) Object.assign(c, { subject: `x-${c.subject}` });
    for (const e of other.entities)
      Object.assign(e, { mentionedIn: e.mentionedIn.map((s) => `x-${s}`), aliases: [], name: `X ${e.name}` });
    for (const item of [...other.relations, ...other.claims])
      for (const ev of item.evidence) ev.source = `x-${ev.source}`;
    for (const item of [...other.relations, ...other.claims])
      for (const ev of item.evidence) if (ev.attributedTo) ev.attributedTo = `x-${ev.attributedTo}`;
    await loadGraph(db, other, "second");
    await loadGraph(db, { sources: [], entities: [], relations: [], claims: [] }, "second");
    expect(await count("MATCH (n) RETURN count(n)")).toBe(before);
  });

  it("refuses a document with a dangling reference, naming file and JSON path, and writes nothing", async () => {
    await loadGraph(db, readGraphDocuments([fixture("small-v1.json")]), "test");
    const before = await fingerprint(db);
    let error: unknown;
    try {
      await loadGraph(db, readGraphDocuments([fixture("broken-reference.json")], PROJECT_ROOT), "test");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphDocumentError);
    const problems = (error as GraphDocumentError).problems;
    expect(problems).toContainEqual({
      file: "test/fixtures/graphs/broken-reference.json",
      path: "/relations/2/to",
      message: 'unknown entity "no-such-entity"',
    });
    expect(await fingerprint(db)).toEqual(before);
  });
});

describe("the schema", () => {
  it("indexes names, aliases and descriptions for full-text search", async () => {
    await clearDatabase(db);
    await applySchema(db);
    await loadGraph(db, readGraphDocuments([fixture("small-v1.json")]), "test");
    await db.driver.executeQuery("CALL db.awaitIndexes(30)", {}, { database: db.name });
    const r = await db.driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node RETURN node.id AS id",
      { q: "GA" },
      { database: db.name },
    );
    expect(r.records.map((x) => x.get("id"))).toContain("group-a");
  });
});
