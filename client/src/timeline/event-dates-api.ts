// Fetches every event's dates in one request (GET api/timeline) and maps the answer into what the strip draws:
// one mark per date claim with the span its precision covers, one per dated report, and whether the dates conflict.
import type { PropertyValue, TimelineEvent, TimelineResponse } from "../../../contract/api.ts";
import { api } from "../api/api-client.ts";
import { precisionOf, spanOf, type Span } from "./partial-dates.ts";

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

export function eventDatesFromTimeline(events: readonly TimelineEvent[]): EventDates[] {
  const out: EventDates[] = [];
  for (const { event, dates, reports } of events) {
    const happened: DateMark[] = [];
    for (const d of dates) {
      const value = text(d.value);
      const span = spanOf(value, d.precision ?? "");
      if (!span) continue;
      const sources = [...new Set(d.evidence.map((e) => e.source).filter(Boolean))];
      happened.push({ ...span, value, property: d.property, sources });
    }
    const reported: ReportMark[] = [];
    for (const source of reports) {
      const value = source.published ?? "";
      const span = spanOf(value, source.publishedPrecision || precisionOf(value));
      if (!span) continue;
      reported.push({
        ...span,
        value,
        sourceId: source.id,
        title: source.outlet ? `${source.title} — ${source.outlet}` : source.title,
      });
    }
    const byProperty = new Map<string, Set<string>>();
    for (const h of happened) byProperty.set(h.property, (byProperty.get(h.property) ?? new Set()).add(h.value));
    const conflicting = [...byProperty.values()].some((v) => v.size > 1);
    out.push({ id: event.id, name: event.name, happened, reported, conflicting });
  }
  return out;
}

export async function fetchEventDates(signal?: AbortSignal): Promise<EventDates[]> {
  const res: TimelineResponse = await api.timeline(signal);
  return eventDatesFromTimeline(res.events);
}
