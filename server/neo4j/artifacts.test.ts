import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkJava, ensureNeo4jArtifacts, jarSetHasClass } from "./artifacts.ts";

const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
afterEach(() => {
  process.env.PATH = saved.PATH;
  if (saved.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
  else process.env.JAVA_HOME = saved.JAVA_HOME;
});

describe("getting Neo4j", () => {
  it("says how to install Java when it is missing", () => {
    process.env.JAVA_HOME = "/nonexistent-jdk";
    expect(() => checkJava()).toThrow(/Java 17 or 21: install it.*or set NEO4J_URI/s);
  });

  it("says how to install Maven when it is missing", async () => {
    const cache = mkdtempSync(join(tmpdir(), "kg-cache-"));
    process.env.PATH = "/nonexistent-bin";
    await expect(ensureNeo4jArtifacts({ cacheDir: cache, version: "5.26.30", log: () => {} })).rejects.toThrow(
      /Maven \(mvn\) was not found/,
    );
    rmSync(cache, { recursive: true, force: true });
  });

  it("finds a class by name in a jar's central directory, and not a class that is absent", () => {
    const dir = mkdtempSync(join(tmpdir(), "kg-jars-"));
    writeFileSync(
      join(dir, "a.jar"),
      Buffer.concat([Buffer.from("PK\x01\x02...."), Buffer.from("org/neo4j/server/CommunityEntryPoint.class")]),
    );
    expect(jarSetHasClass(dir, "org.neo4j.server.CommunityEntryPoint")).toBe(true);
    expect(jarSetHasClass(dir, "org.neo4j.server.EnterpriseEntryPoint")).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
