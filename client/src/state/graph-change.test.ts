import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { applyChange, ChangeHistory, emptyChange, SelectionTrail } from "./graph-change.ts";

type N = { x: number; hidden?: boolean };
type E = { w: number };

describe("applyChange", () => {
  it("restores the exact earlier graph when applied backwards, and the later one forwards", () => {
    const g = new MultiDirectedGraph<N, E>();
    g.addNode("a", { x: 1 });
    g.addNode("b", { x: 2 });
    g.addEdgeWithKey("ab", "a", "b", { w: 1 });
    const before = JSON.stringify(g.export());
    const c = emptyChange<N, E>("mixed");
    c.addedNodes.push({ key: "c", attributes: { x: 3 } });
    c.addedEdges.push({ key: "ac", source: "a", target: "c", attributes: { w: 2 } });
    c.removedEdges.push({ key: "ab", source: "a", target: "b", attributes: { w: 1 } });
    c.removedNodes.push({ key: "b", attributes: { x: 2 } });
    c.nodeAttrs.push({ key: "a", before: { x: 1 }, after: { x: 10 } });
    applyChange(g, c, "forward");
    const after = JSON.stringify(g.export());
    expect(g.nodes().sort()).toEqual(["a", "c"]);
    expect(g.getNodeAttribute("a", "x")).toBe(10);
    applyChange(g, c, "backward");
    expect(JSON.stringify(g.export())).toBe(before);
    applyChange(g, c, "forward");
    expect(JSON.stringify(g.export())).toBe(after);
  });
});

describe("ChangeHistory", () => {
  it("undoes in reverse order, redoes, and forgets redo after a new change", () => {
    const h = new ChangeHistory<string>();
    h.record("one");
    h.record("two");
    expect(h.undo()).toBe("two");
    expect(h.undo()).toBe("one");
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe("one");
    h.record("three");
    expect(h.redo()).toBeNull();
    expect(h.peekUndo()).toBe("three");
  });
  it("keeps at most its limit", () => {
    const h = new ChangeHistory<number>(2);
    [1, 2, 3].forEach((n) => h.record(n));
    expect([h.undo(), h.undo(), h.undo()]).toEqual([3, 2, null]);
  });
});

describe("SelectionTrail", () => {
  it("moves back and forward like a browser and drops the forward part on a new visit", () => {
    const t = new SelectionTrail<string>((a, b) => a === b);
    ["a", "b", "b", "c"].forEach((s) => t.visit(s));
    expect(t.back()).toBe("b");
    expect(t.back()).toBe("a");
    expect(t.back()).toBeNull();
    expect(t.forward()).toBe("b");
    t.visit("d");
    expect(t.canForward()).toBe(false);
    expect(t.back()).toBe("b");
  });
});
