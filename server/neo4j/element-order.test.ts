import { describe, expect, it } from "vitest";
import { inElementIdOrder } from "./element-order.ts";

const plainSort = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const order = (ids: string[]) => inElementIdOrder(ids);

describe("inElementIdOrder", () => {
  it("orders Neo4j-shaped elementIds as a plain comparison does", () => {
    let seed = 3;
    const next = () => (seed = (seed * 16807) % 2147483647);
    const ids = Array.from({ length: 5_000 }, () => `5:0b1f3c2e-7a4d-4e11-9f0a-5c6d7e8f9a0b:${next() % 200_000}`);
    expect(order(ids)).toEqual(plainSort(ids));
  });

  it("handles ids that are prefixes of one another, differ at once, or are alone", () => {
    for (const ids of [
      ["5:db:12", "5:db:1", "5:db:123", "5:db:1"],
      ["b", "a", "ab", ""],
      ["4:x:9", "5:x:10"],
      ["only"],
      [],
    ])
      expect(order(ids)).toEqual(plainSort(ids));
  });
});
