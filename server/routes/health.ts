// GET /api/health: answers even when Neo4j is down (503 + degraded), so monitors and the UI can tell.
import { Router } from "express";
import { checkHealth } from "../services/health.ts";
import type { AppContext } from "../app-context.ts";

export function healthRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/health", async (_req, res, next) => {
    try {
      const health = await checkHealth(ctx.db, { managed: ctx.managed, startedAt: ctx.startedAt });
      res.status(health.status === "ok" ? 200 : 503).json(health);
    } catch (e) {
      next(e);
    }
  });
  return r;
}
