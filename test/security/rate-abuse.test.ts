// A flood on the console from one client: it gets 429 with standard RateLimit headers, exactly the allowance gets
// through even when the flood is concurrent, other clients and the client's other requests are unaffected, and a
// forged X-Forwarded-For dodges nothing unless a trusted proxy is configured (and then only the proxy's entry
// counts). api-console.test.ts checks the basic 429; this file floods and forges.
import { afterAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { fingerprint, testApp, testDatabase } from "../support/test-db.ts";
import { expectNoInternals } from "../support/security-probes.ts";

const db = testDatabase();
const LIMIT = 5;
const before = fingerprint(db);
afterAll(async () => {
  expect(await fingerprint(db)).toEqual(await before);
  await db.close();
});

const ask = (app: Express, xff?: string) => {
  const r = request(app).post("/api/cypher");
  if (xff !== undefined) r.set("X-Forwarded-For", xff);
  return r.send({ query: "RETURN 1 AS one" });
};

const count = (statuses: number[], s: number) => statuses.filter((x) => x === s).length;

describe("a flood on the console", () => {
  it("lets exactly the allowance through a concurrent flood and answers the rest 429 with RateLimit headers", async () => {
    const app = testApp(db, { CYPHER_RATE_LIMIT: String(LIMIT) });
    const flood = await Promise.all(Array.from({ length: 40 }, () => ask(app)));
    const statuses = flood.map((r) => r.status);
    expect(count(statuses, 200)).toBe(LIMIT);
    expect(count(statuses, 429)).toBe(40 - LIMIT);
    for (const r of flood.filter((x) => x.status === 429)) {
      expect(r.body.error.code).toBe("RATE_LIMITED");
      expect(r.headers["ratelimit-policy"]).toBe(`${LIMIT};w=60`);
      expect(r.headers["ratelimit"]).toMatch(new RegExp(`^limit=${LIMIT}, remaining=0, reset=\\d+$`));
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
      expectNoInternals(r.text);
    }
  });

  it("does not hold back the flooding client's other endpoints", async () => {
    const app = testApp(db, { CYPHER_RATE_LIMIT: String(LIMIT) });
    await Promise.all(Array.from({ length: 20 }, () => ask(app)));
    expect((await ask(app)).status).toBe(429);
    expect((await request(app).get("/api/health")).status).toBe(200);
    expect((await request(app).get("/api/search?q=crocus")).status).toBe(200);
  });

  it("is not dodged by forging a new X-Forwarded-For on every request when no proxy is trusted", async () => {
    const app = testApp(db, { CYPHER_RATE_LIMIT: String(LIMIT) });
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      const forged = [`10.9.${i}.1`, `${i}.${i}.${i}.${i}, 127.0.0.1`, `2001:db8::${i}`, "unknown", ""][i % 5];
      statuses.push((await ask(app, forged)).status);
    }
    expect(count(statuses, 200)).toBe(LIMIT);
    expect(count(statuses, 429)).toBe(15 - LIMIT);
  });
});

describe("behind a trusted proxy", () => {
  it("keeps other clients unaffected while one floods (TRUST_PROXY=1, one hop)", async () => {
    const app = testApp(db, { CYPHER_RATE_LIMIT: String(LIMIT), TRUST_PROXY: "1" });
    const flood = await Promise.all(Array.from({ length: 20 }, () => ask(app, "203.0.113.7")));
    expect(
      count(
        flood.map((r) => r.status),
        429,
      ),
    ).toBe(20 - LIMIT);
    for (let c = 1; c <= 5; c++) {
      const res = await ask(app, `198.51.100.${c}`);
      expect(res.status, `client ${c}`).toBe(200);
      expect(res.headers["ratelimit"]).toMatch(new RegExp(`remaining=${LIMIT - 1}\\b`));
    }
  });

  it("counts only the entry the proxy appended, so a forged leftmost entry dodges nothing", async () => {
    const app = testApp(db, { CYPHER_RATE_LIMIT: String(LIMIT), TRUST_PROXY: "1" });
    const statuses: number[] = [];
    // The client forges a fresh first entry each time; the proxy appends the address it really saw.
    for (let i = 0; i < 12; i++) statuses.push((await ask(app, `10.66.${i}.${i}, 203.0.113.9`)).status);
    expect(count(statuses, 200)).toBe(LIMIT);
    expect(count(statuses, 429)).toBe(12 - LIMIT);
  });
});
