// GET /api/queries: the saved query library.
import { Router } from "express";
import { listSavedQueries } from "../services/saved-queries.ts";

export function queryLibraryRoutes(): Router {
  const r = Router();
  r.get("/queries", (_req, res) => {
    res.json(listSavedQueries());
  });
  return r;
}
