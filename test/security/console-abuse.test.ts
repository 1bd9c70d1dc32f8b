// The read-only Cypher console under attack: writes, schema and administration commands, transaction management,
// database switching, several statements, attempts to break out of any wrapping, LOAD CSV from files, from a
// listener of this test's own and from other hosts, and procedures disguised with comments, backticks, spacing and
// full-width letters. Every attempt is refused with 400/403, the graph's fingerprint stays the same, the canary
// listener never hears a request, and no file content comes back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import { fingerprint, resetToSeed, testApp, testDatabase } from "../support/test-db.ts";
import { expectNoInternals, startCanary, type Canary } from "../support/security-probes.ts";

const db = testDatabase();
let app: Express;
let canary: Canary;
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  await resetToSeed(db);
  canary = await startCanary();
  app = testApp(db, { CYPHER_RATE_LIMIT: "100000" });
  before = await fingerprint(db);
}, 120_000);

afterEach(async () => {
  expect(canary.hits, "the canary listener was reached").toEqual([]);
  expect(await fingerprint(db)).toEqual(before);
});

afterAll(async () => {
  await canary?.close();
  await db.close();
});

type Attempt = [name: string, query: string, extra?: { params?: Record<string, unknown>; mode?: string }];

const C = () => canary.url;

const WRITES: Attempt[] = [
  ["CREATE a node", "CREATE (n:Pwned {at: 1}) RETURN n"],
  ["CREATE after a MATCH", "MATCH (e:Entity) WITH e LIMIT 1 CREATE (e)-[:PWNED]->(e) RETURN e"],
  ["MERGE a node", "MERGE (n:Pwned {id: 'x'}) RETURN n"],
  ["MERGE with ON MATCH SET", "MERGE (e:Entity {id: 'isis-k'}) ON MATCH SET e.name = 'pwned' RETURN e"],
  ["SET a property", "MATCH (e:Entity) SET e.name = 'pwned' RETURN count(e)"],
  ["SET a label", "MATCH (e:Entity) SET e:Pwned RETURN count(e)"],
  ["REMOVE a property", "MATCH (e:Entity) REMOVE e.name RETURN count(e)"],
  ["DELETE relationships", "MATCH ()-[r]->() DELETE r"],
  ["DETACH DELETE everything", "MATCH (n) DETACH DELETE n"],
  ["DELETE hidden in a long comment-led query", "// just reading\nMATCH (n) /* read */ DETACH DELETE n RETURN 1"],
  ["FOREACH writing", "MATCH (e:Entity) WITH collect(e) AS es FOREACH (x IN es | SET x.name = 'pwned')"],
  ["FOREACH creating", "FOREACH (i IN range(1, 10) | CREATE (:Pwned {i: i}))"],
  ["a CALL {} subquery that writes", "CALL { CREATE (n:Pwned) RETURN n } RETURN n"],
  ["a scoped CALL () {} subquery that deletes", "MATCH (n) CALL (n) { DETACH DELETE n } RETURN 1"],
  ["CALL {} IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS"],
  ["IN TRANSACTIONS creating", "UNWIND range(1, 100) AS i CALL (i) { CREATE (:Pwned {i: i}) } IN TRANSACTIONS"],
  ["a write in PROFILE mode (which really runs)", "CREATE (n:Pwned) RETURN n", { mode: "profile" }],
  ["a write in EXPLAIN mode", "MATCH (n) DETACH DELETE n", { mode: "explain" }],
  ["a write with the label from a parameter", "CREATE (n:$($l)) RETURN n", { params: { l: "Pwned" } }],
];

const SCHEMA: Attempt[] = [
  ["CREATE INDEX", "CREATE INDEX pwned FOR (n:Entity) ON (n.pwned)"],
  ["DROP CONSTRAINT", "DROP CONSTRAINT entity_id"],
  ["DROP INDEX IF EXISTS", "DROP INDEX entity_search IF EXISTS"],
  ["CREATE CONSTRAINT", "CREATE CONSTRAINT pwned FOR (n:Pwned) REQUIRE n.id IS UNIQUE"],
  ["CREATE FULLTEXT INDEX", "CREATE FULLTEXT INDEX pwned FOR (n:Entity) ON EACH [n.name]"],
];

const ADMIN: Attempt[] = [
  ["CREATE USER", "CREATE USER mallory SET PASSWORD 'mallory-password' CHANGE NOT REQUIRED"],
  ["ALTER USER neo4j", "ALTER USER neo4j SET PASSWORD 'hijacked-password'"],
  ["ALTER CURRENT USER", "ALTER CURRENT USER SET PASSWORD FROM 'x' TO 'hijacked-password'"],
  ["DROP USER", "DROP USER neo4j"],
  ["CREATE DATABASE", "CREATE DATABASE pwned"],
  ["STOP DATABASE", "STOP DATABASE neo4j"],
  ["DROP DATABASE", "DROP DATABASE neo4j"],
  ["GRANT a role", "GRANT ROLE admin TO mallory"],
];

