// `npm run import -- <file.json|folder> [--dataset name]`: loads a user's graph document (the seed format) in one
// transaction. Invalid input writes nothing and says why; re-importing the same dataset converges.
import { basename } from "node:path";
import { loadConfig, type Config } from "../config.ts";
import { openConfiguredDatabase } from "../neo4j/local-connection.ts";
import { applySchema, loadGraph } from "../seed/load-graph.ts";
import { readGraphDocuments } from "../seed/read-graph-document.ts";
import { toAppError } from "../neo4j/neo4j-errors.ts";

const args = process.argv.slice(2);
const datasetAt = args.indexOf("--dataset");
const dataset = datasetAt >= 0 ? args[datasetAt + 1] : undefined;
const paths = datasetAt < 0 ? args : args.filter((_, i) => i !== datasetAt && i !== datasetAt + 1);
if (paths.length === 0) {
  console.error("usage: npm run import -- <file.json|folder> [--dataset name]");
  process.exit(2);
}
let config: Config | undefined;
try {
  config = loadConfig();
  const doc = readGraphDocuments(paths);
  const name = dataset ?? `import:${basename(paths[0]).replace(/\.json$/, "")}`;
  const { db, close } = await openConfiguredDatabase(config, console.log);
  try {
    await applySchema(db);
    const r = await loadGraph(db, doc, name);
    console.log(
      `Imported dataset "${name}": ${r.entities} entities, ${r.relations} relations, ${r.claims} claims, ${r.sources} sources.`,
    );
  } finally {
    await close();
  }
} catch (e) {
  // The import is one transaction, so the per-transaction memory cap (also the console's) bounds its size: Neo4j
  // holds roughly 6 KB of transaction state per relationship, about 85k relationships under the default 512m.
  if (toAppError(e).code === "MEMORY_LIMIT") {
    console.error(
      `The import needed more memory than one transaction may use (QUERY_MAX_MEMORY=${config?.query.maxMemory}), so nothing was written.\n` +
        "Stop the app and run it again with a bigger cap, e.g. QUERY_MAX_MEMORY=2g NEO4J_HEAP=3g npm run import -- <path>, " +
        "or split the graph into several datasets.",
    );
  } else console.error((e as Error).message);
  process.exit(1);
}
