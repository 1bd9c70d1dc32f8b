// GET /api/graph: the starting view, as SubGraph or (format=columns, what the explorer asks for) as GraphColumns.
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { GraphQuery } from "../http/api-schemas.ts";
import { parseInput } from "../http/validate.ts";
import { defersText, encodeGraphColumns } from "../neo4j/graph-columns.ts";
import { startingView } from "../services/starting-view.ts";

export function graphRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get("/graph", async (req, res) => {
    const q = parseInput(GraphQuery, req.query, "query");
    const view = await startingView(ctx.db, q);
    if (q.format === "columns")
      res.json(encodeGraphColumns(view, { deferText: defersText(q.text, view.edges.length) }));
    else res.json(view);
  });
  return r;
}
