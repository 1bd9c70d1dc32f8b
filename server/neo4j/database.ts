// The driver's whole life in one place: created once from a connection, handed to services, closed on shutdown.
// Services ask it for sessions; nothing else constructs a driver.
import neo4j, { type Driver, type Session } from "neo4j-driver";

export interface Connection {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface ServerInfo {
  version: string | null;
  edition: string | null;
}

export interface Database {
  driver: Driver;
  name: string;
  uri: string;
  readSession(): Session;
  writeSession(): Session;
  serverInfo(): Promise<ServerInfo>;
  /** Runs `RETURN 1` on the target database: connectivity alone does not prove the database is online. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function createDatabase(c: Connection, opts: { maxPoolSize?: number } = {}): Database {
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.username, c.password), {
    maxConnectionPoolSize: opts.maxPoolSize ?? 50,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    // The console must never run a query twice; services opt into retries explicitly with executeRead.
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: false,
    userAgent: "kg-explorer",
  });
  let info: ServerInfo | null = null;
  return {
    driver,
    name: c.database,
    uri: c.uri,
    readSession: () => driver.session({ database: c.database, defaultAccessMode: neo4j.session.READ }),
    writeSession: () => driver.session({ database: c.database, defaultAccessMode: neo4j.session.WRITE }),
    async serverInfo() {
      if (info) return info;
      const r = await driver.executeQuery(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition",
        {},
        { database: c.database, routing: neo4j.routing.READ },
      );
      const rec = r.records[0];
      info = { version: rec?.get("version") ?? null, edition: rec?.get("edition") ?? null };
      return info;
    },
    async ping(timeoutMs = 2_000) {
      await driver.executeQuery(
        "RETURN 1",
        {},
        { database: c.database, routing: neo4j.routing.READ, transactionConfig: { timeout: timeoutMs } },
      );
    },
    close: () => driver.close(),
  };
}
