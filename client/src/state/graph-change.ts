// Undo/redo as a list of invertible changes to the one graph: each change records what it added, removed and which
// attributes it changed (before and after), so applying it backwards restores the exact earlier state.
import type { AbstractGraph, Attributes } from "graphology-types";

export interface NodeRecord<N> {
  key: string;
  attributes: N;
}
export interface EdgeRecord<E> {
  key: string;
  source: string;
  target: string;
  attributes: E;
}
export interface AttrChange<T> {
  key: string;
  before: Partial<T>;
  after: Partial<T>;
}

export interface GraphChange<N, E> {
  /** What the user did, in words, for the undo button's tooltip. */
  label: string;
  addedNodes: NodeRecord<N>[];
  addedEdges: EdgeRecord<E>[];
  removedNodes: NodeRecord<N>[];
  removedEdges: EdgeRecord<E>[];
  nodeAttrs: AttrChange<N>[];
}

export function emptyChange<N, E>(label: string): GraphChange<N, E> {
  return { label, addedNodes: [], addedEdges: [], removedNodes: [], removedEdges: [], nodeAttrs: [] };
}

export function isEmptyChange<N, E>(c: GraphChange<N, E>): boolean {
  return (
    c.addedNodes.length + c.addedEdges.length + c.removedNodes.length + c.removedEdges.length + c.nodeAttrs.length === 0
  );
}

/** Applies a change forwards (`redo`) or backwards (`undo`). Items already in the wanted state are skipped, so a
 *  change stays applicable after unrelated edits. */
export function applyChange<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  c: GraphChange<N, E>,
  direction: "forward" | "backward",
): void {
  const fwd = direction === "forward";
  const addNodes = fwd ? c.addedNodes : c.removedNodes;
  const addEdges = fwd ? c.addedEdges : c.removedEdges;
  const dropNodes = fwd ? c.removedNodes : c.addedNodes;
  const dropEdges = fwd ? c.removedEdges : c.addedEdges;
  for (const n of addNodes) if (!graph.hasNode(n.key)) graph.addNode(n.key, { ...n.attributes });
  for (const e of addEdges) {
    if (!graph.hasEdge(e.key) && graph.hasNode(e.source) && graph.hasNode(e.target))
      graph.addEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
  }
  for (const a of c.nodeAttrs) {
    if (graph.hasNode(a.key)) graph.mergeNodeAttributes(a.key, fwd ? a.after : a.before);
  }
  for (const e of dropEdges) if (graph.hasEdge(e.key)) graph.dropEdge(e.key);
  for (const n of dropNodes) if (graph.hasNode(n.key)) graph.dropNode(n.key);
}

/** A bounded undo/redo stack of changes; `record` is called after the change was applied. */
export class ChangeHistory<C> {
  private done: C[] = [];
  private undone: C[] = [];
  constructor(private readonly limit = 200) {}

  record(c: C): void {
    this.done.push(c);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }
  /** Returns the change to apply backwards, or null. */
  undo(): C | null {
    const c = this.done.pop();
    if (!c) return null;
    this.undone.push(c);
    return c;
  }
  /** Returns the change to apply forwards, or null. */
  redo(): C | null {
    const c = this.undone.pop();
    if (!c) return null;
    this.done.push(c);
    return c;
  }
  peekUndo(): C | null {
    return this.done[this.done.length - 1] ?? null;
  }
  peekRedo(): C | null {
    return this.undone[this.undone.length - 1] ?? null;
  }
  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

/** Back/forward through what was selected, like a browser's history. */
export class SelectionTrail<S> {
  private items: S[] = [];
  private index = -1;
  constructor(private readonly same: (a: S, b: S) => boolean) {}

  visit(s: S): void {
    const cur = this.items[this.index];
    if (cur !== undefined && this.same(cur, s)) return;
    this.items = this.items.slice(0, this.index + 1);
    this.items.push(s);
    this.index = this.items.length - 1;
  }
  back(): S | null {
    if (this.index <= 0) return null;
    this.index--;
    return this.items[this.index];
  }
  forward(): S | null {
    if (this.index >= this.items.length - 1) return null;
    this.index++;
    return this.items[this.index];
  }
  canBack(): boolean {
    return this.index > 0;
  }
  canForward(): boolean {
    return this.index < this.items.length - 1;
  }
}
