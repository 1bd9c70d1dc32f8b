import { describe, expect, it } from "vitest";
import { formatRange, overlaps, parseRange, precisionOf, spanOf } from "./partial-dates.ts";

const day = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe("spanOf", () => {
  it("draws a month as the whole month, not its first day", () => {
    expect(spanOf("2015-01", "month")).toEqual({
      start: day("2015-01-01"),
      end: day("2015-02-01"),
      precision: "month",
    });
  });

  it("draws a year as the whole year", () => {
    expect(spanOf("2022", "year")).toEqual({ start: day("2022-01-01"), end: day("2023-01-01"), precision: "year" });
  });

  it("draws a day as one day", () => {
    expect(spanOf("2024-03-22", "day")).toEqual({ start: day("2024-03-22"), end: day("2024-03-23"), precision: "day" });
  });

  it("honours a coarser stated precision but never invents a finer one", () => {
    expect(spanOf("2015-09-30", "year")?.precision).toBe("year");
    expect(spanOf("2015", "day")?.precision).toBe("year");
  });

  it("rejects what is not a partial date", () => {
    expect(spanOf("scores")).toBeNull();
    expect(spanOf("2015-13")).toBeNull();
    expect(precisionOf("137")).toBeNull();
  });
});

describe("ranges", () => {
  it("round-trip through the URL form with both days included", () => {
    const r = parseRange("2024-01-01..2024-12-31")!;
    expect(r).toEqual({ start: day("2024-01-01"), end: day("2025-01-01") });
    expect(formatRange(r)).toBe("2024-01-01..2024-12-31");
    expect(parseRange("2024-12-31..2024-01-01")).toBeNull();
    expect(parseRange("junk")).toBeNull();
  });

  it("count a month-long date as inside a range it only partly overlaps", () => {
    const month = spanOf("2023-12", "month")!;
    expect(overlaps(month, parseRange("2023-12-20..2024-01-05")!)).toBe(true);
    expect(overlaps(month, parseRange("2024-01-01..2024-12-31")!)).toBe(false);
  });
});
