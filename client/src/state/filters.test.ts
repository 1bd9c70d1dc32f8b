import { describe, expect, it } from "vitest";
import type { Evidence } from "../../../contract/api.ts";
import {
  computeVisibility,
  edgePasses,
  EMPTY_FILTERS,
  nodePasses,
  type FilterEdge,
  type FilterNode,
} from "./filters.ts";

const ev = (source: string, modality: Evidence["modality"]): Evidence => ({
  source,
  quote: "q",
  attributedTo: null,
  modality,
  reportedAt: null,
});
const node = (nodeType: string, extra: Partial<FilterNode> = {}): FilterNode => ({
  nodeType,
  labels: ["Entity", nodeType],
  userHidden: false,
  ...extra,
});

describe("nodePasses", () => {
  it("hides switched-off types, user-hidden nodes and Source nodes unless asked for", () => {
    expect(nodePasses(EMPTY_FILTERS, node("Person"))).toBe(true);
    expect(nodePasses({ ...EMPTY_FILTERS, hiddenNodeTypes: new Set(["Person"]) }, node("Person"))).toBe(false);
    expect(nodePasses(EMPTY_FILTERS, node("Person", { userHidden: true }))).toBe(false);
    const source = { nodeType: "Source", labels: ["Source"], userHidden: false };
    expect(nodePasses(EMPTY_FILTERS, source)).toBe(false);
    expect(nodePasses({ ...EMPTY_FILTERS, showSourceNodes: true }, source)).toBe(true);
  });
});

describe("edgePasses", () => {
  const e: FilterEdge = { relType: "FIGHTS", evidence: [ev("s1", "asserted"), ev("s2", "alleged")] };
  it("keeps a relation while any of its evidence passes the modality and source filters", () => {
    expect(edgePasses({ ...EMPTY_FILTERS, hiddenModalities: new Set(["asserted"]) }, e)).toBe(true);
    expect(edgePasses({ ...EMPTY_FILTERS, hiddenModalities: new Set(["asserted", "alleged"]) }, e)).toBe(false);
    expect(edgePasses({ ...EMPTY_FILTERS, onlySources: new Set(["s2"]) }, e)).toBe(true);
    expect(edgePasses({ ...EMPTY_FILTERS, onlySources: new Set(["s3"]) }, e)).toBe(false);
    expect(
      edgePasses({ ...EMPTY_FILTERS, onlySources: new Set(["s2"]), hiddenModalities: new Set(["alleged"]) }, e),
    ).toBe(false);
  });
  it("hides switched-off relation types", () => {
    expect(edgePasses({ ...EMPTY_FILTERS, hiddenEdgeTypes: new Set(["FIGHTS"]) }, e)).toBe(false);
  });
  it("treats evidence-less relations from foreign databases as asserted by an unknown source", () => {
    expect(edgePasses(EMPTY_FILTERS, { relType: "KNOWS", evidence: [] })).toBe(true);
    expect(
      edgePasses({ ...EMPTY_FILTERS, hiddenModalities: new Set(["asserted"]) }, { relType: "KNOWS", evidence: [] }),
    ).toBe(false);
  });
});

describe("computeVisibility", () => {
  const nodes: [string, FilterNode][] = [
    ["a", node("Person")],
    ["b", node("Country")],
    ["c", node("Person")],
  ];
  const edges: [string, FilterEdge, string, string][] = [
    ["ab", { relType: "NATIONAL_OF", evidence: [ev("s1", "asserted")] }, "a", "b"],
    ["cb", { relType: "NATIONAL_OF", evidence: [ev("s2", "asserted")] }, "c", "b"],
  ];
  it("hides the edges of hidden nodes", () => {
    const v = computeVisibility({ ...EMPTY_FILTERS, hiddenNodeTypes: new Set(["Country"]) }, nodes, edges);
    expect([...v.hiddenNodes]).toEqual(["b"]);
    expect([...v.hiddenEdges].sort()).toEqual(["ab", "cb"]);
  });
  it("with a source filter, hides nodes that no visible relation touches", () => {
    const v = computeVisibility({ ...EMPTY_FILTERS, onlySources: new Set(["s1"]) }, nodes, edges);
    expect([...v.hiddenNodes]).toEqual(["c"]);
    expect([...v.hiddenEdges]).toEqual(["cb"]);
  });
});
