// The read endpoints on the curated seed graph: schema, starting view, search (aliases, prefixes, typos), node
// detail with evidence and claims, neighbours with counts, paths in all three modes, sources, disagreements, the
// saved query library, and the 400/404 answers for bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import * as S from "../../server/http/api-schemas.ts";
import { idFromElementId, idFromProperty } from "../../server/neo4j/ids.ts";
import { KNOWN_LABEL_COLORS } from "../../server/services/label-colors.ts";
import { savedQueries } from "../../server/neo4j/cypher-files.ts";
import { applySchema } from "../../server/seed/load-graph.ts";
import { resetToSeed, testApp, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
let app: Express;
const node = (id: string) => idFromProperty(id);

beforeAll(async () => {
  await resetToSeed(db);
  app = testApp(db);
}, 120_000);
afterAll(() => db.close());

async function searchTop(q: string): Promise<string[]> {
  const res = await request(app).get("/api/search").query({ q }).expect(200);
  return S.SearchResponse.parse(res.body).results.map((r) => r.name);
}

describe("GET /api/schema", () => {
  it("counts labels and types as the database does and colours the seed types from the fixed palette", async () => {
    const body = S.SchemaResponse.parse((await request(app).get("/api/schema").expect(200)).body);
    const r = await db.driver.executeQuery("MATCH (n:Entity) RETURN count(n) AS c", {}, { database: db.name });
    expect(body.labels.find((l) => l.label === "Entity")?.count).toBe(r.records[0].get("c").toNumber());
    expect(body.labels.find((l) => l.label === "Person")?.color).toBe(KNOWN_LABEL_COLORS.Person);
    expect(body.relationshipTypes.map((t) => t.type)).toEqual(expect.arrayContaining(["FIGHTS", "MENTIONS"]));
    expect(body.propertyKeys).toEqual(expect.arrayContaining(["name", "evidenceQuotes"]));
  });
});

describe("GET /api/graph", () => {
  it("shows the entity graph by default: no Source or Claim nodes, evidence on every edge", async () => {
    const body = S.SubGraph.parse((await request(app).get("/api/graph").expect(200)).body);
    expect(body.nodes.length).toBeGreaterThan(50);
    for (const n of body.nodes) expect(n.labels).toContain("Entity");
    const ids = new Set(body.nodes.map((n) => n.id));
    for (const e of body.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.evidence.length).toBeGreaterThan(0);
      expect(Object.keys(e.properties).some((k) => k.startsWith("evidence"))).toBe(false);
    }
  });

  it("caps nodes at the limit and says it truncated", async () => {
    const body = S.SubGraph.parse((await request(app).get("/api/graph?limit=10").expect(200)).body);
    expect(body.nodes).toHaveLength(10);
    expect(body.truncated).toBe(true);
  });

  it("shows sources when asked for by label, and filters edges by type", async () => {
    const body = S.SubGraph.parse(
      (await request(app).get("/api/graph?labels=Source,Entity&types=MENTIONS").expect(200)).body,
    );
    expect(body.nodes.some((n) => n.labels.includes("Source"))).toBe(true);
    expect(new Set(body.edges.map((e) => e.type))).toEqual(new Set(["MENTIONS"]));
  });

  it("restricts to relations a given source supports", async () => {
    const sources = S.SourcesResponse.parse((await request(app).get("/api/sources").expect(200)).body).sources;
    const src = sources[0];
    const body = S.SubGraph.parse((await request(app).get(`/api/graph?sources=${src.id}`).expect(200)).body);
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) expect(e.evidence.map((ev) => ev.source)).toContain(src.id);
  });

  it("answers 400 for a non-numeric limit and clamps a huge one", async () => {
    const bad = await request(app).get("/api/graph?limit=lots").expect(400);
    expect(bad.body.error).toMatchObject({ code: "BAD_REQUEST" });
    expect(bad.body.error.message).toMatch(/limit/);
    const huge = S.SubGraph.parse((await request(app).get("/api/graph?limit=999999999").expect(200)).body);
    expect(huge.nodes.length).toBeLessThanOrEqual(50_000);
  });
});

