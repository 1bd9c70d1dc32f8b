import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode, PropertyValue } from "../../../contract/api.ts";
import { cellText, sortRows, toTsv } from "./result-table-data.ts";

const node = (id: string, name: string, labels = ["Entity", "ArmedGroup"]): GraphNode => ({
  id,
  name,
  labels,
  properties: {},
});
const edge = (id: string, type: string, source: string, target: string): GraphEdge => ({
  id,
  type,
  source,
  target,
  properties: {},
  evidence: [],
});
const cell = (v: unknown) => v as PropertyValue;

describe("cellText", () => {
  it("writes nodes, relationships and paths the way Cypher does", () => {
    const w = node("w", "Wagner Group");
    const i = node("i", "Islamic State");
    const k = node("k", "ISIS-K");
    expect(cellText(cell({ $node: w }))).toBe("(:Entity:ArmedGroup Wagner Group)");
    expect(cellText(cell({ $edge: edge("e", "FIGHTS", "w", "i") }))).toBe("[:FIGHTS]");
    const path = { nodes: [w, i, k], edges: [edge("e1", "FIGHTS", "w", "i"), edge("e2", "BRANCH_OF", "k", "i")] };
    expect(cellText(cell({ $path: path }))).toBe(
      "(:Entity:ArmedGroup Wagner Group)-[:FIGHTS]->(:Entity:ArmedGroup Islamic State)<-[:BRANCH_OF]-(:Entity:ArmedGroup ISIS-K)",
    );
  });
  it("writes plain values readably and null as empty", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(42)).toBe("42");
    expect(cellText(true)).toBe("true");
    expect(cellText(["a", 1])).toBe('["a", 1]');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
  it("treats a map that merely has a $node key among others as a map", () => {
    expect(cellText(cell({ $node: 1, other: 2 }))).toBe('{"$node":1,"other":2}');
  });
});

describe("sortRows", () => {
  const rows: PropertyValue[][] = [
    ["b", 10],
    ["a", 9],
    [null, 100],
    ["c", null],
    ["a2", 2],
  ];
  it("sorts numbers numerically and keeps empty cells last in both directions", () => {
    expect(sortRows(rows, 1, "asc").map((r) => r[1])).toEqual([2, 9, 10, 100, null]);
    expect(sortRows(rows, 1, "desc").map((r) => r[1])).toEqual([100, 10, 9, 2, null]);
  });
  it("sorts text naturally", () => {
    expect(sortRows(rows, 0, "asc").map((r) => r[0])).toEqual(["a", "a2", "b", "c", null]);
  });
  it("does not change the input", () => {
    const copy = JSON.stringify(rows);
    sortRows(rows, 0, "desc");
    expect(JSON.stringify(rows)).toBe(copy);
  });
});

describe("toTsv", () => {
  it("writes a header and one line per row, with tabs and newlines inside cells flattened", () => {
    expect(
      toTsv(
        ["name", "note"],
        [
          ["Wagner", "a\tb\nc"],
          [cell({ $node: node("x", "ISIS-K") }), null],
        ],
      ),
    ).toBe("name\tnote\nWagner\ta b c\n(:Entity:ArmedGroup ISIS-K)\t");
  });
});
