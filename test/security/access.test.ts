// Who can reach the explorer: loopback only by default, a token on every request when bound elsewhere, no foreign
// Host (DNS rebinding), and answers a browser will not sniff or run. The Bolt port of the managed Neo4j is loopback
// only and refuses logins without the generated password (a local web page can open a WebSocket to it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import request from "supertest";
import { pino } from "pino";
import neo4j from "neo4j-driver";
import { inject } from "vitest";
import { startExplorer, type Explorer } from "../../server/main.ts";
import { neo4jConf, localLayout } from "../../server/neo4j/local-config.ts";
import { fingerprint, testApp, testConfig, testDatabase } from "../support/test-db.ts";
import { expectNoInternals } from "../support/security-probes.ts";

const db = testDatabase();
const silent = pino({ level: "silent" });
const TOKEN = "s3cret-token-for-tests-0123456789";
const explorers: Explorer[] = [];
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  before = await fingerprint(db);
});
afterAll(async () => {
  for (const e of explorers) await e.close();
  expect(await fingerprint(db)).toEqual(before);
  await db.close();
});

async function start(env: Record<string, string>): Promise<Explorer & { port: number }> {
  const e = await startExplorer(testConfig({ PORT: "0", ...env }), silent);
  explorers.push(e);
  return { ...e, port: (e.server.address() as { port: number }).port };
}

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port, timeout: 1_000 });
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

const externalAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === "IPv4")
    .map((i) => i!.address);

describe("binding", () => {
  it("listens on 127.0.0.1 only by default, so other machines cannot connect", async () => {
    const app = await start({});
    expect((app.server.address() as { address: string }).address).toBe("127.0.0.1");
    expect(await tcpConnects("127.0.0.1", app.port)).toBe(true);
    // Where the machine has another interface, the port is closed on it; a machine with loopback only has nothing
    // else to try, and the bound address above already proves the point.
    for (const addr of externalAddresses()) expect(await tcpConnects(addr, app.port)).toBe(false);
    const res = await fetch(`http://127.0.0.1:${app.port}/api/health`);
    expect(res.status).toBe(200);
  });

  it("requires the access token on every request when bound to 0.0.0.0", async () => {
    const app = await start({ HOST: "0.0.0.0", ACCESS_TOKEN: TOKEN, ALLOWED_HOSTS: "127.0.0.1,localhost" });
    const base = `http://127.0.0.1:${app.port}`;
    for (const path of ["/api/health", "/api/search?q=isis", "/api/cypher", "/", "/api/openapi.json", "/nope"]) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(401);
      const text = await res.text();
      expect(JSON.parse(text).error.code).toBe("UNAUTHORIZED");
      expect(text).not.toContain(TOKEN);
    }
    const post = await fetch(`${base}/api/cypher`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "MATCH (n) DETACH DELETE n" }),
    });
    expect(post.status).toBe(401);
    for (const auth of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, "Bearer "]) {
      expect((await fetch(`${base}/api/health`, { headers: { authorization: auth } })).status, auth).toBe(401);
    }
    expect((await fetch(`${base}/api/health?token=wrong-token-0123456789`)).status).toBe(401);
    expect((await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it("turns a correct ?token= into an HttpOnly, SameSite=Strict cookie that then suffices", async () => {
    const app = await start({ HOST: "0.0.0.0", ACCESS_TOKEN: TOKEN, ALLOWED_HOSTS: "127.0.0.1" });
    const base = `http://127.0.0.1:${app.port}`;
    const first = await fetch(`${base}/api/health?token=${TOKEN}`);
    expect(first.status).toBe(200);
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const pair = cookie.split(";")[0];
    expect((await fetch(`${base}/api/health`, { headers: { cookie: pair } })).status).toBe(200);
    expect((await fetch(`${base}/api/health`, { headers: { cookie: "kg_token=nope-nope-nope-nope" } })).status).toBe(
      401,
    );
  });

  it("answers a malformed token cookie with 401, not a 500", async () => {
    const app = testApp(db, { HOST: "0.0.0.0", ACCESS_TOKEN: TOKEN, ALLOWED_HOSTS: "127.0.0.1" });
    for (const cookie of ["kg_token=%E0%A4%A", "kg_token=%", "kg_token=%zz%", `kg_token=${"%".repeat(100)}`]) {
      const res = await request(app).get("/api/health").set("Host", "127.0.0.1").set("Cookie", cookie);
      expect(res.status, cookie).toBe(401);
      expectNoInternals(res.text);
    }
  });
});

