// Shared helpers for tests against the real Neo4j the global setup started: a Database handle, a reset to the
// seed graph, an app built on it, and a fingerprint that proves a test changed nothing.
import { createHash } from "node:crypto";
import { inject } from "vitest";
import { pino } from "pino";
import { loadConfig, PROJECT_ROOT, type Config } from "../../server/config.ts";
import { createDatabase, type Database } from "../../server/neo4j/database.ts";
import { createApp } from "../../server/app.ts";
import { applySchema, loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";
import { SEED_DIR, SEED_DATASET } from "../../server/seed/seed-dataset.ts";

export function testDatabase(): Database {
  const n = inject("neo4j");
  return createDatabase({ uri: n.uri, username: n.username, password: n.password, database: "neo4j" });
}

export function testConfig(env: Record<string, string> = {}): Config {
  const n = inject("neo4j");
  return loadConfig({ NEO4J_URI: n.uri, NEO4J_PASSWORD: n.password, LOG_LEVEL: "silent", ...env });
}

export function testApp(db: Database, env: Record<string, string> = {}) {
  const config = testConfig(env);
  return createApp({ config, db, logger: pino({ level: "silent" }), managed: false, startedAt: Date.now() });
}

export async function clearDatabase(db: Database): Promise<void> {
  const s = db.writeSession();
  try {
    await s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await s.close();
  }
}

/** Empties the database and loads the seed graph, as `npm start` does on a managed instance. */
export async function resetToSeed(db: Database): Promise<void> {
  await clearDatabase(db);
  await applySchema(db);
  await loadGraph(db, readGraphDocuments([SEED_DIR], PROJECT_ROOT), SEED_DATASET);
}

/** Counts plus a checksum over every node's labels and properties and every relationship's endpoints and properties. */
export async function fingerprint(db: Database): Promise<{ nodes: number; relationships: number; checksum: string }> {
  const s = db.readSession();
  try {
    const nodes = await s.run("MATCH (n) RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props");
    const keyOf = new Map<string, string>();
    const nodeLines = nodes.records.map((r) => {
      const labels = [...(r.get("labels") as string[])].sort();
      const line = JSON.stringify([labels, sortKeys(r.get("props"))]);
      keyOf.set(r.get("eid"), line);
      return line;
    });
    const rels = await s.run(
      "MATCH (a)-[r]->(b) RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS props",
    );
    const relLines = rels.records.map((r) =>
      JSON.stringify([keyOf.get(r.get("a")), r.get("type"), keyOf.get(r.get("b")), sortKeys(r.get("props"))]),
    );
    const h = createHash("sha256");
    for (const l of [...nodeLines.sort(), "--", ...relLines.sort()]) h.update(l + "\n");
    return { nodes: nodeLines.length, relationships: relLines.length, checksum: h.digest("hex") };
  } finally {
    await s.close();
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object" && v.constructor === Object) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  if (v && typeof v === "object" && "toString" in v) return String(v);
  return v;
}
