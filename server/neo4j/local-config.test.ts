import { describe, expect, it } from "vitest";
import { localLayout, neo4jConf } from "./local-config.ts";

describe("the managed Neo4j's configuration", () => {
  const conf = neo4jConf(localLayout("/tmp/x"), {
    boltPort: 7999,
    heap: "1g",
    pagecache: "512m",
    txTimeoutMs: 15_000,
    txMemoryMax: "256m",
  });
  const setting = (k: string) => new RegExp(`^${k.replaceAll(".", "\\.")}=(.*)$`, "m").exec(conf)?.[1];

  it("listens on loopback Bolt only, with HTTP off", () => {
    expect(setting("server.bolt.listen_address")).toBe("127.0.0.1:7999");
    expect(setting("server.http.enabled")).toBe("false");
    expect(setting("server.https.enabled")).toBe("false");
  });

  it("keeps authentication on, usage reports off and LOAD CSV away from files", () => {
    expect(setting("dbms.security.auth_enabled")).toBe("true");
    expect(setting("dbms.usage_report.enabled")).toBe("false");
    expect(setting("dbms.security.allow_csv_import_from_file_urls")).toBe("false");
    expect(setting("server.directories.import")).toBe("/tmp/x/import");
  });

  it("bounds transactions in time and memory and allowlists procedures", () => {
    expect(setting("db.transaction.timeout")).toBe("20s");
    expect(setting("db.memory.transaction.max")).toBe("256m");
    expect(setting("dbms.security.procedures.allowlist")).toContain("db.index.fulltext.queryNodes");
    expect(setting("dbms.security.procedures.allowlist")).not.toContain("dbms.listConfig");
  });
});