describe("GET /api/search", () => {
  it.each([
    ["iskp", "ISIS-K"],
    ["Islamic State Khorasan", "ISIS-K"],
    ["Daesh", "Islamic State"],
    ["Suleimani", "Qassem Soleimani"],
    ["Soleimany", "Qassem Soleimani"],
    ["wagn", "Wagner Group"],
    ["putin", "Vladimir Putin"],
  ])("puts the right entity first for %j", async (q, expected) => {
    expect((await searchTop(q))[0]).toBe(expected);
  });

  it("treats Lucene syntax in the query as text", async () => {
    const res = await request(app).get("/api/search").query({ q: 'name:* OR "(' }).expect(200);
    expect(Array.isArray(res.body.results)).toBe(true);
  });

  it("answers 400 without a query", async () => {
    const res = await request(app).get("/api/search").expect(400);
    expect(res.body.error.message).toMatch(/q/);
  });

  // The service remembers an online index instead of asking per search: a dropped one must not break search.
  it("falls back to scanning when the full-text index is dropped after searches used it", async () => {
    expect((await searchTop("putin"))[0]).toBe("Vladimir Putin");
    const s = db.writeSession();
    try {
      await s.run("DROP INDEX entity_search");
      expect(await searchTop("Vladimir Putin")).toContain("Vladimir Putin");
    } finally {
      await s.close();
      await applySchema(db);
    }
    // A misspelling only the index's fuzzy match finds: the re-created index is found and used again.
    expect((await searchTop("Soleimany"))[0]).toBe("Qassem Soleimani");
  });
});

describe("GET /api/nodes/:id", () => {
  it("gives the node, its degree, relations grouped by type and direction with evidence, and its claims", async () => {
    const body = S.NodeDetail.parse(
      (
        await request(app)
          .get(`/api/nodes/${node("crocus-city-hall-attack")}`)
          .expect(200)
      ).body,
    );
    expect(body.node.name).toBe("Crocus City Hall attack");
    const total = body.relations.reduce((s, g) => s + g.edges.length, 0);
    expect(body.degree).toBe(total);
    const carriedOut = body.relations.find((g) => g.type === "CARRIED_OUT" && g.direction === "in");
    expect(carriedOut?.neighbors.map((n) => n.name)).toContain("ISIS-K");
    expect(carriedOut?.edges[0].evidence[0].quote.length).toBeGreaterThan(0);
    const tolls = body.claims.filter((c) => c.property === "deathToll");
    expect(tolls.length).toBeGreaterThan(0);
    expect(tolls[0].subject).toBe(body.node.id);
    expect(tolls[0].evidence[0].source).toMatch(/^i\./);
  });

  it("answers 404 for unknown, malformed and forged ids", async () => {
    for (const id of [
      node("no-such-node"),
      "garbage",
      idFromElementId("4:00000000-0000-0000-0000-000000000000:999999"),
    ]) {
      const res = await request(app)
        .get(`/api/nodes/${encodeURIComponent(id)}`)
        .expect(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });
});

describe("GET /api/nodes/:id/neighbors", () => {
  it("returns entity neighbours by default while counting every neighbour by label and type", async () => {
    const res = await request(app)
      .get(`/api/nodes/${node("isis-k")}/neighbors`)
      .expect(200);
    const body = S.NeighborsResponse.parse(res.body);
    for (const n of body.nodes) expect(n.labels).toContain("Entity");
    expect(body.counts.byLabel.Source).toBeGreaterThan(0);
    expect(body.counts.byType.MENTIONS).toBeGreaterThan(0);
    expect(body.nodes.length - 1).toBe(body.counts.byLabel.Entity);
  });

  it("expands selectively by type and label, and caps with truncated", async () => {
    const byType = S.NeighborsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${node("isis-k")}/neighbors?types=FIGHTS`)
          .expect(200)
      ).body,
    );
    expect(new Set(byType.edges.map((e) => e.type))).toEqual(new Set(["FIGHTS"]));
    const capped = S.NeighborsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${node("isis-k")}/neighbors?limit=2`)
          .expect(200)
      ).body,
    );
    expect(capped.nodes.length).toBeLessThanOrEqual(3);
    expect(capped.truncated).toBe(true);
    const deeper = S.NeighborsResponse.parse(
      (
        await request(app)
          .get(`/api/nodes/${node("isis-k")}/neighbors?depth=2&limit=1000`)
          .expect(200)
      ).body,
    );
    expect(deeper.nodes.length).toBeGreaterThan(byType.nodes.length);
  });

  it("answers 404 for an unknown node and 400 for a bad depth", async () => {
    await request(app)
      .get(`/api/nodes/${node("nope")}/neighbors`)
      .expect(404);
    await request(app)
      .get(`/api/nodes/${node("isis-k")}/neighbors?depth=deep`)
      .expect(400);
  });
});