const SHOW_TERMINATE: Attempt[] = [
  ["SHOW TRANSACTIONS", "SHOW TRANSACTIONS"],
  ["SHOW USERS", "SHOW USERS"],
  ["SHOW DATABASES", "SHOW DATABASES"],
  ["SHOW SETTINGS", "SHOW SETTINGS YIELD name, value"],
  ["SHOW PROCEDURES", "SHOW PROCEDURES YIELD name"],
  ["TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ["a lower-case show", "show current user"],
];

const USE: Attempt[] = [
  ["USE system", "USE system SHOW USERS"],
  ["USE system with a read", "USE system MATCH (n) RETURN n"],
  ["USE a backticked name", "USE `system` RETURN 1"],
  ["USE inside a subquery", "CALL { USE system RETURN 1 AS x } RETURN x"],
];

const MULTIPLE: Attempt[] = [
  ["a read then a delete", "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n"],
  ["a read then a user", "RETURN 1;\nCREATE USER mallory SET PASSWORD 'mallory-password'"],
  ["a statement after a comment-ended one", "RETURN 1; // done\nCREATE (:Pwned)"],
  ["three statements", "RETURN 1; RETURN 2; MATCH (n) DETACH DELETE n"],
];

const ESCAPES: Attempt[] = [
  ["closing a wrapper", "}) RETURN 1 //"],
  ["closing a wrapper then writing", "1}) CREATE (:Pwned) RETURN 1 //"],
  ["an unbalanced quote", "RETURN 'unterminated"],
  ["an unbalanced quote hiding a write", "RETURN \"x'; CREATE (:Pwned) //"],
  ["an unterminated comment", "RETURN 1 /* CREATE (:Pwned)"],
  ["a comment closer followed by a write", "RETURN 1 */ CREATE (:Pwned) /*"],
  ["an unbalanced backtick", "MATCH (`n) DETACH DELETE n"],
  ["a CYPHER option prefix", "CYPHER runtime=slotted CREATE (:Pwned)"],
  ["an EXPLAIN prefix of its own", "EXPLAIN CREATE (:Pwned)"],
  ["a NUL byte", "RETURN 1\u0000; CREATE (:Pwned)"],
];

const LOAD_CSV: Attempt[] = [
  ["LOAD CSV from file:///etc/passwd", "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row"],
  ["LOAD CSV from a relative file", "LOAD CSV FROM 'file:///../../../../etc/passwd' AS row RETURN row"],
  ["LOAD CSV from /proc", "LOAD CSV FROM 'file:///proc/self/environ' AS row RETURN row"],
  ["LOAD CSV WITH HEADERS from file:", "LOAD CSV WITH HEADERS FROM 'file:/etc/passwd' AS row RETURN row"],
  ["LOAD CSV from a metadata service", "LOAD CSV FROM 'http://169.254.169.254/latest/meta-data/' AS r RETURN r"],
  ["LOAD CSV from another host", "LOAD CSV FROM 'https://example.com/x.csv' AS row RETURN row"],
  ["LOAD CSV from a hostname that resolves to loopback", "LOAD CSV FROM 'http://localhost:1/x' AS row RETURN row"],
];
const loadCsvFromCanary = (): Attempt[] => [
  ["LOAD CSV from the canary", `LOAD CSV FROM '${C()}/a.csv' AS row RETURN row`],
  ["LOAD CSV from the canary via a parameter", "LOAD CSV FROM $u AS row RETURN row", { params: { u: `${C()}/b.csv` } }],
  ["LOAD CSV from the canary in a subquery", `CALL { LOAD CSV FROM '${C()}/c.csv' AS row RETURN row } RETURN row`],
  ["LOAD CSV from the canary in lower case", `load csv from '${C()}/d.csv' as row return row`],
  ["LOAD CSV from the canary in PROFILE mode", `LOAD CSV FROM '${C()}/e.csv' AS row RETURN row`, { mode: "profile" }],
  [
    "LOAD CSV from the canary built by string concatenation",
    "WITH 'http://127.0.0.1:' + $p + '/f.csv' AS u LOAD CSV FROM u AS row RETURN row",
    { params: { p: "" } },
  ],
];

const PROCEDURES: Attempt[] = [
  ["db.clearQueryCaches", "CALL db.clearQueryCaches()"],
  ["dbms.listConfig", "CALL dbms.listConfig()"],
  ["dbms.listConfig with YIELD", "CALL dbms.listConfig() YIELD name, value RETURN name, value"],
  ["dbms.security.createUser", "CALL dbms.security.createUser('mallory', 'mallory-password', false)"],
  ["db.createLabel", "CALL db.createLabel('Pwned')"],
  ["db.createProperty", "CALL db.createProperty('pwned')"],
  ["dbms.killQuery (legacy)", "CALL dbms.killQuery('query-1')"],
  ["tx.setMetaData", "CALL tx.setMetaData({pwned: true})"],
  ["db.index.fulltext.drop", "CALL db.index.fulltext.drop('entity_search')"],
  ["a procedure behind a comment", "CALL /* harmless */ db.clearQueryCaches()"],
  ["a procedure with odd spacing", "CALL   db . clearQueryCaches ( )"],
  ["a procedure with line breaks", "CALL\n\tdbms\n.\nlistConfig\n()"],
  ["a procedure in backticks", "CALL `db`.`clearQueryCaches`()"],
  ["a procedure fully backticked", "CALL `db.clearQueryCaches`()"],
  ["a procedure in full-width letters", "CALL ｄｂ.ｃｌｅａｒＱｕｅｒｙＣａｃｈｅｓ()"],
  ["a full-width CALL keyword", "ＣＡＬＬ dbms.listConfig()"],
  ["a procedure in mixed case", "CALL DBMS.LISTCONFIG()"],
  ["an allowed procedure's twin", "CALL db.labels2()"],
  ["a procedure in a subquery", "CALL { CALL db.clearQueryCaches() YIELD value RETURN value } RETURN value"],
  ["a procedure in PROFILE mode", "CALL dbms.listConfig()", { mode: "profile" }],
  ["a user-defined function namespace", "RETURN apoc.version()"],
];

async function attempt(query: string, extra: Attempt[2] = {}) {
  const res = await request(app)
    .post("/api/cypher")
    .send({ query, ...extra });
  const text = res.text;
  expect([400, 403], `status ${res.status} for ${query}: ${text}`).toContain(res.status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(res.body.error?.code).toMatch(/^(BAD_REQUEST|QUERY_ERROR|FORBIDDEN|WRITE_REFUSED)$/);
  expect(text).not.toMatch(/root:x:0:0|CANARY-LEAK|PATH=|HOME=/);
  expect(res.body).not.toHaveProperty("rows");
  expectNoInternals(text);
  return res;
}

describe("POST /api/cypher refuses", () => {
  it("is a working console, so the refusals below are not an artefact of a broken one", async () => {
    const res = await request(app)
      .post("/api/cypher")
      .send({ query: "MATCH (e:Entity) RETURN e.name AS name ORDER BY name LIMIT 3" })
      .expect(200);
    expect(res.body.rows).toHaveLength(3);
  });

  it.each(WRITES)("writes: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(SCHEMA)("schema changes: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(ADMIN)("user and database administration: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(SHOW_TERMINATE)("SHOW and TERMINATE: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(USE)("database switching: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(MULTIPLE)("several statements: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(ESCAPES)("escapes from any wrapping: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(LOAD_CSV)("files and other hosts: %s", async (_n, q, extra) => void (await attempt(q, extra)));
  it.each(PROCEDURES)("procedures: %s", async (_n, q, extra) => void (await attempt(q, extra)));

  it("LOAD CSV from a listener of the test's own, in six disguises, without the listener hearing a request", async () => {
    for (const [, q, extra] of loadCsvFromCanary()) {
      const patched = extra?.params?.p === "" ? { ...extra, params: { p: String(canary.port) } } : extra;
      await attempt(q, patched);
    }
  });

  it("the canary does hear LOAD CSV when Neo4j is asked directly, so its silence above means something", async () => {
    // Straight through the driver, around the console: Neo4j fetches http URLs, loopback included (the notes
    // say so; this proves it). It reads, so the graph is unchanged.
    const r = await db.driver.executeQuery(
      "LOAD CSV FROM $u AS row RETURN row",
      { u: `${canary.url}/control.csv` },
      { database: db.name },
    );
    expect(r.records.length).toBeGreaterThan(0);
    expect(canary.hits).toEqual(["GET /control.csv"]);
    canary.hits.length = 0;
  });
});

describe("the categories together", () => {
  it("hold at least 40 attempts with at least 3 in each category", () => {
    const all = [WRITES, SCHEMA, ADMIN, SHOW_TERMINATE, USE, MULTIPLE, ESCAPES, LOAD_CSV, PROCEDURES];
    for (const c of all) expect(c.length).toBeGreaterThanOrEqual(3);
    expect(all.flat().length + loadCsvFromCanary().length).toBeGreaterThanOrEqual(40);
  });
});
