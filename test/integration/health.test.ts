// GET /api/health against the real Neo4j: version, edition, and the degraded answer when Neo4j is unreachable.
import { afterAll, describe, expect, it } from "vitest";
import request from "supertest";
import { createDatabase } from "../../server/neo4j/database.ts";
import { freePort } from "../../server/neo4j/local-server.ts";
import { testApp, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
afterAll(() => db.close());

describe("GET /api/health", () => {
  it("reports Neo4j 5.26 community as connected", async () => {
    const res = await request(testApp(db)).get("/api/health").expect(200);
    expect(res.body.status).toBe("ok");
    expect(res.body.neo4j).toMatchObject({ connected: true, edition: "community", database: "neo4j" });
    expect(res.body.neo4j.version).toMatch(/^5\.26\.\d+$/);
  });

  it("answers 503 degraded, quickly, when nothing listens on the Bolt port", async () => {
    const port = await freePort();
    const dead = createDatabase({
      uri: `bolt://127.0.0.1:${port}`,
      username: "neo4j",
      password: "x",
      database: "neo4j",
    });
    const started = Date.now();
    const res = await request(testApp(dead)).get("/api/health").expect(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.body).toMatchObject({ status: "degraded", neo4j: { connected: false } });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    await dead.close();
  });
});
