// GET /api/timeline
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { TimelineQuery } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { timelineEvents } from "../services/timeline.ts";

export function timelineRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/timeline", async (req, res) => {
    const { limit } = parseInput(TimelineQuery, req.query, "query");
    res.json(await timelineEvents(ctx.db, limit));
  });
  return r;
}
