// POST /api/cypher: the read-only console, rate-limited per client. A client that disconnects before its answer
// aborts the run, which rolls the transaction back so Neo4j frees it.
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { CypherBody } from "../http/api-schemas.ts";
import { consoleRateLimit } from "../http/rate-limit.ts";
import { parseInput } from "../http/validate.ts";
import { runConsoleQuery } from "../services/console/run-console-query.ts";

export function cypherRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post("/cypher", consoleRateLimit(ctx.config), async (req, res) => {
    const body = parseInput(CypherBody, req.body ?? {}, "body");
    const abort = new AbortController();
    // `close` on the response fires for a finished answer too; only an unfinished one means the client left.
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    res.json(await runConsoleQuery(ctx.db, ctx.config, body, { requestId: String(req.id), signal: abort.signal }));
  });
  return r;
}
