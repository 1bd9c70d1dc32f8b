import { describe, expect, it } from "vitest";
import { parseWorkspaceFile, WorkspaceFileError, type WorkspaceFile } from "./workspace-file.ts";

const GOOD: WorkspaceFile = {
  format: "kg-explorer/workspace",
  version: 1,
  name: "Crocus",
  savedAt: "2024-03-30T10:00:00.000Z",
  nodes: [
    { id: "a", labels: ["Entity", "Event"], name: "Crocus City Hall attack", properties: { n: 1 }, x: 1, y: 2 },
    { id: "b", labels: ["Entity", "ArmedGroup"], name: "ISIS-K", properties: {}, x: 3, y: 4, fixed: true },
  ],
  edges: [
    {
      id: "e",
      type: "CARRIED_OUT",
      source: "b",
      target: "a",
      properties: {},
      evidence: [{ source: "s", quote: "q", attributedTo: null, modality: "suspected", reportedAt: null }],
    },
  ],
  filters: {
    hiddenNodeTypes: ["Place"],
    hiddenEdgeTypes: [],
    hiddenModalities: [],
    onlySources: null,
    showSourceNodes: false,
  },
  styleRule: null,
  timeRange: "2024-01-01..2024-12-31",
  hideUndated: false,
  camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
};

describe("parseWorkspaceFile", () => {
  it("reads back a workspace it wrote", () => {
    expect(parseWorkspaceFile(JSON.stringify(GOOD))).toEqual(GOOD);
  });

  it("keeps the mark on elements whose long text a big view left on the server", () => {
    const deferred: WorkspaceFile = {
      ...GOOD,
      nodes: GOOD.nodes.map((n, i) => (i === 0 ? { ...n, detailsDeferred: true } : n)),
      edges: GOOD.edges.map((e) => ({ ...e, detailsDeferred: true })),
    };
    const back = parseWorkspaceFile(JSON.stringify(deferred));
    expect(back.nodes.map((n) => n.detailsDeferred)).toEqual([true, undefined]);
    expect(back.edges[0].detailsDeferred).toBe(true);
  });

  it("says the file is not JSON", () => {
    expect(() => parseWorkspaceFile("{nope")).toThrow(/not JSON/);
  });

  it("says a file of another kind is not a workspace", () => {
    expect(() => parseWorkspaceFile(JSON.stringify({ nodes: [] }))).toThrow(WorkspaceFileError);
    expect(() => parseWorkspaceFile(JSON.stringify({ ...GOOD, version: 9 }))).toThrow(/version 9/);
  });

  it("names the field that is wrong", () => {
    const bad = { ...GOOD, nodes: [{ ...GOOD.nodes[0], x: "left" }] };
    expect(() => parseWorkspaceFile(JSON.stringify(bad))).toThrow(/nodes\.0\.x/);
  });

  it("refuses relations that point to missing nodes", () => {
    const bad = { ...GOOD, nodes: [GOOD.nodes[0]] };
    expect(() => parseWorkspaceFile(JSON.stringify(bad))).toThrow(/missing node/);
  });
});
