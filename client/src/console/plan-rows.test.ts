import { describe, expect, it } from "vitest";
import type { PlanNode } from "../../../contract/api.ts";
import { flattenPlan, formatCount, totalDbHits } from "./plan-rows.ts";

const plan = (
  operator: string,
  args: PlanNode["arguments"],
  children: PlanNode[] = [],
  profile?: [number, number],
) => ({
  operator,
  identifiers: ["n"],
  arguments: args,
  children,
  ...(profile ? { rows: profile[0], dbHits: profile[1] } : {}),
});

const explained: PlanNode = plan("ProduceResults", { Details: "name", EstimatedRows: 182.0 }, [
  plan("Projection", { Details: "n.name AS name", EstimatedRows: 182.0 }, [
    plan("NodeByLabelScan", { Details: "n:Entity", EstimatedRows: 182.0 }),
  ]),
]);

describe("flattenPlan", () => {
  it("lists operators root first with their depth, details and estimates", () => {
    const rows = flattenPlan(explained);
    expect(rows.map((r) => [r.depth, r.operator, r.details, r.estimatedRows])).toEqual([
      [0, "ProduceResults", "name", 182],
      [1, "Projection", "n.name AS name", 182],
      [2, "NodeByLabelScan", "n:Entity", 182],
    ]);
    expect(rows.every((r) => r.rows === null && r.dbHits === null)).toBe(true);
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
  });
  it("walks branches of a join depth-first, left before right", () => {
    const join = plan("CartesianProduct", {}, [plan("AllNodesScan", {}), plan("NodeByLabelScan", {})]);
    expect(flattenPlan(plan("ProduceResults", {}, [join])).map((r) => `${r.depth}:${r.operator}`)).toEqual([
      "0:ProduceResults",
      "1:CartesianProduct",
      "2:AllNodesScan",
      "2:NodeByLabelScan",
    ]);
  });
});

describe("totalDbHits", () => {
  it("sums db hits of a profiled plan and is null for an explained one", () => {
    const profiled = plan("ProduceResults", {}, [plan("NodeByLabelScan", {}, [], [182, 183])], [182, 0]);
    expect(totalDbHits(profiled)).toBe(183);
    expect(totalDbHits(explained)).toBeNull();
  });
});

describe("formatCount", () => {
  it("rounds and groups thousands, with a dash for unknown", () => {
    expect(formatCount(1234.6)).toBe("1,235");
    expect(formatCount(null)).toBe("—");
  });
});
