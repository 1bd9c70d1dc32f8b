// Mounts every /api route module. Each module is thin: validate, call one service, shape the answer.
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { healthRoutes } from "./health.ts";

export function apiRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(healthRoutes(ctx));
  return r;
}
