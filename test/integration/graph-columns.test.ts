// GET /api/graph?format=columns on the real seed graph decodes (with the client's decoder) to the same graph as the
// default SubGraph form; with text deferred, to that graph less its quotes and long text, whose elements
// POST /api/details then returns whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import type { GraphColumns, GraphEdge, GraphNode, SubGraph } from "../../contract/api.ts";
import { decodeGraphColumns } from "../../client/src/api/decode-graph-columns.ts";
import * as S from "../../server/http/api-schemas.ts";
import * as G from "../../server/http/api-schemas-graph-columns.ts";
import { LONG_TEXT_CHARS } from "../../server/neo4j/graph-columns.ts";
import { resetToSeed, testApp, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
let app: Express;
let json: SubGraph;

beforeAll(async () => {
  await resetToSeed(db);
  app = testApp(db);
  json = (await request(app).get("/api/graph?limit=1000").expect(200)).body;
}, 120_000);
afterAll(() => db.close());

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
const columns = async (query: string): Promise<GraphColumns> => {
  const body = (await request(app).get(`/api/graph?limit=1000&format=columns${query}`).expect(200)).body;
  const parsed = G.GraphColumns.safeParse(body);
  expect(parsed.success, parsed.error?.message).toBe(true);
  return body as GraphColumns;
};
/** What a deferred view keeps: strings up to the limit, and those equal to the name or id (they cost nothing). */
const withoutLongText = (props: GraphNode["properties"], name?: string) =>
  Object.fromEntries(
    Object.entries(props).filter(
      ([, v]) => !(typeof v === "string" && v.length > LONG_TEXT_CHARS && v !== name && v !== props.id),
    ),
  );

describe("GET /api/graph?format=columns", () => {
  it("decodes to the same graph as the default form, text inline, on the seed graph (no deferral below 2,000 edges)", async () => {
    expect(S.SubGraph.safeParse(json).success).toBe(true);
    expect(json.edges.length).toBeGreaterThan(300);
    const c = await columns("");
    expect(c.deferred).toBe(false);
    const d = decodeGraphColumns(c);
    expect(d.truncated).toBe(json.truncated);
    expect(byId(d.nodes)).toEqual(byId(json.nodes));
    expect(byId(d.edges)).toEqual(byId(json.edges));
  });

  it("with text=deferred decodes to that graph less quotes and long text, marking the elements that lost some", async () => {
    const c = await columns("&text=deferred");
    expect(c.deferred).toBe(true);
    expect(c.edges.evidence.quotes).toBeUndefined();
    const d = decodeGraphColumns(c);
    const nodes = byId(d.nodes);
    for (const n of json.nodes) {
      const { detailsDeferred, ...got } = nodes.get(n.id)!;
      const want = { ...n, properties: withoutLongText(n.properties, n.name) };
      expect(got).toEqual(want);
      expect(detailsDeferred === true).toBe(Object.keys(want.properties).length < Object.keys(n.properties).length);
    }
    const edges = byId(d.edges);
    for (const e of json.edges) {
      const { detailsDeferred, ...got } = edges.get(e.id)!;
      expect(got).toEqual({
        ...e,
        properties: withoutLongText(e.properties),
        evidence: e.evidence.map((ev) => ({ ...ev, quote: "" })),
      });
      expect(detailsDeferred === true).toBe(
        e.evidence.length > 0 || Object.keys(withoutLongText(e.properties)).length < Object.keys(e.properties).length,
      );
    }
    expect(d.nodes.some((n) => n.detailsDeferred)).toBe(true);
  });

  it("refuses an unknown format or text mode", async () => {
    await request(app).get("/api/graph?format=xml").expect(400);
    await request(app).get("/api/graph?format=columns&text=some").expect(400);
  });
});

describe("POST /api/details", () => {
  it("returns the whole edges (quotes included) and nodes a deferred view left text out of", async () => {
    const deferred = decodeGraphColumns(await columns("&text=deferred"));
    const asked = deferred.edges.filter((e) => e.detailsDeferred).slice(0, 40);
    const askedNodes = deferred.nodes.filter((n) => n.detailsDeferred).slice(0, 10);
    const res = await request(app)
      .post("/api/details")
      .send({
        nodes: [...askedNodes.map((n) => n.id), "i.bm8tc3VjaC1ub2Rl"],
        edges: [...asked.map((e) => ({ id: e.id, source: e.source })), { id: "i.bm9wZQ", source: asked[0].source }],
      })
      .expect(200);
    expect(G.DetailsResponse.safeParse(res.body).success).toBe(true);
    const full = byId(json.edges);
    expect(byId(res.body.edges as GraphEdge[])).toEqual(new Map(asked.map((e) => [e.id, full.get(e.id)])));
    expect(asked.some((e) => full.get(e.id)!.evidence.some((ev) => ev.quote.length > 0))).toBe(true);
    const fullNodes = byId(json.nodes);
    expect(res.body.nodes).toEqual(askedNodes.map((n) => fullNodes.get(n.id)));
  });

  it("refuses more ids than a batch holds, with the one error shape", async () => {
    const res = await request(app)
      .post("/api/details")
      .send({ nodes: Array.from({ length: G.DETAILS_MAX_IDS + 1 }, (_, i) => `i.${i}`) })
      .expect(400);
    expect(S.ErrorBody.safeParse(res.body).success).toBe(true);
  });
});
