// Starts one real Neo4j for the `db` test project, in a temporary folder on a free port, and removes it afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureNeo4jArtifacts } from "../../server/neo4j/artifacts.ts";
import { startLocalNeo4j } from "../../server/neo4j/local-server.ts";
import { NEO4J_VERSION } from "../../server/config.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string; libDir: string };
  }
}

export default async function setup(project: TestProject) {
  const log = (m: string) => console.log(`[neo4j] ${m}`);
  const cacheDir = process.env.KG_CACHE_DIR ?? join(homedir(), ".cache", "kg-explorer");
  const libDir = await ensureNeo4jArtifacts({ cacheDir, version: NEO4J_VERSION, log });
  const home = mkdtempSync(join(tmpdir(), "kg-test-neo4j-"));
  const started = Date.now();
  const neo = await startLocalNeo4j({
    home,
    libDir,
    boltPort: 0,
    heap: "1g",
    pagecache: "256m",
    txTimeoutMs: 10_000,
    txMemoryMax: "256m",
    log,
  });
  log(`test Neo4j ready on ${neo.uri} in ${Date.now() - started} ms`);
  project.provide("neo4j", { uri: neo.uri, username: neo.username, password: neo.password, libDir });
  return async () => {
    await neo.stop();
    rmSync(home, { recursive: true, force: true });
  };
}
