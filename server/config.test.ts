import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { AppError } from "./errors.ts";

describe("loadConfig", () => {
  it("defaults to loopback, port 3000, a managed Neo4j and no token", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: "127.0.0.1", port: 3000, accessToken: null });
    expect(c.neo4j.external).toBeNull();
    expect(c.neo4j.version).toMatch(/^5\.26\.\d+$/);
  });

  it("generates an access token when bound beyond loopback, and allows that host", () => {
    const c = loadConfig({ HOST: "0.0.0.0" });
    expect(c.accessToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(c.accessTokenGenerated).toBe(true);
    expect(c.allowedHosts).toContain("0.0.0.0");
  });

  it("keeps a configured token and uses an external database when NEO4J_URI is set", () => {
    const c = loadConfig({
      HOST: "10.0.0.5",
      ACCESS_TOKEN: "a-long-enough-token-123",
      NEO4J_URI: "neo4j+s://x.databases.neo4j.io",
      NEO4J_PASSWORD: "pw",
    });
    expect(c.accessToken).toBe("a-long-enough-token-123");
    expect(c.neo4j.external).toEqual({ uri: "neo4j+s://x.databases.neo4j.io", username: "neo4j", password: "pw" });
  });

  it("names every invalid setting at once", () => {
    let err: unknown;
    try {
      loadConfig({ PORT: "http", NEO4J_URI: "http://nope" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as Error).message).toMatch(/PORT/);
    expect((err as Error).message).toMatch(/NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/);
  });

  it("refuses NEO4J_URI without a password", () => {
    expect(() => loadConfig({ NEO4J_URI: "bolt://localhost:7687" })).toThrow(/NEO4J_PASSWORD/);
  });

  it("refuses a per-query memory cap too small for Neo4j to start, and says what to set", () => {
    for (const v of ["1m", "4095k", "2000000"])
      expect(() => loadConfig({ QUERY_MAX_MEMORY: v })).toThrow(
        /QUERY_MAX_MEMORY: must be 0 \(no cap\) or at least 4m/,
      );
    for (const v of ["0", "4m", "4096k", "2g"]) expect(loadConfig({ QUERY_MAX_MEMORY: v }).query.maxMemory).toBe(v);
    expect(() => loadConfig({ QUERY_MAX_MEMORY: "lots" })).toThrow(/QUERY_MAX_MEMORY: must be a size such as 512m/);
  });
});
