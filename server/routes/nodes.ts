// GET /api/nodes/:id and /api/nodes/:id/neighbors
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { NeighborsQuery, NodeParams } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { neighbors } from "../services/neighbors.ts";
import { nodeDetail } from "../services/node-detail.ts";

export function nodeRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/nodes/:id", async (req, res) => {
    const { id } = parseInput(NodeParams, req.params, "path");
    res.json(await nodeDetail(ctx.db, id));
  });
  r.get("/nodes/:id/neighbors", async (req, res) => {
    const { id } = parseInput(NodeParams, req.params, "path");
    res.json(await neighbors(ctx.db, id, parseInput(NeighborsQuery, req.query, "query")));
  });
  return r;
}
