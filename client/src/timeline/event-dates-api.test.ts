import { describe, expect, it } from "vitest";
import type { GraphNode, SourceSummary, TimelineEvent, ValueClaim } from "../../../contract/api.ts";
import { eventDatesFromTimeline } from "./event-dates-api.ts";

const event = (id: string, name: string): GraphNode => ({ id, labels: ["Event"], name, properties: {} });

const claim = (value: string, precision: string, sources: string[]): ValueClaim => ({
  id: `c.${value}`,
  subject: "i.ev",
  property: "date",
  value,
  unit: null,
  precision,
  basis: null,
  note: null,
  evidence: sources.map((source) => ({
    source,
    quote: "q",
    attributedTo: null,
    modality: "asserted",
    reportedAt: null,
  })),
});

const source = (id: string, title: string, over: Partial<SourceSummary> = {}): SourceSummary => ({
  id,
  title,
  outlet: null,
  author: null,
  published: null,
  publishedPrecision: null,
  factCount: 1,
  ...over,
});

describe("eventDatesFromTimeline", () => {
  it("keeps each date with its precision's span, marks conflicts and reads report dates from the sources", () => {
    const timeline: TimelineEvent[] = [
      {
        event: event("i.ev", "Taliban takeover"),
        dates: [claim("2017", "year", ["i.s1"]), claim("2021", "year", ["i.s2", "i.s2"]), claim("scores", "year", [])],
        reports: [
          source("i.s1", "A", { published: "2024-03", publishedPrecision: "month", outlet: "Arab News" }),
          source("i.s2", "B", { published: "not a date" }),
        ],
      },
    ];
    const [ev] = eventDatesFromTimeline(timeline);
    expect(ev.id).toBe("i.ev");
    expect(ev.happened.map((h) => [h.value, h.precision, h.sources])).toEqual([
      ["2017", "year", ["i.s1"]],
      ["2021", "year", ["i.s2"]],
    ]);
    expect(ev.conflicting).toBe(true);
    expect(ev.reported).toHaveLength(1);
    expect(ev.reported[0]).toMatchObject({
      value: "2024-03",
      precision: "month",
      sourceId: "i.s1",
      title: "A — Arab News",
    });
  });

  it("does not call a single date a conflict", () => {
    const [ev] = eventDatesFromTimeline([
      { event: event("i.ev", "Kerman"), dates: [claim("2024-01", "month", [])], reports: [] },
    ]);
    expect(ev.conflicting).toBe(false);
  });
});
