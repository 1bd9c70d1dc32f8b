// The product's Express app (createApp) in its own process, so the load generator, Playwright and the bench's
// direct-driver side never share its event loop. Bench pages are mounted beside it on the same origin.
// Input: env NEO4J_URI/NEO4J_PASSWORD (+ the app's settings), BENCH_PAGES (JSON prefix → folder). Prints the URL.
import { createServer } from "node:http";
import express from "express";
import { pino } from "pino";
import { loadConfig } from "../server/config.ts";
import { createApp } from "../server/app.ts";
import { createDatabase } from "../server/neo4j/database.ts";

const config = loadConfig(process.env);
const ext = config.neo4j.external!;
const db = createDatabase({ ...ext, database: config.neo4j.database });
const app = createApp({ config, db, logger: pino({ level: "silent" }), managed: false, startedAt: Date.now() });
const outer = express();
for (const [prefix, dir] of Object.entries(JSON.parse(process.env.BENCH_PAGES ?? "{}") as Record<string, string>))
  outer.use(prefix, express.static(dir));
outer.use(app);
const server = createServer(outer);
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  process.stdout.write(`LISTENING http://127.0.0.1:${port}\n`);
});
const stop = () => {
  server.closeAllConnections();
  server.close(() => void db.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The bench holds our stdin: when it goes away (even kill -9), so do we.
process.stdin.on("end", stop);
process.stdin.resume();
