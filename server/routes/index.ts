// Mounts every /api route module. Each module is thin: validate, call one service, shape the answer.
import { Router } from "express";
import type { AppContext } from "../app-context.ts";
import { cypherRoutes } from "./cypher.ts";
import { detailsRoutes } from "./details.ts";
import { disagreementRoutes } from "./disagreements.ts";
import { graphRoutes } from "./graph.ts";
import { healthRoutes } from "./health.ts";
import { nodeRoutes } from "./nodes.ts";
import { openApiRoutes } from "./openapi.ts";
import { pathRoutes } from "./paths.ts";
import { queryLibraryRoutes } from "./queries.ts";
import { schemaRoutes } from "./schema.ts";
import { searchRoutes } from "./search.ts";
import { sourceRoutes } from "./sources.ts";
import { timelineRoutes } from "./timeline.ts";

export function apiRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(healthRoutes(ctx));
  r.use(schemaRoutes(ctx));
  r.use(graphRoutes(ctx));
  r.use(searchRoutes(ctx));
  r.use(nodeRoutes(ctx));
  r.use(detailsRoutes(ctx));
  r.use(pathRoutes(ctx));
  r.use(cypherRoutes(ctx));
  r.use(sourceRoutes(ctx));
  r.use(disagreementRoutes(ctx));
  r.use(timelineRoutes(ctx));
  r.use(queryLibraryRoutes());
  r.use(openApiRoutes());
  return r;
}
