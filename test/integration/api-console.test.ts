// The read-only console for real: a written list of writes and escapes, all refused with the graph unchanged;
// EXPLAIN/PROFILE plan trees; row and byte caps; Neo4j's syntax position; a runaway query cut with 504 while the
// server keeps answering; the memory cap as 422; a vanished client freeing its transaction; the per-client rate
// limit; body size and type; and 503 when Neo4j is not there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { request as httpRequest, type Server } from "node:http";
import * as S from "../../server/http/api-schemas.ts";
import { createDatabase } from "../../server/neo4j/database.ts";
import { freePort } from "../../server/neo4j/local-server.ts";
import { fingerprint, resetToSeed, testApp, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
let app: Express;
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  await resetToSeed(db);
  app = testApp(db, { CYPHER_RATE_LIMIT: "100000" });
  before = await fingerprint(db);
}, 120_000);
afterAll(() => db.close());

const RUNAWAY = "MATCH (a), (b), (c), (d) WHERE a.name + b.name + c.name + d.name = 'x' RETURN count(*)";

// [what it tries, query]: each must be refused (400 or 403) and leave the graph exactly as it was.
const ATTEMPTS: [string, string][] = [
  ["CREATE a node", "CREATE (n:Hacked) RETURN n"],
  ["MERGE a node", "MERGE (n:Hacked {x: 1}) RETURN n"],
  ["SET a property", "MATCH (n:Entity) SET n.hacked = true RETURN count(n)"],
  ["DELETE everything", "MATCH (n) DETACH DELETE n"],
  ["REMOVE a property", "MATCH (n:Entity) REMOVE n.name RETURN count(n)"],
  ["FOREACH with SET", "MATCH (n:Entity) WITH collect(n) AS ns FOREACH (x IN ns | SET x.hacked = 1)"],
  ["a CALL subquery that writes", "MATCH (n:Entity) CALL (n) { SET n.hacked = 1 } RETURN count(*)"],
  ["an old-style CALL subquery that creates", "CALL { CREATE (:Hacked) } RETURN 1"],
  ["CALL IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS"],
  ["CREATE INDEX", "CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)"],
  ["CREATE CONSTRAINT", "CREATE CONSTRAINT hacked FOR (n:Hacked) REQUIRE n.x IS UNIQUE"],
  ["DROP INDEX", "DROP INDEX entity_name"],
  ["CREATE USER", "CREATE USER mallory SET PASSWORD 'mallory-password-1'"],
  ["ALTER USER", "ALTER USER neo4j SET PASSWORD 'changed-password-1'"],
  ["SHOW USERS", "SHOW USERS"],
  ["SHOW DATABASES", "SHOW DATABASES"],
  ["TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ["SHOW ... TERMINATE composed", "SHOW TRANSACTIONS YIELD transactionId TERMINATE TRANSACTIONS transactionId"],
  ["USE system", "USE system SHOW USERS"],
  ["USE another database", "USE neo4j MATCH (n) RETURN n"],
  ["two statements", "MATCH (n) RETURN n; CREATE (m:Hacked)"],
  ["a second statement after a comment with a semicolon", "MATCH (n) RETURN n /* ; */ ; CREATE (m:Hacked)"],
  ["a write behind a line comment", "// read only, promise\nCREATE (m:Hacked)"],
  ["a write split by a block comment", "MATCH (n) /* harmless */ SET /* really */ n.x = 1"],
  ["db.clearQueryCaches", "CALL db.clearQueryCaches()"],
  ["a backticked procedure name", "CALL `db`.`clearQueryCaches`()"],
  ["a full-width procedure name", "CALL ｄｂ.ｃｌｅａｒＱｕｅｒｙＣａｃｈｅｓ()"],
  ["a procedure name with comments inside", "CALL db /* x */ . clearQueryCaches()"],
  ["dbms.listConfig", "CALL dbms.listConfig() YIELD name, value RETURN name, value"],
  ["creating a label by procedure", "CALL db.createLabel('Hacked')"],
  ["LOAD CSV from a file", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
  ["LOAD CSV over http", "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line"],
  ["an apoc-like procedure", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})"],
  ["an apoc-like function", "RETURN apoc.version() AS v"],
  ["a user-written EXPLAIN of a write", "EXPLAIN CREATE (n:Hacked)"],
  ["a user-written PROFILE of a delete", "PROFILE MATCH (n) DETACH DELETE n"],
  ["CYPHER runtime options", "CYPHER runtime=interpreted MATCH (n) RETURN n"],
  ["a write after a UNION", "MATCH (n:Entity) RETURN n.name AS x UNION CREATE (m:Hacked) RETURN m.name AS x"],
  ["breaking out of a wrapper", "MATCH (n) RETURN n } CREATE (m:Hacked) WITH 1 AS x CALL { RETURN 1"],
];

describe("POST /api/cypher refuses writes and escapes", () => {
  it.each(ATTEMPTS)("refuses %s and leaves the graph unchanged", async (_what, query) => {
    const res = await request(app).post("/api/cypher").send({ query });
    expect([400, 403]).toContain(res.status);
    expect(res.body.error.code).toMatch(/^(BAD_REQUEST|QUERY_ERROR|FORBIDDEN|WRITE_REFUSED)$/);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+|root:|Exception/);
    expect(await fingerprint(db)).toEqual(before);
  });

  it("refuses writes with 403 WRITE_REFUSED and forbidden operations with 403 FORBIDDEN", async () => {
    const w = await request(app).post("/api/cypher").send({ query: "CREATE (n:Hacked)" }).expect(403);
    expect(w.body.error.code).toBe("WRITE_REFUSED");
    const l = await request(app)
      .post("/api/cypher")
      .send({ query: "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l" })
      .expect(403);
    expect(l.body.error.code).toBe("FORBIDDEN");
    const p = await request(app).post("/api/cypher").send({ query: "CALL `db`.`clearQueryCaches`()" }).expect(403);
    expect(p.body.error.message).toMatch(/db\.clearQueryCaches/);
  });

  it("still runs the allowlisted procedures and functions", async () => {
    const res = await request(app)
      .post("/api/cypher")
      .send({
        query:
          "CALL db.index.fulltext.queryNodes('entity_search', 'wagner') YIELD node RETURN node.name AS name, point.distance(point({x: 0, y: 0}), point({x: 3, y: 4})) AS d LIMIT 1",
      })
      .expect(200);
    expect(res.body.rows[0]).toEqual(["Wagner Group", 5]);
  });
});