describe("DNS rebinding", () => {
  const app = testApp(db);
  const foreign = [
    "evil.example",
    "evil.example:3000",
    "127.0.0.1.evil.example",
    "localhost.evil.example",
    "127.0.0.2",
    "0.0.0.0",
    "[::2]",
    "LOCALHOST.",
    "",
    "localhost:3000@evil.example",
  ];

  it.each(foreign)("refuses the foreign Host header %j with 403", async (host) => {
    const res = await request(app).get("/api/health").set("Host", host);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
    expectNoInternals(res.text);
  });

  it("refuses a foreign Host before any route runs, also for POST /api/cypher", async () => {
    const res = await request(app)
      .post("/api/cypher")
      .set("Host", "attacker.example")
      .send({ query: "MATCH (n) RETURN n LIMIT 1" });
    expect(res.status).toBe(403);
  });

  it("accepts the loopback names with and without a port, in any case", async () => {
    for (const host of ["localhost", "LocalHost:3000", "127.0.0.1:8080", "[::1]:3000", "[::1]"]) {
      expect((await request(app).get("/api/health").set("Host", host)).status, host).toBe(200);
    }
  });
});

describe("what the browser gets", () => {
  const app = testApp(db);

  it("serves API answers as JSON with nosniff, including errors and unknown routes", async () => {
    for (const path of ["/api/health", "/api/no-such-route", "/api/nodes/%3Cscript%3E"]) {
      const res = await request(app).get(path);
      expect(res.headers["content-type"], path).toMatch(/^application\/json/);
      expect(res.headers["x-content-type-options"], path).toBe("nosniff");
      expect(res.headers["x-powered-by"], path).toBeUndefined();
    }
  });

  it("echoes no HTML from a request path into a page", async () => {
    const res = await request(app).get("/api/<img src=x onerror=alert(1)>");
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.text).not.toContain("<img");
  });

  it("sends a Content-Security-Policy on / that forbids inline and foreign scripts and framing", async () => {
    const res = await request(app).get("/");
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toBeTruthy();
    const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name}\\s+([^;]*)`).exec(csp)?.[1] ?? "";
    expect(directive("script-src")).toBe("'self'");
    expect(directive("default-src")).toBe("'self'");
    expect(directive("object-src")).toBe("'none'");
    expect(directive("frame-ancestors")).toBe("'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("the managed Neo4j's Bolt port", () => {
  it("is configured for loopback only, without HTTP, with auth and without file URLs", () => {
    const conf = neo4jConf(localLayout("/x"), {
      boltPort: 7687,
      heap: "1g",
      pagecache: "1g",
      txTimeoutMs: 1000,
      txMemoryMax: "1m",
    });
    expect(conf).toMatch(/^server\.bolt\.listen_address=127\.0\.0\.1:7687$/m);
    expect(conf).toMatch(/^server\.default_listen_address=127\.0\.0\.1$/m);
    expect(conf).toMatch(/^server\.http\.enabled=false$/m);
    expect(conf).toMatch(/^dbms\.security\.auth_enabled=true$/m);
    expect(conf).toMatch(/^dbms\.security\.allow_csv_import_from_file_urls=false$/m);
    expect(conf).toMatch(/^dbms\.security\.auth_max_failed_attempts=0$/m);
  });

  it("refuses a login with the default or a wrong password, so a local web page cannot use it", async () => {
    const { uri } = inject("neo4j");
    for (const password of ["neo4j", "password", ""]) {
      const d = neo4j.driver(uri, neo4j.auth.basic("neo4j", password), { connectionTimeout: 3_000 });
      await expect(d.executeQuery("RETURN 1")).rejects.toMatchObject({ code: "Neo.ClientError.Security.Unauthorized" });
      await d.close();
    }
  });

  it("does not lock the app's own user out after many failed logins, so a page cannot deny it service", async () => {
    // Regression: with Neo4j's default of 3 attempts, three bad logins (from any local process, or a page's Bolt
    // WebSocket) locked `neo4j` out, and every new connection of the app failed until the lock expired.
    const { uri, password } = inject("neo4j");
    for (let i = 0; i < 6; i++) {
      const d = neo4j.driver(uri, neo4j.auth.basic("neo4j", `wrong-${i}`), { connectionTimeout: 3_000 });
      await d.executeQuery("RETURN 1").catch(() => undefined);
      await d.close();
    }
    const fresh = neo4j.driver(uri, neo4j.auth.basic("neo4j", password));
    try {
      const r = await fresh.executeQuery("RETURN 1 AS one");
      expect(r.records[0].get("one").toNumber()).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
