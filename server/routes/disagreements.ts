// GET /api/disagreements
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { findDisagreements } from "../services/disagreements.ts";

export function disagreementRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/disagreements", async (_req, res) => {
    res.json(await findDisagreements(ctx.db));
  });
  return r;
}
