// GET /api/sources and /api/sources/:id
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { NodeParams } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { listSources, sourceDetail } from "../services/sources.ts";

export function sourceRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/sources", async (_req, res) => {
    res.json(await listSources(ctx.db));
  });
  r.get("/sources/:id", async (req, res) => {
    const { id } = parseInput(NodeParams, req.params, "path");
    res.json(await sourceDetail(ctx.db, id));
  });
  return r;
}
