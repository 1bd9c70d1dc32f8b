// Random bad input on every endpoint, property-based with fast-check (50 runs each): odd and encoded ids, query
// strings with repeated, huge and invalidly encoded parameters, hostile headers, and bodies of the wrong type, deeply
// nested, with __proto__, megabyte-long or not UTF-8 at all. No answer is a 5xx other than 503/504, none carries a
// stack frame or a file path, and the graph never changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import request from "supertest";
import type { Express } from "express";
import { idFromProperty } from "../../server/neo4j/ids.ts";
import { fingerprint, resetToSeed, testApp, testDatabase } from "../support/test-db.ts";
import { expectNoInternals } from "../support/security-probes.ts";

const db = testDatabase();
const RUNS = 50;
let app: Express;
let before: Awaited<ReturnType<typeof fingerprint>>;

beforeAll(async () => {
  await resetToSeed(db);
  before = await fingerprint(db);
  app = testApp(db, { CYPHER_RATE_LIMIT: "100000", QUERY_TIMEOUT_MS: "5000" });
}, 120_000);

afterAll(async () => {
  expect(await fingerprint(db)).toEqual(before);
  await db.close();
});

function expectSafe(res: { status: number; text: string; headers: Record<string, string> }, what: string): void {
  expect(res.status < 500 || res.status === 503 || res.status === 504, `${what} → ${res.status}: ${res.text}`).toBe(
    true,
  );
  expectNoInternals(res.text ?? "");
  if (/json/.test(res.headers["content-type"] ?? "") && res.status >= 400) {
    expect(JSON.parse(res.text).error.code, what).toMatch(/^[A-Z0-9_]+$/);
  }
}

// ---------- arbitraries ----------

const weird = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "../../etc/passwd",
    "%00",
    "%",
    "%E0%A4%A",
    "%FF%FE",
    "i.",
    "e.",
    "i.%2F%2F",
    "e.ZZZZ",
    "' OR 1=1 //",
    "}) RETURN 1 //",
    "<script>alert(1)</script>",
    "NaN",
    "-1",
    "1e309",
    "9007199254740993",
    "",
  ),
);
/** Ids the server could have handed out (valid base64url of random text) as well as junk. */
const anyId = fc.oneof(
  weird,
  fc.string({ unit: "binary", maxLength: 60 }).map((s) => idFromProperty(s || "x")),
  fc.string({ maxLength: 60 }).map((s) => `e.${Buffer.from(s || "x").toString("base64url")}`),
  fc.constantFrom("x".repeat(3_000), `i.${"A".repeat(5_000)}`),
);
/** Raw, already-encoded query-string pieces, including invalid percent escapes and invalid UTF-8. */
const rawQueryValue = fc.oneof(
  weird.map((s) => encodeURIComponent(s)),
  fc.constantFrom("%", "%G0", "%C3%28", "%ED%A0%80", "%F8%88%80%80%80", "%00%00", "a%2", "%%%"),
  fc.integer({ min: 1, max: 6_000 }).map((n) => "q".repeat(n)),
);
const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom("q", "limit", "depth", "from", "to", "k", "maxHops", "mode", "direction", "types", "labels"),
      rawQueryValue,
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

/** JSON text nested `depth` deep, built as text: JSON.stringify itself would overflow the test's stack. */
function nestedJson(depth: number): string {
  let open = "";
  let close = "";
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"a":' : "[";
    close = (i % 2 ? "}" : "]") + close;
  }
  return `${open}1${close}`;
}

/** A JSON body as text, so __proto__ keys and depth survive exactly as an attacker would send them. */
const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ query: weird, params: fc.jsonValue({ maxDepth: 3 }) }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"query":"RETURN $x","params":{"__proto__":{"polluted":true}}}',
    '{"__proto__":{"query":"CREATE (n)"},"query":"RETURN 1"}',
    '{"constructor":{"prototype":{"polluted":true}},"query":"RETURN 1"}',
    '{"query":["RETURN 1"]}',
    '{"query":{"toString":"CREATE (n)"}}',
    '{"query":null}',
    '{"query":"RETURN 1","mode":"write"}',
    '{"query":"RETURN 1","params":[]}',
    '{"query":"RETURN 1","params":"x"}',
    '"just a string"',
    "[]",
    "null",
    "1e999",
    '{"query":"RETURN 1"',
  ),
  fc.integer({ min: 1_000, max: 60_000 }).map((d) => `{"query":"RETURN $p AS p","params":{"p":${nestedJson(d)}}}`),
  fc.integer({ min: 1_000, max: 100_000 }).map((d) => "[".repeat(d) + "]".repeat(d)),
  fc.integer({ min: 100_000, max: 1_100_000 }).map((n) => JSON.stringify({ query: `RETURN '${"x".repeat(n)}'` })),
);
/** Bodies as raw bytes: invalid UTF-8, a BOM, NULs. */
const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
  fc.constantFrom(
    Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"query":"RETURN 1"}')]),
    Buffer.from('{"query":"RETURN 1\u0000"}'),
    Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  ),
);
const headerValue = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 })
  .filter((s) => s.trim() === s);
