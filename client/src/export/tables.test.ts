import { describe, expect, it } from "vitest";
import type { Disagreement, SourceSummary } from "../../../contract/api.ts";
import type { ExportGraph } from "./export-graph.ts";
import { citedSources } from "./export-graph.ts";
import { disagreementsTable, evidenceTable, nodesTable } from "./tables.ts";
import { toSubgraphJson } from "./subgraph-json.ts";

const SOURCE: SourceSummary = {
  id: "s1",
  title: "Russia in Daesh crosshairs",
  outlet: "Arab News",
  author: null,
  published: "2024-03",
  publishedPrecision: "month",
  factCount: 3,
};

const GRAPH: ExportGraph = {
  nodes: [
    { id: "a", labels: ["Entity", "ArmedGroup"], name: "ISIS-K", properties: {} },
    { id: "b", labels: ["Entity", "Event"], name: "Crocus City Hall attack", properties: { deathToll: 137 } },
  ],
  edges: [
    {
      id: "e1",
      type: "CARRIED_OUT",
      source: "a",
      target: "b",
      properties: {},
      evidence: [
        { source: "s1", quote: "ISIS-K did it", attributedTo: null, modality: "asserted", reportedAt: "2024-03" },
        { source: "s2", quote: "maybe", attributedTo: "a", modality: "claimed", reportedAt: null },
      ],
    },
    { id: "e2", type: "LOCATED_IN", source: "b", target: "a", properties: {}, evidence: [] },
  ],
  sources: [SOURCE],
};

describe("citedSources", () => {
  it("keeps the known sources the evidence cites, once each", () => {
    expect(citedSources(GRAPH.edges, new Map([["s1", SOURCE]]))).toEqual([SOURCE]);
  });
});

describe("nodesTable", () => {
  it("writes one row per entity with its labels and properties", () => {
    expect(nodesTable(GRAPH).rows[1]).toEqual(["b", "Crocus City Hall attack", "Entity,Event", '{"deathToll":137}']);
  });
});

describe("evidenceTable", () => {
  it("writes one row per quote with names, modality and the source's title and outlet", () => {
    const t = evidenceTable(GRAPH);
    expect(t.rows[0]).toEqual([
      "e1",
      "ISIS-K",
      "CARRIED_OUT",
      "Crocus City Hall attack",
      "asserted",
      "ISIS-K did it",
      "",
      "Russia in Daesh crosshairs",
      "Arab News",
      "2024-03",
    ]);
    expect(t.rows[1][6]).toBe("ISIS-K");
    expect(t.rows[1][7]).toBe("s2");
  });

  it("keeps a relation without evidence as one row", () => {
    expect(evidenceTable(GRAPH).rows.filter((r) => r[0] === "e2")).toHaveLength(1);
  });
});

describe("disagreementsTable", () => {
  it("writes one row per source version", () => {
    const d: Disagreement = {
      id: "value:b:deathToll",
      kind: "value",
      subject: GRAPH.nodes[1],
      property: "deathToll",
      versions: [
        { value: 137, evidence: [GRAPH.edges[0].evidence[0]] },
        { value: 115, evidence: [{ ...GRAPH.edges[0].evidence[0], quote: "killing 115" }] },
      ],
    };
    const t = disagreementsTable([d], new Map([["s1", SOURCE]]));
    expect(t.rows.map((r) => r[3])).toEqual([137, 115]);
    expect(t.rows[1][5]).toBe("killing 115");
  });
});

describe("toSubgraphJson", () => {
  it("says what it is and carries nodes, edges with evidence and sources", () => {
    const doc = JSON.parse(toSubgraphJson(GRAPH, new Date("2024-03-30T00:00:00Z")));
    expect(doc).toMatchObject({ format: "kg-explorer/subgraph", version: 1, exportedAt: "2024-03-30T00:00:00.000Z" });
    expect(doc.edges[0].evidence).toHaveLength(2);
    expect(doc.sources).toEqual([SOURCE]);
  });
});
