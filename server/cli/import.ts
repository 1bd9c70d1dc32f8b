// `npm run import -- <file.json|folder> [--dataset name]`: loads a user's graph document (the seed format) in one
// transaction. Invalid input writes nothing and says why; re-importing the same dataset converges.
import { basename } from "node:path";
import { loadConfig } from "../config.ts";
import { openConfiguredDatabase } from "../neo4j/local-connection.ts";
import { applySchema, loadGraph } from "../seed/load-graph.ts";
import { readGraphDocuments } from "../seed/read-graph-document.ts";

const args = process.argv.slice(2);
const datasetAt = args.indexOf("--dataset");
const dataset = datasetAt >= 0 ? args[datasetAt + 1] : undefined;
const paths = datasetAt < 0 ? args : args.filter((_, i) => i !== datasetAt && i !== datasetAt + 1);
if (paths.length === 0) {
  console.error("usage: npm run import -- <file.json|folder> [--dataset name]");
  process.exit(2);
}
try {
  const config = loadConfig();
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
  console.error((e as Error).message);
  process.exit(1);
}