describe("POST /api/cypher runs reads", () => {
  it("aligns rows with columns and collects nodes, relationships and paths into graph once", async () => {
    const res = await request(app)
      .post("/api/cypher")
      .send({
        query: "MATCH p = (a:Entity {id: $id})-[r:FIGHTS]->(b) RETURN a.name AS name, r, p LIMIT 3",
        params: { id: "isis-k" },
      })
      .expect(200);
    const body = S.CypherResponse.parse(res.body);
    expect(body.columns).toEqual(["name", "r", "p"]);
    for (const row of body.rows) expect(row).toHaveLength(3);
    const edgeCell = body.rows[0][1] as { $edge: { id: string; evidence: unknown[] } };
    expect(edgeCell.$edge.evidence.length).toBeGreaterThan(0);
    expect(body.graph.edges.map((e) => e.id)).toContain(edgeCell.$edge.id);
    expect(new Set(body.graph.nodes.map((n) => n.id)).size).toBe(body.graph.nodes.length);
    expect(body.summary).toMatchObject({ queryType: "r", truncated: false });
  });

  it("cuts at the row cap and says so", async () => {
    const capped = testApp(db, { QUERY_MAX_ROWS: "5" });
    const body = S.CypherResponse.parse(
      (await request(capped).post("/api/cypher").send({ query: "UNWIND range(1, 1000) AS x RETURN x" }).expect(200))
        .body,
    );
    expect(body.rows).toEqual([[1], [2], [3], [4], [5]]);
    expect(body.summary).toMatchObject({ truncated: true, truncatedBy: "rows", caps: { rows: 5 } });
  });

  it("cuts at the byte cap and says so", async () => {
    const capped = testApp(db, { QUERY_MAX_BYTES: "2048" });
    const body = S.CypherResponse.parse(
      (
        await request(capped)
          .post("/api/cypher")
          .send({ query: "UNWIND range(1, 1000) AS x RETURN x, 'padding padding padding padding' AS pad" })
          .expect(200)
      ).body,
    );
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.length).toBeLessThan(1000);
    expect(Buffer.byteLength(JSON.stringify(body.rows))).toBeLessThanOrEqual(2048 + 2 * body.rows.length);
    expect(body.summary).toMatchObject({ truncated: true, truncatedBy: "bytes" });
  });

  it("returns the EXPLAIN plan tree without running the query", async () => {
    const body = S.CypherResponse.parse(
      (
        await request(app)
          .post("/api/cypher")
          .send({ query: "MATCH (n:Entity) RETURN n.name AS name", mode: "explain" })
          .expect(200)
      ).body,
    );
    expect(body.rows).toEqual([]);
    expect(body.columns).toEqual(["name"]);
    expect(body.summary.plan!.operator).toBe("ProduceResults");
    const ops: string[] = [];
    const walk = (p: S.PlanNodeShape) => (ops.push(p.operator), p.children.forEach(walk));
    walk(body.summary.plan!);
    expect(ops).toContain("NodeByLabelScan");
    expect(body.summary.plan!.rows).toBeUndefined();
  });

  it("returns the PROFILE plan tree with rows and db hits alongside the rows", async () => {
    const body = S.CypherResponse.parse(
      (
        await request(app)
          .post("/api/cypher")
          .send({ query: "MATCH (n:Entity) RETURN n.name AS name", mode: "profile" })
          .expect(200)
      ).body,
    );
    expect(body.rows.length).toBeGreaterThan(50);
    expect(body.summary.plan!.rows).toBe(body.rows.length);
    expect(body.summary.plan!.children[0].dbHits).toBeGreaterThan(0);
  });

  it("answers 400 with Neo4j's line, column and offset for a syntax error", async () => {
    const res = await request(app).post("/api/cypher").send({ query: "MATCH (n)\nRETURN n LIMT 1" }).expect(400);
    expect(res.body.error.code).toBe("QUERY_ERROR");
    expect(res.body.error.details.position).toEqual({ line: 2, column: 10, offset: 19 });
  });

  it("answers 400 for a missing query, an unknown mode and unknown fields", async () => {
    await request(app).post("/api/cypher").send({}).expect(400);
    await request(app).post("/api/cypher").send({ query: "RETURN 1", mode: "write" }).expect(400);
    await request(app).post("/api/cypher").send({ query: "RETURN 1", database: "system" }).expect(400);
  });
});

