import { describe, expect, it } from "vitest";
import type { PropertyValue } from "../../../contract/api.ts";
import { eventDatesFromRows } from "./event-dates-api.ts";

const node = (id: string, name: string, properties: Record<string, PropertyValue> = {}) =>
  ({ $node: { id, labels: ["Source"], name, properties } }) as unknown as PropertyValue;

describe("eventDatesFromRows", () => {
  it("keeps each date with its precision's span, marks conflicts and reads report dates from source nodes", () => {
    const [ev] = eventDatesFromRows([
      [
        node("i.ev", "Taliban takeover"),
        [
          { property: "date", value: "2017", precision: "year", sources: [node("i.s1", "A")] },
          { property: "date", value: "2021", precision: "year", sources: [node("i.s2", "B")] },
          { property: "date", value: "scores", precision: "year", sources: [] },
        ],
        [node("i.s1", "A", { published: "2024-03", publishedPrecision: "month", outlet: "Arab News" })],
      ],
    ]);
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
    const [ev] = eventDatesFromRows([
      [node("i.ev", "Kerman"), [{ property: "date", value: "2024-01", precision: "month", sources: [] }], []],
    ]);
    expect(ev.conflicting).toBe(false);
  });
});
