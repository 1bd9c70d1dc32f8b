// GET /api/openapi.json: generated from the zod schemas on each start, never written by hand.
import { Router } from "express";
import { openApiDocument } from "../http/openapi.ts";

export function openApiRoutes(): Router {
  const r = Router();
  const doc = openApiDocument();
  r.get("/openapi.json", (_req, res) => {
    res.json(doc);
  });
  return r;
}
