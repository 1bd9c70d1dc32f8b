// `npm run seed`: applies cypher/schema.cypher and loads seeds/ into the configured database. This is the explicit
// way to write the seed graph into a database the app did not start (NEO4J_URI).
import { loadConfig, PROJECT_ROOT } from "../config.ts";
import { openConfiguredDatabase } from "../neo4j/local-connection.ts";
import { applySchema, loadGraph } from "../seed/load-graph.ts";
import { readGraphDocuments } from "../seed/read-graph-document.ts";
import { SEED_DIR, SEED_DATASET } from "../seed/seed-dataset.ts";

try {
  const config = loadConfig();
  const doc = readGraphDocuments([SEED_DIR], PROJECT_ROOT);
  const { db, close } = await openConfiguredDatabase(config, console.log);
  try {
    await applySchema(db);
    const r = await loadGraph(db, doc, SEED_DATASET);
    console.log(
      `Seed graph loaded into ${db.uri}: ${r.entities} entities, ${r.relations} relations, ${r.claims} claims, ${r.sources} sources.`,
    );
  } finally {
    await close();
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
