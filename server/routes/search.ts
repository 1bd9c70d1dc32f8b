// GET /api/search
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { SearchQuery } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { search } from "../services/search.ts";

export function searchRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/search", async (req, res) => {
    const { q, limit } = parseInput(SearchQuery, req.query, "query");
    res.json(await search(ctx.db, q, limit));
  });
  return r;
}
