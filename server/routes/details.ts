// POST /api/details: the whole nodes and edges a deferred view left long text out of (see GET /api/graph).
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { DetailsBody } from "../http/api-schemas-graph-columns.ts";
import { parseInput } from "../http/validate.ts";
import { elementDetails } from "../services/element-details.ts";

export function detailsRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post("/details", async (req, res) => {
    res.json(await elementDetails(ctx.db, parseInput(DetailsBody, req.body ?? {}, "body")));
  });
  return r;
}
