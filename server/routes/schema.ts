// GET /api/schema
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { describeSchema } from "../services/schema.ts";

export function schemaRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/schema", async (_req, res) => {
    res.json(await describeSchema(ctx.db));
  });
  return r;
}
