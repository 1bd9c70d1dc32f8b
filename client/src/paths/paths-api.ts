// GET api/paths for the path tracer (abortable, so a re-run replaces a slow earlier one).
import type { PathsResponse } from "../../../contract/api.ts";
import { requestJson } from "../api/api-client.ts";

export type PathMode = "shortest" | "allShortest" | "kShortest";
export type PathDirection = "both" | "out" | "in";

export interface PathRequest {
  from: string;
  to: string;
  maxHops: number;
  mode: PathMode;
  k: number;
  direction: PathDirection;
  /** Allowed relation types; empty means the server's default (entities' relations only on the seed model). */
  types: string[];
  /** Relation types the paths may not use. */
  excludeTypes: string[];
  /** Ids of nodes the paths must go around. */
  excludeNodes: string[];
}

/** The server's limits (server/services/paths.ts). */
export const MAX_HOPS = 10 as const;
export const MAX_K = 10 as const;

export function findPaths(req: PathRequest, signal?: AbortSignal): Promise<PathsResponse> {
  const q = new URLSearchParams({
    from: req.from,
    to: req.to,
    maxHops: String(req.maxHops),
    mode: req.mode,
    k: String(req.k),
    direction: req.direction,
  });
  if (req.types.length) q.set("types", req.types.join(","));
  if (req.excludeTypes.length) q.set("excludeTypes", req.excludeTypes.join(","));
  if (req.excludeNodes.length) q.set("excludeNodes", req.excludeNodes.join(","));
  return requestJson<PathsResponse>(`api/paths?${q.toString()}`, { signal });
}
