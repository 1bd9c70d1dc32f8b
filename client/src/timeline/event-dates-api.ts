// Fetches every event's dates in one request. The API has no endpoint for it yet (asked for: see the timeline's
// README note in the part-3 report), so it sends one read-only query of its own through the console endpoint,
// kept here as a constant, and maps the rows into plain data. Everything runs through the server's read-only path.
import type { CypherResponse, ErrorBody, GraphNode, PropertyValue } from "../../../contract/api.ts";
import { ApiError } from "../api/api-client.ts";
import { precisionOf, spanOf, type Span } from "./partial-dates.ts";

export const EVENT_DATES_QUERY = `
// kg-explorer timeline: each Event, its date claims (with the sources they cite) and the sources that describe it.
// Sources come back as nodes so their ids are the API's opaque ids, like everywhere else in the client.
MATCH (e:Event)
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
WITH e, [x IN collect(c) WHERE x.precision IN ['day', 'month', 'year']] AS claims
OPTIONAL MATCH (s:Source)-[:MENTIONS]->(e)
WITH e, claims, collect(s) AS sources
RETURN e AS event,
  [c IN claims | {property: c.property, value: toString(c.value), precision: c.precision,
                  sources: [(c)-[:CITES]->(cs:Source) | cs]}] AS dates,
  [s IN sources WHERE s.published IS NOT NULL] AS reports
ORDER BY e.name
LIMIT 5000
`.trim();

export interface DateMark extends Span {
  value: string;
  /** The claim's property (`date`, `occurredOn`, `startDate` ...). */
  property: string;
  /** Source ids giving this value. */
  sources: string[];
}

export interface ReportMark extends Span {
  value: string;
  sourceId: string;
  title: string;
}

export interface EventDates {
  id: string;
  name: string;
  /** When it happened, one mark per distinct value (several when the sources disagree). */
  happened: DateMark[];
  /** When the sources reported it. */
  reported: ReportMark[];
  /** Two or more different happened-dates for the same property. */
  conflicting: boolean;
}

const text = (v: PropertyValue | undefined): string => (v === null || v === undefined ? "" : String(v));

const nodeOf = (cell: PropertyValue | undefined): GraphNode | null =>
  (cell as unknown as { $node?: GraphNode } | null)?.$node ?? null;

export function eventDatesFromRows(rows: readonly PropertyValue[][]): EventDates[] {
  const out: EventDates[] = [];
  for (const [eventCell, datesCell, reportsCell] of rows) {
    const node = nodeOf(eventCell);
    if (!node) continue;
    const happened: DateMark[] = [];
    for (const d of (datesCell as Record<string, PropertyValue>[] | null) ?? []) {
      const value = text(d.value);
      const span = spanOf(value, text(d.precision));
      if (!span) continue;
      const sources = Array.isArray(d.sources) ? d.sources.flatMap((s) => nodeOf(s)?.id ?? []) : [];
      happened.push({ ...span, value, property: text(d.property), sources });
    }
    const reported: ReportMark[] = [];
    for (const cell of (reportsCell as PropertyValue[] | null) ?? []) {
      const source = nodeOf(cell);
      if (!source) continue;
      const p = source.properties;
      const value = text(p.published);
      const span = spanOf(value, text(p.publishedPrecision) || precisionOf(value));
      if (!span) continue;
      const outlet = text(p.outlet);
      reported.push({
        ...span,
        value,
        sourceId: source.id,
        title: outlet ? `${source.name} — ${outlet}` : source.name,
      });
    }
    const byProperty = new Map<string, Set<string>>();
    for (const h of happened) byProperty.set(h.property, (byProperty.get(h.property) ?? new Set()).add(h.value));
    const conflicting = [...byProperty.values()].some((s) => s.size > 1);
    out.push({ id: node.id, name: node.name, happened, reported, conflicting });
  }
  return out;
}

export async function fetchEventDates(signal?: AbortSignal): Promise<EventDates[]> {
  let res: Response;
  try {
    res = await fetch("api/cypher", {
      method: "POST",
      signal,
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ query: EVENT_DATES_QUERY }),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError("NETWORK", "Could not reach the server.", 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? `The server answered ${res.status} for the timeline's dates.`,
      res.status,
    );
  }
  const body = (await res.json()) as CypherResponse;
  return eventDatesFromRows(body.rows);
}