describe("POST /api/cypher limits", () => {
  it("cuts a runaway cartesian product with 504 while /api/health keeps answering quickly", async () => {
    const slow = testApp(db, { QUERY_TIMEOUT_MS: "2000" });
    const runaway = request(slow).post("/api/cypher").send({ query: RUNAWAY });
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      await request(slow).get("/api/health").expect(200);
      expect(Date.now() - t).toBeLessThan(1_500);
    }
    const res = await runaway;
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe("QUERY_TIMEOUT");
    expect(res.body.error.details.neo4jCode).toMatch(/^Neo\.ClientError\.Transaction\.TransactionTimedOut/);
    expect(Date.now() - started).toBeLessThan(2_000 + 5_000);
  });

  it("answers 422 when a query exceeds the transaction memory cap", async () => {
    const roomy = testApp(db, { QUERY_TIMEOUT_MS: "30000" });
    const res = await request(roomy)
      .post("/api/cypher")
      .send({ query: "UNWIND range(1, 20000000) AS x RETURN size(collect(x)) AS n" });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("MEMORY_LIMIT");
    expect(res.body.error.details.neo4jCode).toBe("Neo.TransientError.General.MemoryPoolOutOfMemoryError");
  });

  it("rolls back the transaction of a client that disconnects", async () => {
    const slow = testApp(db, { QUERY_TIMEOUT_MS: "20000" });
    const server: Server = await new Promise((r) => {
      const s = slow.listen(0, "127.0.0.1", () => r(s));
    });
    const port = (server.address() as { port: number }).port;
    const consoleTransactions = async () => {
      const r = await db.driver.executeQuery(
        "SHOW TRANSACTIONS YIELD metaData RETURN metaData",
        {},
        { database: db.name },
      );
      return r.records.filter((x) => (x.get("metaData") as { kind?: string }).kind === "console").length;
    };
    try {
      const req = httpRequest({
        host: "127.0.0.1",
        port,
        path: "/api/cypher",
        method: "POST",
        headers: { "content-type": "application/json", host: "localhost" },
      });
      req.on("error", () => undefined);
      req.end(JSON.stringify({ query: RUNAWAY }));
      let running = 0;
      for (let i = 0; i < 50 && running === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        running = await consoleTransactions();
      }
      expect(running).toBe(1);
      req.destroy();
      const t = Date.now();
      while ((await consoleTransactions()) > 0 && Date.now() - t < 5_000) await new Promise((r) => setTimeout(r, 100));
      expect(await consoleTransactions()).toBe(0);
      expect(Date.now() - t).toBeLessThan(5_000);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("rate-limits per client with standard headers, telling clients apart only behind a trusted proxy", async () => {
    const limited = testApp(db, { CYPHER_RATE_LIMIT: "2", TRUST_PROXY: "true" });
    const ask = (ip: string) =>
      request(limited).post("/api/cypher").set("X-Forwarded-For", ip).send({ query: "RETURN 1 AS one" });
    expect((await ask("10.0.0.1")).status).toBe(200);
    const second = await ask("10.0.0.1");
    expect(second.status).toBe(200);
    expect(second.headers["ratelimit-policy"]).toMatch(/^2;w=60/);
    const third = await ask("10.0.0.1");
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("RATE_LIMITED");
    expect(third.headers["retry-after"]).toBeDefined();
    expect((await ask("10.0.0.2")).status).toBe(200);

    const direct = testApp(db, { CYPHER_RATE_LIMIT: "1" });
    await request(direct)
      .post("/api/cypher")
      .set("X-Forwarded-For", "10.0.0.3")
      .send({ query: "RETURN 1" })
      .expect(200);
    await request(direct)
      .post("/api/cypher")
      .set("X-Forwarded-For", "10.0.0.4")
      .send({ query: "RETURN 1" })
      .expect(429);
  });

  it("answers 413 for a body over the limit, 415 for a body that is not JSON, 400 for broken JSON", async () => {
    const big = await request(app)
      .post("/api/cypher")
      .send({ query: `RETURN '${"x".repeat(300_000)}'` });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    const text = await request(app).post("/api/cypher").set("Content-Type", "text/plain").send("RETURN 1");
    expect(text.status).toBe(415);
    const broken = await request(app).post("/api/cypher").set("Content-Type", "application/json").send('{"query":');
    expect(broken.status).toBe(400);
  });

  it("answers 503 on every database endpoint when Neo4j is unreachable, without internals", async () => {
    const dead = createDatabase({
      uri: `bolt://127.0.0.1:${await freePort()}`,
      username: "neo4j",
      password: "x",
      database: "neo4j",
    });
    try {
      const deadApp = testApp(dead);
      for (const res of [
        await request(deadApp).post("/api/cypher").send({ query: "RETURN 1" }),
        await request(deadApp).get("/api/schema"),
        await request(deadApp).get("/api/search?q=isis"),
        await request(deadApp).get("/api/graph"),
      ]) {
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe("NEO4J_UNAVAILABLE");
        expect(JSON.stringify(res.body)).not.toMatch(/bolt:|at .*\.(ts|js):\d+/);
      }
    } finally {
      await dead.close();
    }
  });
});
