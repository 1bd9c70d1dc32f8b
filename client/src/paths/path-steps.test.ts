import { describe, expect, it } from "vitest";
import type { GraphEdge, GraphNode } from "../../../contract/api.ts";
import { hopStatement, pathHops, pathSentence, typesOnPaths, type ApiPath } from "./path-steps.ts";

const node = (id: string, name: string): GraphNode => ({ id, name, labels: ["Entity"], properties: {} });
const edge = (id: string, type: string, source: string, target: string): GraphEdge => ({
  id,
  type,
  source,
  target,
  properties: {},
  evidence: [],
});

const W = node("w", "Wagner");
const I = node("i", "ISIS");
const K = node("k", "ISIS-K");
const R = node("r", "Russia");
/** Wagner —FIGHTS→ ISIS ←BRANCH_OF— ISIS-K: the second hop is walked against its stored direction. */
const viaIsis: ApiPath = {
  nodes: [W, I, K],
  edges: [edge("e1", "FIGHTS", "w", "i"), edge("e2", "BRANCH_OF", "k", "i")],
};
const viaRussia: ApiPath = {
  nodes: [W, R, K],
  edges: [edge("e3", "SUPPORTS", "r", "w"), edge("e4", "TARGETED", "k", "r")],
};

describe("pathHops", () => {
  it("walks the path in order and knows which hops follow the stored direction", () => {
    expect(pathHops(viaIsis).map((h) => [h.from.name, h.edge.type, h.to.name, h.forward])).toEqual([
      ["Wagner", "FIGHTS", "ISIS", true],
      ["ISIS", "BRANCH_OF", "ISIS-K", false],
    ]);
  });
});

describe("pathSentence", () => {
  it("reads as names and arrows pointing the way each relation is stored", () => {
    expect(pathSentence(viaIsis)).toBe("Wagner —FIGHTS→ ISIS ←BRANCH_OF— ISIS-K");
    expect(pathSentence(viaRussia)).toBe("Wagner ←SUPPORTS— Russia ←TARGETED— ISIS-K");
  });
  it("is the node's name for a path of no hops", () => {
    expect(pathSentence({ nodes: [W], edges: [] })).toBe("Wagner");
  });
});

describe("hopStatement", () => {
  it("states the relation subject first, whichever way it was walked", () => {
    expect(pathHops(viaIsis).map(hopStatement)).toEqual(["Wagner fights ISIS", "ISIS-K branch of ISIS"]);
  });
});

describe("typesOnPaths", () => {
  it("lists each type once, most used first", () => {
    const again: ApiPath = { nodes: [W, I], edges: [edge("e5", "FIGHTS", "w", "i")] };
    expect(typesOnPaths([viaIsis, again])).toEqual(["FIGHTS", "BRANCH_OF"]);
  });
});
