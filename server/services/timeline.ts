// GET /api/timeline: every Event with its date claims and the dated sources that report it, for the timeline strip.
// Claims and sources are mapped as everywhere else (value-claims.ts, sources.ts); a database without :Event or
// :Claim simply has no events.
import neo4j, { type Node } from "neo4j-driver";
import type { TimelineResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { toGraphNode } from "../neo4j/serialize.ts";
import { sourceSummariesByElementId } from "./sources.ts";
import { toValueClaim } from "./value-claims.ts";

/** The most events one answer carries (`truncated: true` beyond): the strip draws one row per event. */
export const TIMELINE_EVENT_CAP = 5_000;

export function timelineEvents(db: Database, limit: number = TIMELINE_EVENT_CAP): Promise<TimelineResponse> {
  return inReadTransaction(db, async (tx) => {
    // One row more than asked tells whether the list was cut.
    const rows = await runNamed(tx, "api/timeline-events", { limit: neo4j.int(limit + 1) });
    const kept = rows.slice(0, limit);
    const reportIds = new Set(kept.flatMap((r) => (r.get("reports") as Node[]).map((s) => s.elementId)));
    const summaries = await sourceSummariesByElementId(tx, [...reportIds]);
    return {
      events: kept.map((r) => ({
        event: toGraphNode(r.get("event") as Node),
        dates: (r.get("dates") as Node[]).map(toValueClaim),
        reports: (r.get("reports") as Node[]).flatMap((s) => summaries.get(s.elementId) ?? []),
      })),
      truncated: rows.length > limit,
    };
  });
}
