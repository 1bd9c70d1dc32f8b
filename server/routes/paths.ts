// GET /api/paths
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { PathsQuery } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { findPaths } from "../services/paths.ts";

export function pathRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/paths", async (req, res) => {
    res.json(await findPaths(ctx.db, parseInput(PathsQuery, req.query, "query")));
  });
  return r;
}
