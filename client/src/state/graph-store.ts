// The one graphology instance the explorer shows, and the few named functions that change it: add a sub-graph,
// remove/hide/pin nodes, select, hover, filter, style, undo/redo. Sigma renders this graph and every panel reads it;
// panels never change it directly, so every change is recorded (undo) and derived state (sizes, curves, `hidden`)
// is recomputed in one place.
import { MultiDirectedGraph } from "graphology";
import { indexParallelEdgesIndex, DEFAULT_EDGE_CURVATURE } from "@sigma/edge-curve";
import type { DeferredMark, Evidence, GraphEdge, GraphNode, PropertyValue } from "../../../contract/api.ts";
import { computeVisibility, EMPTY_FILTERS, type FilterState } from "./filters.ts";
import { edgeWidth, sourceCountOf, supportOf, SUPPORT_COLORS, type Support } from "./edge-style.ts";
import { primaryType, TypeColors } from "./type-colors.ts";
import { holdCopyShapes } from "./copy-shapes.ts";
import {
  applyChange,
  ChangeHistory,
  emptyChange,
  isEmptyChange,
  SelectionTrail,
  type GraphChange,
} from "./graph-change.ts";
import type { StyleRule } from "./style-rules.ts";

export interface NodeAttrs {
  [k: string]: unknown;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  hidden: boolean;
  nodeType: string;
  labels: string[];
  properties: Record<string, PropertyValue>;
  /** Hidden by the user (undoable), as opposed to hidden by a filter. */
  userHidden: boolean;
  /** Pinned: ForceAtlas2 leaves fixed nodes where they are. */
  fixed: boolean;
  /** Long text left out by the server (a big view): the inspector and exports fetch it (api/element-details.ts). */
  detailsDeferred: boolean;
}

export interface EdgeAttrs {
  [k: string]: unknown;
  label: string;
  relType: string;
  /** Sigma's program name: straight arrow, or curved when the pair has parallel relations. */
  type: "arrow" | "curved";
  curvature: number;
  size: number;
  color: string;
  hidden: boolean;
  properties: Record<string, PropertyValue>;
  evidence: Evidence[];
  sourceCount: number;
  support: Support;
  /** Quotes or long text left out by the server (a big view): the inspector and exports fetch them. */
  detailsDeferred: boolean;
}

export type KgGraph = MultiDirectedGraph<NodeAttrs, EdgeAttrs>;
export type Change = GraphChange<NodeAttrs, EdgeAttrs>;
export type Selection = { kind: "node"; id: string } | { kind: "edge"; id: string };
export type Topic =
  "graph" | "visibility" | "selection" | "hover" | "filters" | "history" | "style" | "layout" | "highlight";

/** Nodes and edges to emphasise while the rest is dimmed (the path tracer's focus); a view state, not undoable. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** A view as a workspace saves it: what `restoreView` puts back. */
export interface SavedView {
  nodes: readonly (GraphNode & { x: number; y: number; userHidden?: boolean; fixed?: boolean })[];
  edges: readonly GraphEdge[];
  filters: FilterState;
  styleRule: StyleRule | null;
}

export interface Counts {
  nodes: number;
  visibleNodes: number;
  edges: number;
  visibleEdges: number;
}

type Listener = (topics: ReadonlySet<Topic>) => void;

const NODE_MIN = 4;
const NODE_MAX = 22;

function nodeAttrsFrom(n: GraphNode & DeferredMark, colors: TypeColors, x: number, y: number): NodeAttrs {
  const nodeType = primaryType(n.labels);
  return {
    label: n.name,
    x,
    y,
    size: NODE_MIN,
    color: colors.colorOf(nodeType),
    hidden: false,
    nodeType,
    labels: [...n.labels],
    properties: n.properties,
    userHidden: false,
    fixed: false,
    detailsDeferred: n.detailsDeferred === true,
  };
}

function edgeAttrsFrom(e: GraphEdge & DeferredMark): EdgeAttrs {
  const sourceCount = sourceCountOf(e.properties, e.evidence);
  const support = supportOf(e.evidence);
  return {
    label: e.type,
    relType: e.type,
    type: "arrow",
    curvature: 0,
    size: edgeWidth(sourceCount),
    color: SUPPORT_COLORS[support],
    hidden: false,
    properties: e.properties,
    evidence: e.evidence,
    sourceCount,
    support,
    detailsDeferred: e.detailsDeferred === true,
  };
}

