// The API on a database it has never seen: no `id` properties, `title` names, big integers, temporals, a point,
// parallel relations, spaces in names and markup as data. Every answer still validates against the contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import * as S from "../../server/http/api-schemas.ts";
import { clearDatabase, testApp, testDatabase } from "../support/test-db.ts";
import { loadStrangerGraph, STRANGER_BIG_INT, STRANGER_MARKUP } from "../fixtures/stranger-graph.ts";

const db = testDatabase();
let app: Express;

beforeAll(async () => {
  await clearDatabase(db);
  // The seed's full-text index must not exist here: search has to fall back to scanning.
  const s = db.writeSession();
  try {
    await s.run("DROP INDEX entity_search IF EXISTS");
  } finally {
    await s.close();
  }
  await loadStrangerGraph(db);
  app = testApp(db);
});
afterAll(() => db.close());

async function nodeByName(name: string) {
  const res = await request(app).get("/api/graph").expect(200);
  const node = S.SubGraph.parse(res.body).nodes.find((n) => n.name === name);
  expect(node, `node named ${name}`).toBeDefined();
  return node!;
}

describe("a stranger's database", () => {
  it("lists labels with spaces, relationship types and property keys with counts and generated colours", async () => {
    const body = S.SchemaResponse.parse((await request(app).get("/api/schema").expect(200)).body);
    const poi = body.labels.find((l) => l.label === "Person of interest");
    expect(poi).toMatchObject({ count: 1 });
    expect(poi!.color).toMatch(/^#[0-9A-F]{6}$/);
    expect(body.relationshipTypes.find((t) => t.type === "CITES")?.count).toBe(2);
    expect(body.propertyKeys).toContain("full name");
  });

  it("shows every node in the starting view with names taken from title and elementId-based ids", async () => {
    const body = S.SubGraph.parse((await request(app).get("/api/graph").expect(200)).body);
    expect(body.nodes.map((n) => n.name).sort()).toEqual(
      ["Acme Militia", "Dispatch from the front", "Jane Roe", STRANGER_MARKUP].sort(),
    );
    for (const n of body.nodes) expect(n.id).toMatch(/^e\.[A-Za-z0-9_-]+$/);
    expect(body.edges).toHaveLength(4);
    for (const e of body.edges) expect(e.evidence).toEqual([]);
  });

  it("serialises big integers as strings, temporals as ISO strings and points as coordinates", async () => {
    const article = await nodeByName("Dispatch from the front");
    expect(article.properties).toMatchObject({
      views: STRANGER_BIG_INT,
      published: "2024-03-22",
      seenAt: "2024-03-22T18:05:00Z",
      readTime: "PT4M30S",
      location: { srid: 4326, x: 37.39, y: 55.82 },
    });
    const org = await nodeByName("Acme Militia");
    expect(org.properties.founded).toBe(1999);
  });

  it("keeps markup as data in JSON, never as HTML", async () => {
    const res = await request(app).get("/api/graph").expect(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.body.nodes.map((n: { name: string }) => n.name)).toContain(STRANGER_MARKUP);
  });

  it("finds nodes by title without a full-text index", async () => {
    const body = S.SearchResponse.parse((await request(app).get("/api/search?q=jane").expect(200)).body);
    expect(body.results[0]).toMatchObject({ name: "Jane Roe", labels: ["Person of interest"] });
    const img = S.SearchResponse.parse((await request(app).get("/api/search?q=onerror").expect(200)).body);
    expect(img.results.map((r) => r.name)).toEqual([STRANGER_MARKUP]);
  });

  it("details a node with its parallel relations as separate edges", async () => {
    const jane = await nodeByName("Jane Roe");
    const body = S.NodeDetail.parse((await request(app).get(`/api/nodes/${jane.id}`).expect(200)).body);
    expect(body.degree).toBe(3);
    const cites = body.relations.find((g) => g.type === "CITES" && g.direction === "in")!;
    expect(cites.edges.map((e) => e.properties.weight).sort()).toEqual([1, 2]);
    expect(new Set(cites.edges.map((e) => e.id)).size).toBe(2);
    expect(body.node.properties["full name"]).toBe("Jane Q. Roe");
    expect(body.claims).toEqual([]);
  });

  it("expands neighbours to depth 2 with counts of all of them", async () => {
    const jane = await nodeByName("Jane Roe");
    const body = S.NeighborsResponse.parse(
      (await request(app).get(`/api/nodes/${jane.id}/neighbors?depth=2`).expect(200)).body,
    );
    expect(body.nodes.map((n) => n.name).sort()).toEqual(
      ["Acme Militia", "Dispatch from the front", "Jane Roe", STRANGER_MARKUP].sort(),
    );
    expect(body.counts.byType).toEqual({ CITES: 2, KNOWS: 1, MEMBER_OF: 1 });
    expect(body.counts.byLabel).toEqual({ Article: 1, Person: 1, Org: 1 });
  });

  it("finds both parallel shortest paths, and honours direction", async () => {
    const article = await nodeByName("Dispatch from the front");
    const org = await nodeByName("Acme Militia");
    const all = S.PathsResponse.parse(
      (await request(app).get(`/api/paths?from=${article.id}&to=${org.id}&mode=allShortest`).expect(200)).body,
    );
    expect(all.paths).toHaveLength(2);
    expect(all.paths[0].nodes.map((n) => n.name)).toEqual([
      "Dispatch from the front",
      "Jane Roe",
      STRANGER_MARKUP,
      "Acme Militia",
    ]);
    const backwards = S.PathsResponse.parse(
      (await request(app).get(`/api/paths?from=${org.id}&to=${article.id}&direction=out`).expect(200)).body,
    );
    expect(backwards.paths).toEqual([]);
    expect(backwards.reason).toMatch(/No path/);
  });

  it("returns console graph values with big integers and endpoints it fetched itself", async () => {
    const res = await request(app)
      .post("/api/cypher")
      .send({ query: "MATCH ()-[r:KNOWS]->() RETURN r, r.since AS since" })
      .expect(200);
    const body = S.CypherResponse.parse(res.body);
    expect(body.rows[0][1]).toBe("2020-01-01");
    const names = body.graph.nodes.map((n) => n.name).sort();
    expect(names).toEqual(["Jane Roe", STRANGER_MARKUP].sort());
    const edge = body.graph.edges[0];
    expect(body.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([edge.source, edge.target]));
  });

  it("has no sources, claims or disagreements, and says so with empty lists", async () => {
    expect(S.SourcesResponse.parse((await request(app).get("/api/sources").expect(200)).body).sources).toEqual([]);
    const d = S.DisagreementsResponse.parse((await request(app).get("/api/disagreements").expect(200)).body);
    expect(d.disagreements).toEqual([]);
  });

  it("answers 404 for a source id that is a node but not a source", async () => {
    const jane = await nodeByName("Jane Roe");
    const res = await request(app).get(`/api/sources/${jane.id}`).expect(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });
});
