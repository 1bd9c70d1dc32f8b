// `npm start`: get dependencies and the client build in place, then run the server in this same process
// (one process, so stopping it, even with kill -9, is what the Neo4j watchdog watches for).
import { ensureDependencies, ensureClientBuilt } from "./ensure-ready.mjs";

ensureDependencies();
ensureClientBuilt();
const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../main.ts");
await main();