/** Sigma's parallel-edges recipe: spread curvatures of a pair's edges, never more than a readable maximum. */
function curvatureFor(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -curvatureFor(-index, maxIndex);
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

export function createGraphStore() {
  const graph: KgGraph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
  const colors = new TypeColors();
  holdCopyShapes([
    // A palette of its own: the sample must not take a colour from the legend's.
    nodeAttrsFrom({ id: "", labels: [], name: "", properties: {} }, new TypeColors(), 0, 0),
    edgeAttrsFrom({ id: "", type: "", source: "", target: "", properties: {}, evidence: [] }),
  ]);
  const history = new ChangeHistory<Change>();
  const trail = new SelectionTrail<Selection>((a, b) => a.kind === b.kind && a.id === b.id);
  const listeners = new Set<Listener>();
  let filters: FilterState = EMPTY_FILTERS;
  let selection: Selection | null = null;
  let hovered: string | null = null;
  let styleRule: StyleRule | null = null;
  let layoutRunning = false;
  let highlight: Highlight | null = null;
  let pending: Set<Topic> | null = null;

  function emit(...topics: Topic[]): void {
    if (pending) {
      for (const t of topics) pending.add(t);
      return;
    }
    const set = new Set(topics);
    for (const l of [...listeners]) l(set);
  }

  /** Runs `fn` and sends one notification for everything it changed. */
  function batch(fn: () => void): void {
    if (pending) return fn();
    pending = new Set();
    try {
      fn();
    } finally {
      const topics = pending;
      pending = null;
      if (topics.size) emit(...topics);
    }
  }

  function refreshStructure(): void {
    let maxDeg = 1;
    graph.forEachNode((n) => (maxDeg = Math.max(maxDeg, graph.degree(n))));
    graph.updateEachNodeAttributes(
      (n, a) => {
        // In place: history keeps its own copies, and a fresh object per node at 50,000 nodes is mostly garbage.
        a.size = NODE_MIN + (NODE_MAX - NODE_MIN) * Math.sqrt(graph.degree(n) / maxDeg);
        return a;
      },
      // No attribute hints: with hints sigma skips re-indexing, and nodes added in this same tick are not indexed yet.
    );
    indexParallelEdgesIndex(graph as never, {
      edgeIndexAttribute: "parallelIndex",
      edgeMinIndexAttribute: "parallelMinIndex",
      edgeMaxIndexAttribute: "parallelMaxIndex",
    });
    graph.updateEachEdgeAttributes(
      (_e, a) => {
        const idx = a.parallelIndex;
        const curved = typeof idx === "number";
        a.type = curved ? "curved" : "arrow";
        a.curvature = curved ? curvatureFor(idx, Number(a.parallelMaxIndex ?? 1)) : 0;
        return a;
      },
      { attributes: ["type", "curvature"] },
    );
    if (selection && !(selection.kind === "node" ? graph.hasNode(selection.id) : graph.hasEdge(selection.id))) {
      selection = null;
      emit("selection");
    }
    if (hovered && !graph.hasNode(hovered)) hovered = null;
    refreshVisibility();
    emit("graph");
  }

  function refreshVisibility(): void {
    const vis = computeVisibility(
      filters,
      graph.mapNodes((k, a) => [k, a] as [string, NodeAttrs]),
      graph.mapEdges((k, a, s, t) => [k, a, s, t] as [string, EdgeAttrs, string, string]),
    );
    graph.forEachNode((k, a) => {
      const h = vis.hiddenNodes.has(k);
      if (a.hidden !== h) graph.setNodeAttribute(k, "hidden", h);
    });
    graph.forEachEdge((k, a) => {
      const h = vis.hiddenEdges.has(k);
      if (a.hidden !== h) graph.setEdgeAttribute(k, "hidden", h);
    });
    emit("visibility");
  }

  function commit(c: Change): void {
    if (isEmptyChange(c)) return;
    history.record(c);
    emit("history");
  }

  /** Where a new node goes: on a ring around the node it was reached from, or around the graph's centre. */
  function placer(near: string | undefined, count: number) {
    let cx = 0;
    let cy = 0;
    let r = 1;
    if (near && graph.hasNode(near)) {
      const a = graph.getNodeAttributes(near);
      cx = a.x;
      cy = a.y;
    } else if (graph.order > 0) {
      graph.forEachNode((_k, a) => {
        cx += a.x / graph.order;
        cy += a.y / graph.order;
      });
    }
    let extent = 1;
    graph.forEachNode((_k, a) => (extent = Math.max(extent, Math.abs(a.x - cx), Math.abs(a.y - cy))));
    r = near ? Math.max(extent / 8, 1) * (1 + count / 40) : extent * 0.6 + 1;
    let i = 0;
    return () => {
      const angle = (2 * Math.PI * i) / Math.max(count, 1) + (near ? 0.3 : 0);
      i++;
      const jitter = 1 + 0.15 * Math.sin(i * 12.9898);
      return { x: cx + r * jitter * Math.cos(angle), y: cy + r * jitter * Math.sin(angle) };
    };
  }

  function insert(
    nodes: readonly GraphNode[],
    edges: readonly GraphEdge[],
    /** null: a load or restore, which is not undoable, so no copies are kept for a record. */
    change: Change | null,
    near?: string,
    initialSpread = false,
  ): void {
    const fresh = nodes.filter((n) => !graph.hasNode(n.id));
    const seen = new Set<string>();
    const place = placer(near, fresh.length);
    fresh.forEach((n, i) => {
      if (seen.has(n.id)) return;
      seen.add(n.id);
      // A first load starts on a circle: ForceAtlas2 needs distinct starting positions and untangles the rest.
      const pos = initialSpread
        ? {
            x: 100 * Math.cos((2 * Math.PI * i) / fresh.length),
            y: 100 * Math.sin((2 * Math.PI * i) / fresh.length),
          }
        : place();
      const attributes = nodeAttrsFrom(n, colors, pos.x, pos.y);
      graph.addNode(n.id, attributes);
      change?.addedNodes.push({ key: n.id, attributes: { ...attributes } });
    });
    for (const e of edges) {
      if (graph.hasEdge(e.id) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
      const attributes = edgeAttrsFrom(e);
      graph.addEdgeWithKey(e.id, e.source, e.target, attributes);
      change?.addedEdges.push({ key: e.id, source: e.source, target: e.target, attributes: { ...attributes } });
    }
  }

  const store = {
    graph,
    colors,

    /** Replaces everything with a freshly loaded graph; not undoable (it is the starting point). */
    loadGraph(sub: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }): void {
      batch(() => {
        graph.clear();
        history.clear();
        selection = null;
        hovered = null;
        insert(sub.nodes, sub.edges, null, undefined, true);
        refreshStructure();
        emit("history", "selection", "hover");
      });
    },

    /** Replaces everything with a saved view (a workspace): nodes at their saved positions with their hidden and
     *  pinned flags, plus filters and style rule; not undoable (like a load). */
    restoreView(view: SavedView): void {
      batch(() => {
        graph.clear();
        history.clear();
        selection = null;
        hovered = null;
        insert(view.nodes, view.edges, null, undefined, true);
        for (const n of view.nodes) {
          if (!graph.hasNode(n.id)) continue;
          graph.mergeNodeAttributes(n.id, { x: n.x, y: n.y, userHidden: !!n.userHidden, fixed: !!n.fixed });
        }
        filters = view.filters;
        styleRule = view.styleRule;
        refreshStructure();
        emit("history", "selection", "hover", "filters", "style");
      });
    },

    /** Adds the nodes and edges not yet in view (edges only when both ends are); undoable. Returns what was added. */
    addSubgraph(
      sub: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
      opts: { label?: string; near?: string } = {},
    ): { nodes: number; edges: number } {
      const change = emptyChange<NodeAttrs, EdgeAttrs>(opts.label ?? "Add to view");
      batch(() => {
        insert(sub.nodes, sub.edges, change, opts.near);
        if (change.addedNodes.length || change.addedEdges.length) refreshStructure();
        commit(change);
      });
      return { nodes: change.addedNodes.length, edges: change.addedEdges.length };
    },

    /** Makes the view show exactly `sub` (keeping what is already placed), as ONE undoable step. */
    replaceSubgraph(
      sub: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] },
      label = "Replace view",
    ): { nodes: number; edges: number; removed: number } {
      const change = emptyChange<NodeAttrs, EdgeAttrs>(label);
      batch(() => {
        const keep = new Set(sub.nodes.map((n) => n.id));
        const drop = graph.filterNodes((k) => !keep.has(k));
        const edgeKeys = new Set<string>();
        for (const id of drop) graph.forEachEdge(id, (e) => edgeKeys.add(e));
        for (const e of edgeKeys) {
          const [source, target] = graph.extremities(e);
          change.removedEdges.push({ key: e, source, target, attributes: { ...graph.getEdgeAttributes(e) } });
        }
        for (const id of drop) change.removedNodes.push({ key: id, attributes: { ...graph.getNodeAttributes(id) } });
        applyChange(graph, change, "forward");
        insert(sub.nodes, sub.edges, change);
        if (!isEmptyChange(change)) refreshStructure();
        commit(change);
      });
      return { nodes: change.addedNodes.length, edges: change.addedEdges.length, removed: change.removedNodes.length };
    },

    /** Takes nodes (and their relations) out of the view; undoable. */
    removeNodes(ids: readonly string[], label = "Remove from view"): void {
      const change = emptyChange<NodeAttrs, EdgeAttrs>(label);
      batch(() => {
        const drop = ids.filter((id) => graph.hasNode(id));
        const edgeKeys = new Set<string>();
        for (const id of drop) graph.forEachEdge(id, (e) => edgeKeys.add(e));
        for (const e of edgeKeys) {
          change.removedEdges.push({
            key: e,
            source: graph.source(e),
            target: graph.target(e),
            attributes: { ...graph.getEdgeAttributes(e) },
          });
        }
        for (const id of drop) change.removedNodes.push({ key: id, attributes: { ...graph.getNodeAttributes(id) } });
        applyChange(graph, change, "forward");
        if (drop.length) refreshStructure();
        commit(change);
      });
    },

    /** Sets node attributes the user controls (hidden, pinned, position) as one undoable step. */
    setNodeFlags(ids: readonly string[], flags: Partial<Pick<NodeAttrs, "userHidden" | "fixed">>, label: string): void {
      const change = emptyChange<NodeAttrs, EdgeAttrs>(label);
      for (const id of ids) {
        if (!graph.hasNode(id)) continue;
        const a = graph.getNodeAttributes(id);
        const before: Partial<NodeAttrs> = {};
        for (const k of Object.keys(flags) as (keyof typeof flags)[]) before[k] = a[k];
        change.nodeAttrs.push({ key: id, before, after: { ...flags } });
      }
      batch(() => {
        applyChange(graph, change, "forward");
        refreshVisibility();
        commit(change);
      });
    },
    hideNodes(ids: readonly string[]): void {
      store.setNodeFlags(ids, { userHidden: true }, ids.length === 1 ? "Hide node" : `Hide ${ids.length} nodes`);
    },
    showHiddenNodes(): void {
      store.setNodeFlags(
        graph.filterNodes((_k, a) => a.userHidden),
        { userHidden: false },
        "Show hidden nodes",
      );
    },
    pinNodes(ids: readonly string[], pinned: boolean): void {
      store.setNodeFlags(ids, { fixed: pinned }, pinned ? "Pin" : "Unpin");
    },

    /** Records a layout run or a drag as one undoable step, from the positions before it. */
    recordPositions(label: string, before: ReadonlyMap<string, { x: number; y: number }>): void {
      const change = emptyChange<NodeAttrs, EdgeAttrs>(label);
      for (const [key, b] of before) {
        if (!graph.hasNode(key)) continue;
        const { x, y } = graph.getNodeAttributes(key);
        if (x !== b.x || y !== b.y) change.nodeAttrs.push({ key, before: { ...b }, after: { x, y } });
      }
      commit(change);
    },
    positions(): Map<string, { x: number; y: number }> {
      return new Map(graph.mapNodes((k, a) => [k, { x: a.x, y: a.y }] as const));
    },

    undo(): boolean {
      const c = history.undo();
      if (!c) return false;
      batch(() => {
        applyChange(graph, c, "backward");
        refreshStructure();
        emit("history");
      });
      return true;
    },
    redo(): boolean {
      const c = history.redo();
      if (!c) return false;
      batch(() => {
        applyChange(graph, c, "forward");
        refreshStructure();
        emit("history");
      });
      return true;
    },
    undoLabel: (): string | null => history.peekUndo()?.label ?? null,
    redoLabel: (): string | null => history.peekRedo()?.label ?? null,

    get selection(): Selection | null {
      return selection;
    },
    /** Selects a node or edge (or nothing); `trail: false` when moving back/forward so the trail is kept. */
    select(sel: Selection | null, opts: { trail?: boolean } = {}): void {
      if (sel && !(sel.kind === "node" ? graph.hasNode(sel.id) : graph.hasEdge(sel.id))) sel = null;
      if (sel?.kind === selection?.kind && sel?.id === selection?.id) return;
      selection = sel;
      if (sel && opts.trail !== false) trail.visit(sel);
      emit("selection", "history");
    },
    back(): void {
      let s = trail.back();
      while (s && !(s.kind === "node" ? graph.hasNode(s.id) : graph.hasEdge(s.id))) s = trail.back();
      if (s) store.select(s, { trail: false });
    },
    forward(): void {
      let s = trail.forward();
      while (s && !(s.kind === "node" ? graph.hasNode(s.id) : graph.hasEdge(s.id))) s = trail.forward();
      if (s) store.select(s, { trail: false });
    },
    canBack: () => trail.canBack(),
    canForward: () => trail.canForward(),

    get hovered(): string | null {
      return hovered;
    },
    setHovered(node: string | null): void {
      if (node === hovered) return;
      hovered = node;
      emit("hover");
    },

    get filters(): FilterState {
      return filters;
    },
    setFilter(patch: Partial<FilterState>): void {
      filters = { ...filters, ...patch };
      batch(() => {
        refreshVisibility();
        emit("filters");
      });
    },

    get styleRule(): StyleRule | null {
      return styleRule;
    },
    setStyleRule(rule: StyleRule | null): void {
      styleRule = rule;
      emit("style");
    },

    get layoutRunning(): boolean {
      return layoutRunning;
    },
    /**
     * Keeps the text a deferred view left out once POST /api/details has brought it, so the next inspect or export
     * does not ask again. Not a change of the view: no undo step, no event (nothing drawn changes; counts and
     * support came with the view).
     */
    keepDetails(found: {
      nodes?: ReadonlyMap<string, Pick<GraphNode, "properties">>;
      edges?: ReadonlyMap<string, Pick<GraphEdge, "properties" | "evidence">>;
    }): void {
      for (const [id, whole] of found.nodes ?? []) {
        if (!graph.hasNode(id)) continue;
        const a = graph.getNodeAttributes(id);
        a.properties = whole.properties;
        a.detailsDeferred = false;
      }
      for (const [id, whole] of found.edges ?? []) {
        if (!graph.hasEdge(id)) continue;
        const a = graph.getEdgeAttributes(id);
        a.properties = whole.properties;
        a.evidence = whole.evidence;
        a.detailsDeferred = false;
      }
    },

    setLayoutRunning(running: boolean): void {
      if (running === layoutRunning) return;
      layoutRunning = running;
      emit("layout");
    },

    get highlight(): Highlight | null {
      return highlight;
    },
    /** Emphasises these nodes and edges and dims the rest through the renderer's reducers; null ends it. */
    setHighlight(h: { nodes: Iterable<string>; edges: Iterable<string> } | null): void {
      highlight = h ? { nodes: new Set(h.nodes), edges: new Set(h.edges) } : null;
      emit("highlight");
    },

    setTypeColors(entries: readonly { label: string; color: string }[]): void {
      colors.setSchemaColors(entries);
      batch(() => {
        graph.updateEachNodeAttributes((_k, a) => ({ ...a, color: colors.colorOf(a.nodeType) }));
        emit("style");
      });
    },

    counts(): Counts {
      let visibleNodes = 0;
      let visibleEdges = 0;
      graph.forEachNode((_k, a) => void (a.hidden || visibleNodes++));
      graph.forEachEdge((_k, a) => void (a.hidden || visibleEdges++));
      return { nodes: graph.order, visibleNodes, edges: graph.size, visibleEdges };
    },

    /** Calls `fn` after changes, with the topics that changed; returns the unsubscribe function. */
    on(fn: Listener): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return store;
}

export type GraphStore = ReturnType<typeof createGraphStore>;
