// sigma's copies of a big view's attributes (Object.assign into `{}`) must share hidden classes: copy-shapes.ts says
// why they stopped doing so once graphology's adjacency objects filled V8's transitions from `{}`.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import type { GraphEdge, GraphNode } from "../../../contract/api.ts";

setFlagsFromString("--allow-natives-syntax");
setFlagsFromString("--expose-gc");
// Compiled after the flag: V8's own test of whether two objects have one hidden class.
const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;
const fullGc = runInNewContext("gc") as () => void;
// graph-store reaches sigma's rendering module (through @sigma/edge-curve), which reads WebGL's constants as it
// loads; Node has no WebGL, and nothing here draws.
vi.stubGlobal("WebGL2RenderingContext", {});
vi.stubGlobal("WebGLRenderingContext", {});
const { createGraphStore } = await import("./graph-store.ts");

function view(nodes: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const id = (i: number) => `i.${Buffer.from(`bn-${i}`).toString("base64url")}`;
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) % nodes;
  return {
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: id(i), labels: ["Entity"], name: `n${i}`, properties: {} })),
    edges: Array.from({ length: 2 * nodes }, (_, i) => ({
      id: `e${i}`,
      type: "KNOWS",
      source: id(next()),
      target: id(next()),
      properties: {},
      evidence: [],
    })),
  };
}

describe("attribute copies of a big view", () => {
  it("share one hidden class per shape, nodes and edges, once a full collection has run before a 20,000-node view", () => {
    const store = createGraphStore();
    // Drops every transition no live object uses (the page's first big load runs several such collections); the
    // view's adjacency objects then fill the table of transitions from `{}`.
    fullGc();
    store.loadGraph(view(20_000));
    const g = store.graph;
    const [a, b] = [g.nodes()[3], g.nodes()[19_000]];
    expect(sameMap(Object.assign({}, g.getNodeAttributes(a)), Object.assign({}, g.getNodeAttributes(b)))).toBe(true);
    const [e, f] = [g.edges()[5], g.edges()[39_000]];
    expect(sameMap(Object.assign({}, g.getEdgeAttributes(e)), Object.assign({}, g.getEdgeAttributes(f)))).toBe(true);
  });
});
