// Serves the built client and the real API (on the test Neo4j) on 127.0.0.1 and a free port, for browser tests.
// `npm test` builds the client first (pretest); when running e2e files alone, run `npx vite build` before.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { PROJECT_ROOT } from "../../server/config.ts";
import type { Database } from "../../server/neo4j/database.ts";
import { pino } from "pino";
import { warmUp } from "../../server/services/warm-up.ts";
import { testApp } from "./test-db.ts";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(db: Database): Promise<TestServer> {
  if (!existsSync(join(PROJECT_ROOT, "dist", "client", "index.html")))
    throw new Error("test-server: dist/client is missing; run `npx vite build` (npm test does it in pretest)");
  const app = testApp(db);
  // As `npm start` does: plan the page-load queries once, so a cold Neo4j does not time out the first page.
  await warmUp(db, pino({ level: "silent" }));
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
