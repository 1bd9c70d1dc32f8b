import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../../../contract/api.ts";
import type { ExportGraph } from "./export-graph.ts";
import { completeDetails } from "./complete-details.ts";

const edge = (id: string, quote: string): GraphEdge => ({
  id,
  type: "CLAIMS",
  source: "a",
  target: "b",
  properties: {},
  evidence: [{ source: "s1", quote, attributedTo: null, modality: "claimed", reportedAt: null }],
});
const GRAPH: ExportGraph = {
  nodes: [
    { id: "a", labels: ["Entity"], name: "A", properties: {}, x: 1, y: 2 },
    { id: "b", labels: ["Entity"], name: "B", properties: {} },
  ],
  edges: [edge("e1", ""), edge("e2", "kept as it is")],
  sources: [],
};

describe("completeDetails", () => {
  it("fetches only the listed elements, with each edge's source, and puts their whole text in", async () => {
    const asked: unknown[] = [];
    const g = await completeDetails(
      GRAPH,
      { nodes: ["a"], edges: ["e1"] },
      {
        edges: async (es) => (asked.push(es), new Map([["e1", edge("e1", "the quote")]])),
        nodes: async (ids) => (
          asked.push(ids),
          new Map<string, GraphNode>([["a", { ...GRAPH.nodes[0], properties: { description: "long" } }]])
        ),
      },
    );
    expect(asked).toEqual([["a"], [{ id: "e1", source: "a" }]]);
    expect(g.edges.map((e) => e.evidence[0].quote)).toEqual(["the quote", "kept as it is"]);
    expect(g.nodes[0]).toEqual({ ...GRAPH.nodes[0], properties: { description: "long" } });
  });

  it("asks for nothing when nothing is missing", async () => {
    const fail = async () => {
      throw new Error("no request expected");
    };
    expect(await completeDetails(GRAPH, { nodes: [], edges: [] }, { edges: fail, nodes: fail })).toBe(GRAPH);
  });
});
