// The decoder reads each column encoding of contract/api.ts's GraphColumns the way the contract describes it.
import { describe, expect, it } from "vitest";
import type { GraphColumns } from "../../../contract/api.ts";
import { decodeGraphColumns } from "./decode-graph-columns.ts";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");

const COLUMNS: GraphColumns = {
  format: "columns",
  truncated: false,
  deferred: true,
  nodes: {
    ids: { kind: "i", prefix: "bé-", deltas: [4, 1, 5] },
    labelSets: { dict: [["Entity", "Person"], ["Entity"]], codes: [0, 1, -1] },
    names: ["Anna", "Boris", "Cleo"],
    properties: [
      { key: "id", enc: "id" },
      { key: "name", has: "110", enc: "name" },
      { key: "rank", has: "101", enc: "plain", values: [1, 9] },
      { key: "kind", enc: "dict", dict: ["x", "y"], codes: [1, 1, 0] },
      { key: "description", has: "010", enc: "deferred" },
    ],
  },
  edges: {
    ids: { opaque: ["e.YQ", "e.Yg"] },
    types: { dict: ["KNOWS"], codes: [0, 0] },
    sourceDeltas: [0, 2],
    targets: [1, 0],
    properties: [],
    evidence: {
      counts: [0, 2],
      sources: { dict: ["i.cw"], codes: [0, 0] },
      modalities: { dict: ["alleged", "denied"], codes: [0, 1] },
      attributedTo: [1, -2],
      attributedToIds: ["i.b3V0"],
      reportedAt: { dict: ["2024-05"], codes: [-1, 0] },
    },
  },
};

describe("decodeGraphColumns", () => {
  it("rebuilds ids from prefix and integer deltas as the server's opaque ids (UTF-8, base64url)", () => {
    const g = decodeGraphColumns(COLUMNS);
    expect(g.nodes.map((n) => n.id)).toEqual(["bé-4", "bé-5", "bé-10"].map((r) => `i.${b64(r)}`));
    expect(g.edges.map((e) => e.id)).toEqual(["e.YQ", "e.Yg"]);
  });

  it("applies each property column to the elements its mask marks, and marks elements whose text was left out", () => {
    const [a, b, c] = decodeGraphColumns(COLUMNS).nodes;
    expect(a).toEqual({
      id: a.id,
      labels: ["Entity", "Person"],
      name: "Anna",
      properties: { id: "bé-4", name: "Anna", rank: 1, kind: "y" },
    });
    expect(b.properties).toEqual({ id: "bé-5", name: "Boris", kind: "y" });
    expect(b.detailsDeferred).toBe(true);
    expect(c.labels).toEqual([]);
    expect(c.properties).toEqual({ id: "bé-10", rank: 9, kind: "x" });
  });

  it("reads endpoints from source deltas and node indexes, and evidence from its columns", () => {
    const g = decodeGraphColumns(COLUMNS);
    const [n0, n1, n2] = g.nodes.map((n) => n.id);
    expect(g.edges.map((e) => [e.source, e.target])).toEqual([
      [n0, n1],
      [n2, n0],
    ]);
    expect(g.edges[0].evidence).toEqual([]);
    expect(g.edges[0].detailsDeferred).toBeUndefined();
    expect(g.edges[1].detailsDeferred).toBe(true);
    expect(g.edges[1].evidence).toEqual([
      { source: "i.cw", quote: "", attributedTo: n1, modality: "alleged", reportedAt: null },
      { source: "i.cw", quote: "", attributedTo: "i.b3V0", modality: "denied", reportedAt: "2024-05" },
    ]);
  });
});
