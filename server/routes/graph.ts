// GET /api/graph: the starting view.
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { GraphQuery } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { startingView } from "../services/starting-view.ts";

export function graphRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/graph", async (req, res) => {
    res.json(await startingView(ctx.db, parseInput(GraphQuery, req.query, "query")));
  });
  return r;
}
