// What a deferred view left out (evidence quotes, long text properties), fetched when it is needed: the inspector
// asks for one edge, an export for every visible element still marked, in batches the server accepts.
import type { GraphEdge, GraphNode } from "../../../contract/api.ts";
import { api } from "./api-client.ts";

/** Elements per POST /api/details request (the server's DETAILS_MAX_IDS). */
export const DETAILS_BATCH = 500;

/** Whether an element in the view lacks text the server has: the decoder marks it, and workspaces keep the mark. */
export function needsDetails(e: { detailsDeferred?: boolean }): boolean {
  return e.detailsDeferred === true;
}

async function inBatches<T, R>(items: readonly T[], fetchBatch: (batch: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += DETAILS_BATCH)
    out.push(...(await fetchBatch(items.slice(i, i + DETAILS_BATCH))));
  return out;
}

/** Whole edges by id, each found from its source node; missing ones (deleted since) are absent from the map. */
export async function fetchEdgeDetails(
  edges: readonly { id: string; source: string }[],
): Promise<Map<string, GraphEdge>> {
  const got = await inBatches(edges, async (batch) => (await api.details({ edges: batch })).edges);
  return new Map(got.map((e) => [e.id, e]));
}

/** Whole nodes by id (every property); missing ones are absent from the map. */
export async function fetchNodeDetails(ids: readonly string[]): Promise<Map<string, GraphNode>> {
  const got = await inBatches(ids, async (batch) => (await api.details({ nodes: batch })).nodes);
  return new Map(got.map((n) => [n.id, n]));
}
