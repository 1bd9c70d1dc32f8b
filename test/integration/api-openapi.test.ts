// The OpenAPI document is generated from the zod schemas: every route the app serves appears in it, and real
// answers of every endpoint (successes and errors) validate against the schemas it was generated from.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import * as S from "../../server/http/api-schemas.ts";
import { ENDPOINTS } from "../../server/http/openapi.ts";
import { idFromProperty } from "../../server/neo4j/ids.ts";
import { resetToSeed, testApp, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
let app: Express;

beforeAll(async () => {
  await resetToSeed(db);
  app = testApp(db);
}, 120_000);
afterAll(() => db.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path the /api router serves, read from Express's own router stack. */
function servedRoutes(stack: Layer[]): string[] {
  return stack.flatMap((l) => {
    if (l.route) return Object.keys(l.route.methods).map((m) => `${m} ${l.route!.path.replace(/:(\w+)/g, "{$1}")}`);
    return l.handle?.stack ? servedRoutes(l.handle.stack) : [];
  });
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3 document listing every route the app serves, with component schemas", async () => {
    const doc = (await request(app).get("/api/openapi.json").expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    const apiRouter = (app as unknown as { router: { stack: Layer[] } }).router.stack.find((l) =>
      l.handle?.stack?.some((x) => x.handle?.stack?.some((y) => y.route?.path === "/health")),
    );
    const served = servedRoutes(apiRouter!.handle!.stack!);
    expect(served.length).toBeGreaterThanOrEqual(13);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["GraphNode", "GraphEdge", "ErrorBody"]),
    );
    expect(doc.paths["/paths"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["from", "to", "maxHops", "mode", "k", "direction", "types"]),
    );
  });

  it("describes real responses of every endpoint: each validates against its response schema", async () => {
    const isisK = idFromProperty("isis-k");
    const sources = (await request(app).get("/api/sources").expect(200)).body.sources;
    const urls: Record<string, string> = {
      "/health": "/api/health",
      "/schema": "/api/schema",
      "/graph": "/api/graph?limit=50&format=columns",
      "/search": "/api/search?q=wagner",
      "/nodes/{id}": `/api/nodes/${isisK}`,
      "/nodes/{id}/neighbors": `/api/nodes/${isisK}/neighbors?depth=2`,
      "/paths": `/api/paths?from=${isisK}&to=${idFromProperty("vladimir-putin")}&mode=kShortest`,
      "/sources": "/api/sources",
      "/sources/{id}": `/api/sources/${sources[0].id}`,
      "/disagreements": "/api/disagreements",
      "/timeline": "/api/timeline",
      "/queries": "/api/queries",
      "/openapi.json": "/api/openapi.json",
    };
    const view = (await request(app).get("/api/graph?limit=50").expect(200)).body;
    const bodies: Record<string, object> = {
      "/cypher": { query: "MATCH p=(a:Entity)-[r]->(b) RETURN a, r, p, 1 LIMIT 5" },
      "/details": { nodes: [isisK], edges: [{ id: view.edges[0].id, source: view.edges[0].source }] },
    };
    for (const e of ENDPOINTS) {
      const res =
        e.method === "post"
          ? await request(app).post(`/api${e.path}`).send(bodies[e.path])
          : await request(app).get(urls[e.path]);
      expect(res.status, e.path).toBe(200);
      const parsed = e.response.safeParse(res.body);
      expect(parsed.success, `${e.path}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("describes error answers with the one error shape", async () => {
    for (const res of [
      await request(app).get("/api/nodes/nope"),
      await request(app).get("/api/search"),
      await request(app).post("/api/cypher").send({ query: "CREATE (n)" }),
      await request(app).get("/api/no-such-endpoint"),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(S.ErrorBody.safeParse(res.body).success).toBe(true);
    }
  });
});