const contentType = fc.oneof(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-16",
    "application/json; charset=latin1",
    "application/json; charset=nonsense",
    "application/x-www-form-urlencoded",
    "text/plain",
    "multipart/form-data; boundary=x",
    "application/json, text/plain",
  ),
  headerValue,
);
const extraHeaders = fc.dictionary(
  fc.constantFrom("accept", "accept-encoding", "x-forwarded-for", "cookie", "authorization", "range", "if-none-match"),
  headerValue,
  { maxKeys: 4 },
);

// ---------- the endpoints ----------

const GETS: [name: string, path: fc.Arbitrary<string>][] = [
  ["GET /api/health", queryString.map((q) => `/api/health?${q}`)],
  ["GET /api/search", queryString.map((q) => `/api/search?${q}`)],
  ["GET /api/nodes/:id", anyId.map((id) => `/api/nodes/${encodeURIComponent(id)}`)],
  [
    "GET /api/nodes/:id/neighbors",
    fc.tuple(anyId, queryString).map(([id, q]) => `/api/nodes/${encodeURIComponent(id)}/neighbors?${q}`),
  ],
  [
    "GET /api/paths",
    fc
      .tuple(anyId, anyId, queryString)
      .map(([a, b, q]) => `/api/paths?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}&${q}`),
  ],
  ["GET /api/graph", queryString.map((q) => `/api/graph?${q}`)],
  ["GET /api/schema", queryString.map((q) => `/api/schema?${q}`)],
  ["GET /api/sources", queryString.map((q) => `/api/sources?${q}`)],
  ["GET /api/sources/:id", anyId.map((id) => `/api/sources/${encodeURIComponent(id)}`)],
  ["GET /api/disagreements", queryString.map((q) => `/api/disagreements?${q}`)],
  ["GET /api/queries", queryString.map((q) => `/api/queries?${q}`)],
  ["GET /api/timeline", queryString.map((q) => `/api/timeline?${q}`)],
  ["GET /api/openapi.json", queryString.map((q) => `/api/openapi.json?${q}`)],
  [
    "unknown and raw-encoded routes",
    fc
      .array(fc.oneof(weird.map(encodeURIComponent), rawQueryValue), { minLength: 1, maxLength: 4 })
      .map((parts) => `/api/${parts.join("/")}`),
  ],
];

describe("bad input never breaks an endpoint", () => {
  it.each(GETS)("%s with random ids, query strings and headers", async (name, path) => {
    await fc.assert(
      fc.asyncProperty(path, extraHeaders, async (p, headers) => {
        const res = await request(app).get(p).set(headers);
        expectSafe(res, `${name} ${p.slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /api/cypher with random JSON bodies: wrong types, deep nesting, __proto__, megabyte strings", async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, extraHeaders, async (body, headers) => {
        const res = await request(app)
          .post("/api/cypher")
          .set(headers)
          .set("content-type", "application/json")
          .send(body);
        expectSafe(res, `POST /api/cypher ${body.slice(0, 200)}`);
        expect(({} as Record<string, unknown>).polluted, "Object.prototype was polluted").toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it("POST /api/cypher with raw bytes and random content types", async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, async (body, type) => {
        const res = await request(app).post("/api/cypher").set("content-type", type).send(body);
        expectSafe(res, `POST /api/cypher (${type}) ${body.toString("hex").slice(0, 100)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("other methods on every route", async () => {
    const routes = ["/api/health", "/api/search?q=x", `/api/nodes/${idFromProperty("isis-k")}`, "/api/cypher", "/"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("put", "patch", "delete", "options", "head", "post") as fc.Arbitrary<
          "put" | "patch" | "delete" | "options" | "head" | "post"
        >,
        fc.constantFrom(...routes),
        jsonBody,
        async (method, route, body) => {
          const res = await request(app)[method](route).set("content-type", "application/json").send(body);
          expectSafe(res, `${method} ${route}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a deeply nested params object is refused, not a crash", async () => {
    for (const depth of [5_000, 50_000]) {
      const res = await request(app)
        .post("/api/cypher")
        .set("content-type", "application/json")
        .send(`{"query":"RETURN $p AS p","params":{"p":${nestedJson(depth)}}}`);
      expectSafe(res, `params nested ${depth} deep`);
      expect([400, 413]).toContain(res.status);
    }
  });
});
