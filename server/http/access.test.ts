// Access control runs before anything touches the database, so an app on an unreachable database is enough here.
import { afterAll, describe, expect, it } from "vitest";
import request from "supertest";
import { pino } from "pino";
import { createApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createDatabase } from "../neo4j/database.ts";

const db = createDatabase({ uri: "bolt://127.0.0.1:9", username: "neo4j", password: "x", database: "neo4j" });
afterAll(() => db.close());
const appWith = (env: Record<string, string>) =>
  createApp({
    config: loadConfig({ LOG_LEVEL: "silent", ...env }),
    db,
    logger: pino({ level: "silent" }),
    managed: false,
    startedAt: Date.now(),
  });

describe("access control", () => {
  const token = "test-token-0123456789abcdef";
  const exposed = appWith({ HOST: "0.0.0.0", ACCESS_TOKEN: token, ALLOWED_HOSTS: "kg.example" });

  it("refuses a request without the token when bound beyond loopback", async () => {
    const res = await request(exposed).get("/api/nope").set("Host", "kg.example").expect(401);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a wrong token and accepts the right one", async () => {
    await request(exposed)
      .get("/api/nope")
      .set("Host", "kg.example")
      .set("Authorization", "Bearer wrong-token-0123456789ab")
      .expect(401);
    await request(exposed)
      .get("/api/nope")
      .set("Host", "kg.example")
      .set("Authorization", `Bearer ${token}`)
      .expect(404);
  });

  it("turns ?token= into an HttpOnly cookie the page then uses", async () => {
    const res = await request(exposed).get(`/api/nope?token=${token}`).set("Host", "kg.example").expect(404);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/kg_token=.*HttpOnly/);
    await request(exposed).get("/api/nope").set("Host", "kg.example").set("Cookie", `kg_token=${token}`).expect(404);
  });

  it("refuses a foreign Host header (DNS rebinding) even on loopback", async () => {
    const local = appWith({});
    const res = await request(local).get("/api/nope").set("Host", "evil.example:3000").expect(403);
    expect(res.body).toEqual({ error: { code: "FORBIDDEN", message: "Host not allowed." } });
    await request(local).get("/api/nope").set("Host", "localhost:3000").expect(404);
  });

  it("answers unknown endpoints and bad JSON in the one error shape", async () => {
    const local = appWith({});
    const bad = await request(local)
      .post("/api/cypher")
      .set("Host", "127.0.0.1")
      .set("Content-Type", "application/json")
      .send("{nope")
      .expect(400);
    expect(bad.body.error.code).toBe("BAD_REQUEST");
    const text = await request(local)
      .post("/api/cypher")
      .set("Host", "127.0.0.1")
      .set("Content-Type", "text/plain")
      .send("MATCH (n) RETURN n")
      .expect(415);
    expect(text.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });
});