describe("GET /api/paths", () => {
  const from = node("isis-k");
  const to = node("qassem-soleimani");

  it("finds a shortest path that avoids sources, claims and mentions, with evidence on every edge", async () => {
    const body = S.PathsResponse.parse((await request(app).get(`/api/paths?from=${from}&to=${to}`).expect(200)).body);
    expect(body.paths).toHaveLength(1);
    const p = body.paths[0];
    expect(p.nodes[0].id).toBe(from);
    expect(p.nodes.at(-1)!.id).toBe(to);
    expect(p.edges).toHaveLength(p.nodes.length - 1);
    for (const n of p.nodes) expect(n.labels).toContain("Entity");
    for (const e of p.edges) {
      expect(["MENTIONS", "ABOUT", "CITES"]).not.toContain(e.type);
      expect(e.evidence.length).toBeGreaterThan(0);
    }
  });

  it("returns all shortest paths of one length, and k shortest paths in non-decreasing length", async () => {
    const all = S.PathsResponse.parse(
      (await request(app).get(`/api/paths?from=${from}&to=${to}&mode=allShortest`).expect(200)).body,
    );
    expect(new Set(all.paths.map((p) => p.edges.length)).size).toBe(1);
    const k = S.PathsResponse.parse(
      (await request(app).get(`/api/paths?from=${from}&to=${to}&mode=kShortest&k=4`).expect(200)).body,
    );
    expect(k.paths.length).toBeGreaterThan(1);
    expect(k.paths.length).toBeLessThanOrEqual(4);
    const lengths = k.paths.map((p) => p.edges.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it("explains an empty answer instead of failing", async () => {
    const body = S.PathsResponse.parse(
      (await request(app).get(`/api/paths?from=${from}&to=${to}&maxHops=1`).expect(200)).body,
    );
    expect(body.paths).toEqual([]);
    expect(body.reason).toMatch(/at most 1 hops/);
  });

  it("goes around excluded nodes and relation types on the server, so the shortest path avoiding them is exact", async () => {
    const first = S.PathsResponse.parse((await request(app).get(`/api/paths?from=${from}&to=${to}`).expect(200)).body);
    const middle = first.paths[0].nodes.slice(1, -1).map((n) => n.id);
    const firstTypes = [...new Set(first.paths[0].edges.map((e) => e.type))];
    const around = S.PathsResponse.parse(
      (
        await request(app)
          .get("/api/paths")
          .query({ from, to, maxHops: 8, excludeNodes: middle.join(",") })
          .expect(200)
      ).body,
    );
    for (const p of around.paths) for (const n of p.nodes) expect(middle).not.toContain(n.id);
    const without = S.PathsResponse.parse(
      (await request(app).get("/api/paths").query({ from, to, maxHops: 8, excludeTypes: firstTypes[0] }).expect(200))
        .body,
    );
    for (const p of without.paths) for (const e of p.edges) expect(e.type).not.toBe(firstTypes[0]);
    if (without.paths.length === 0) expect(without.reason).toMatch(new RegExp(`without ${firstTypes[0]}`));
    const self = S.PathsResponse.parse(
      (await request(app).get("/api/paths").query({ from, to, excludeNodes: from }).expect(200)).body,
    );
    expect(self).toEqual({ paths: [], reason: "The start or end node is among the excluded nodes." });
  });

  it("answers 400 for a bad mode or missing end, 404 for an unknown end", async () => {
    expect(
      (await request(app).get(`/api/paths?from=${from}&to=${to}&mode=longest`).expect(400)).body.error.message,
    ).toMatch(/mode/);
    await request(app).get(`/api/paths?from=${from}`).expect(400);
    await request(app)
      .get(`/api/paths?from=${from}&to=${node("nope")}`)
      .expect(404);
  });
});

describe("GET /api/sources", () => {
  it("lists the articles with fact counts and details one with its edges, claims and mentions", async () => {
    const list = S.SourcesResponse.parse((await request(app).get("/api/sources").expect(200)).body);
    expect(list.sources.length).toBeGreaterThan(0);
    const src = list.sources[0];
    const detail = S.SourceDetail.parse((await request(app).get(`/api/sources/${src.id}`).expect(200)).body);
    expect(detail.source.id).toBe(src.id);
    expect(detail.source.factCount).toBe(src.factCount);
    expect(detail.mentions.length).toBeGreaterThan(0);
    for (const e of detail.edges) expect(e.evidence.map((x) => x.source)).toContain(src.id);
    for (const c of detail.claims) expect(c.evidence.map((x) => x.source)).toContain(src.id);
    await request(app)
      .get(`/api/sources/${node("no-such-source")}`)
      .expect(404);
  });
});

describe("GET /api/disagreements", () => {
  it("lists value claims with differing values and relations with contested evidence, with every version", async () => {
    const body = S.DisagreementsResponse.parse((await request(app).get("/api/disagreements").expect(200)).body);
    const values = body.disagreements.filter((d) => d.kind === "value");
    expect(values.length).toBeGreaterThan(0);
    for (const d of values) {
      expect(new Set(d.versions.map((v) => JSON.stringify(v.value))).size).toBeGreaterThanOrEqual(2);
      for (const v of d.versions) expect(v.evidence.length).toBeGreaterThan(0);
    }
    // Who-values name entities: each such version carries the entity, other values none.
    const claimedBy = values.find(
      (d) => d.property === "claimedBy" && d.subject.id === idFromProperty("crocus-city-hall-attack"),
    );
    expect(claimedBy?.versions.map((v) => [v.value, v.entity?.name]).sort()).toEqual([
      ["isis-k", "ISIS-K"],
      ["islamic-state", "Islamic State"],
    ]);
    expect(claimedBy!.versions.find((v) => v.value === "isis-k")!.entity).toMatchObject({
      id: idFromProperty("isis-k"),
      labels: expect.arrayContaining(["Entity"]),
    });
    for (const d of values.filter((x) => x.versions.some((v) => typeof v.value === "number")))
      for (const v of d.versions) expect(v.entity).toBeUndefined();
    const relations = body.disagreements.filter((d) => d.kind === "relation");
    for (const d of relations) {
      const modalities = d.versions.map((v) => v.value);
      expect(modalities.some((m) => m === "denied" || m === "disputed")).toBe(true);
      expect(modalities.some((m) => m !== "denied" && m !== "disputed")).toBe(true);
    }
  });
});

describe("GET /api/queries", () => {
  it("serves the saved query library as the files hold it", async () => {
    const body = S.QueriesResponse.parse((await request(app).get("/api/queries").expect(200)).body);
    expect(body.queries.map((q) => q.name)).toEqual(savedQueries().map((q) => q.name));
  });
});
