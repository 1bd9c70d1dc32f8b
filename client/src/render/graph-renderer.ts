// Creates the sigma renderer over the store's graph and keeps what it shows in step with the store through
// reducers only: hover/selection focus (neighbours bright, the rest dimmed), the style rule's colours, forced labels.
// The graph's own attributes stay the data; reducers decide the look, so nothing is rebuilt when the focus changes.
import Sigma from "sigma";
import { MultiDirectedGraph } from "graphology";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import {
  createEdgeCompoundProgram,
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  EdgeLineProgram,
  NodeCircleProgram,
  type EdgeProgramType,
  type NodeProgramType,
} from "sigma/rendering";
import { flatEdgeProgram, flatNodeProgram } from "./flat-programs.ts";
import { pausedWhile } from "./paused-program.ts";
import { createDraftResolution, usesSoftwareWebGL } from "./draft-resolution.ts";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { EdgeAttrs, GraphStore, NodeAttrs } from "../state/graph-store.ts";
import { buildScale, type ScaleFn } from "../state/style-rules.ts";

export const DIM_NODE = "#e4e4e7";
export const DIM_EDGE = "#f1f1f3";
export const SELECTED_EDGE = "#111827";

export type KgSigma = Sigma<NodeAttrs, EdgeAttrs>;

/**
 * Level of detail for big views. Past this many edges a frame is mostly edges (in software WebGL, SwiftShader, per
 * pixel): they are drawn as 1-px lines, hidden with the labels while the camera moves or the layout runs, and edge
 * picking (which draws every edge a second time, into a picking buffer, then reads pixels back) is off. At 10,000
 * nodes a static frame was ~165 ms, ~95 ms of it nodes and fixed costs (npm run bench, #1/#2).
 */
export const LARGE_VIEW_EDGES = 5_000;

/**
 * Nodes are drawn smaller as a view grows: in an overview of thousands of nodes they overlap several times over,
 * every covered pixel is shaded once per node in software WebGL, and the pile reads as one grey disc. Up to this many
 * nodes sizes are as the store sets them; past it they shrink with the square root of the count, never below
 * ×NODE_SCALE_MIN. At 10,000 nodes (×0.45) a frame without edges took ~50 ms instead of ~95 ms. Zooming in still
 * enlarges them.
 */
export const FULL_SIZE_NODES = 2_000;
export const NODE_SCALE_MIN = 0.3;
export function nodeScaleFor(order: number): number {
  return Math.max(NODE_SCALE_MIN, Math.min(1, Math.sqrt(FULL_SIZE_NODES / Math.max(order, 1))));
}

/** How long the camera must be still before a big view is drawn sharp again (software WebGL only). */
export const CAMERA_SETTLE_MS = 200;

/** Relation types are written on edges only when zoomed in this far, or for the hovered/selected neighbourhood:
 *  at overview zoom they pile up along hub edges. */
export const EDGE_LABEL_MAX_RATIO = 0.45;
/** Up to this many nodes in a hovered/selected neighbourhood get their labels (and relation labels) forced. */
export const FORCED_LABELS_MAX = 16;

export function createGraphRenderer(container: HTMLElement, store: GraphStore): KgSigma {
  const { graph } = store;
  let focus: Set<string> | null = null;
  let focusNode: string | null = null;
  let scale: ScaleFn | null = null;
  let large = false;
  const edgesPaused = (): boolean => large && store.layoutRunning;
  let nodeScale = 1;

  function refreshFocus(): void {
    const sel = store.selection;
    focusNode = store.hovered ?? (sel?.kind === "node" ? sel.id : null);
    if (focusNode && graph.hasNode(focusNode)) {
      focus = new Set(graph.neighbors(focusNode));
      focus.add(focusNode);
    } else {
      focus = null;
      focusNode = null;
    }
  }

  function refreshScale(): void {
    const rule = store.styleRule;
    scale = rule
      ? buildScale(
          rule,
          graph.mapNodes((_k, a) => a.properties[rule.property]),
        )
      : null;
  }

  const renderer: KgSigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    defaultEdgeType: "arrow",
    nodeProgramClasses: {
      circle: flatNodeProgram(NodeCircleProgram as unknown as NodeProgramType<NodeAttrs, EdgeAttrs>),
    },
    edgeProgramClasses: {
      arrow: createEdgeCompoundProgram([
        flatEdgeProgram(EdgeClampedProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>),
        flatEdgeProgram(EdgeArrowHeadProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>),
      ]),
      curved: flatEdgeProgram(EdgeCurvedArrowProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>),
      // Big views draw every edge thin, and not at all while the layout runs: the nodes move alone.
      thin: pausedWhile(EdgeLineProgram as unknown as EdgeProgramType<NodeAttrs, EdgeAttrs>, edgesPaused),
    },
    // Labels: a coarse grid with few labels per cell keeps them from piling up; big nodes win their cell.
    labelDensity: 0.6,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 9,
    labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    labelSize: 13,
    labelWeight: "500",
    edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#374151" },
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    stagePadding: 40,
    // The container may have no size yet while the stylesheet loads; the ResizeObserver below catches up.
    allowInvalidContainer: true,
    // Sigma hands each reducer its own shallow copy of the attributes (Object.assign in addNode/addEdge), so the
    // reducers change that copy instead of copying it again: at 100,000 edges the second copy was a measurable
    // share of the first draw (npm run bench, #1).
    nodeReducer: (node, data) => {
      const res: Partial<NodeDisplayData> & Record<string, unknown> = data;
      if (nodeScale !== 1) res.size = data.size * nodeScale;
      const ruleProp = store.styleRule?.property;
      if (scale && ruleProp) {
        const c = scale.colorOf(data.properties[ruleProp]);
        if (c) res.color = c;
      }
      const sel = store.selection;
      if (sel?.kind === "node" && sel.id === node) {
        res.highlighted = true;
        res.forceLabel = true;
        res.zIndex = 3;
      }
      const hl = store.highlight;
      if (hl && !store.hovered) {
        if (hl.nodes.has(node)) {
          res.forceLabel = true;
          res.zIndex = Math.max(Number(res.zIndex ?? 0), 2);
        } else {
          res.color = DIM_NODE;
          res.label = "";
          res.zIndex = 0;
        }
      } else if (focus) {
        if (focus.has(node)) {
          // Forcing every neighbour's label of a hub piles them up: beyond a few, the label grid picks.
          res.forceLabel = node === focusNode || focus.size <= FORCED_LABELS_MAX;
          res.zIndex = Math.max(Number(res.zIndex ?? 0), node === focusNode ? 3 : 2);
        } else {
          res.color = DIM_NODE;
          res.label = "";
          res.zIndex = 0;
        }
      }
      return res;
    },
    edgeReducer: (edge, data) => {
      const res: Partial<EdgeDisplayData> & Record<string, unknown> = data;
      if (large) res.type = "thin";
      const sel = store.selection;
      if (sel?.kind === "edge" && sel.id === edge) {
        res.color = SELECTED_EDGE;
        res.size = data.size + 1.5;
        res.forceLabel = true;
        res.zIndex = 3;
      } else if (store.highlight && !store.hovered) {
        if (store.highlight.edges.has(edge)) {
          res.size = data.size + 1.5;
          res.forceLabel = true;
          res.zIndex = 2;
        } else {
          res.color = DIM_EDGE;
          res.label = "";
          res.zIndex = 0;
        }
      } else if (focusNode) {
        const [s, t] = graph.extremities(edge);
        if (s === focusNode || t === focusNode) {
          res.forceLabel = (focus?.size ?? 0) <= FORCED_LABELS_MAX;
          res.zIndex = 2;
        } else {
          res.color = DIM_EDGE;
          res.label = "";
          res.zIndex = 0;
        }
      }
      return res;
    },
  });

  refreshFocus();
  refreshScale();
  // sigma's scheduleRefresh() schedules only the draw: it re-runs the reducers over every node and edge at once, in
  // the caller's task (~1.1 s at 50,000 nodes when the layout started; npm run bench, #2). So a refresh waits for the
  // next frame, and the several changes of one frame (focus, selection, style, layout) share one. (Run in a task of
  // its own instead, its reprocessing moved past the first frame and the 10k pan's mean frame rose 38.7 → 46.1 ms.)
  // Software WebGL only: half resolution while the layout runs, and while the camera moves over a big view
  // (draft-resolution.ts), switched right before a draw.
  const draft = usesSoftwareWebGL(renderer) ? createDraftResolution(renderer) : null;
  let cameraMoving = false;
  let cameraSettle: ReturnType<typeof setTimeout> | null = null;
  const wantsDraft = (): boolean => store.layoutRunning || cameraMoving;
  let frameQueued = false;
  let reprocessQueued = false;
  /**
   * Draws in the next frame; `reprocess` re-runs every reducer first (sigma's refresh), else it only draws.
   * Detached (a load in progress, see withoutLiveUpdates), sigma holds an empty graph and indexes the loaded one,
   * reducers and all, when it is attached again: nothing needs a frame. At 50,000 nodes, the load's own changes
   * (selection, level of detail, the first layout) had each asked for a second indexing in the first frame: ~2.5 s.
   */
  const requestFrame = (reprocess: boolean): void => {
    if (renderer.getGraph() === DETACHED) return;
    reprocessQueued ||= reprocess;
    if (frameQueued) return;
    frameQueued = true;
    requestAnimationFrame(() => {
      frameQueued = false;
      const full = reprocessQueued;
      reprocessQueued = false;
      if (full) renderer.refresh();
      else renderer.refresh({ partialGraph: {}, skipIndexation: true });
    });
  };
  const requestRefresh = (): void => requestFrame(true);
  // Big views stop drawing their edges while the layout runs (the thin program pauses), and software WebGL drafts.
  const onLayoutChange = (): void => {
    if (large || draft) requestFrame(false);
  };
  // The resolution is chosen at the start of every draw, sigma's own (graph events, camera) included: a resize clears
  // the canvases, so it must come right before a draw, and a draw queued before the layout stopped must not go out
  // at draft resolution after it (a clean-clone CI run caught one such frame).
  if (draft) renderer.on("beforeRender", () => draft.set(wantsDraft()));
  // A pan or zoom over a big view draws at draft resolution (edges and labels are hidden then too) until the camera
  // has been still for CAMERA_SETTLE_MS; sigma draws the camera's moves itself.
  if (draft)
    renderer.getCamera().on("updated", () => {
      if (!large) return;
      cameraMoving = true;
      if (cameraSettle) clearTimeout(cameraSettle);
      cameraSettle = setTimeout(() => {
        cameraMoving = false;
        requestFrame(false);
      }, CAMERA_SETTLE_MS);
    });
  // resize() alone clears the canvas without drawing it again; a refresh also rebuilds the label grid.
  new ResizeObserver(requestRefresh).observe(container);
  function applyLevelOfDetail(): void {
    const scaleNow = nodeScaleFor(graph.order);
    // Nodes already drawn keep their old size until their reducer runs again.
    if (scaleNow !== nodeScale) requestRefresh();
    nodeScale = scaleNow;
    const now = graph.size > LARGE_VIEW_EDGES;
    if (now === large) return;
    large = now;
    renderer.setSettings({ hideEdgesOnMove: large, hideLabelsOnMove: large, enableEdgeEvents: !large });
  }
  applyLevelOfDetail();
  store.on((topics) => {
    if (topics.has("graph")) applyLevelOfDetail();
    if (topics.has("layout")) onLayoutChange();
    if (topics.has("hover") || topics.has("selection") || topics.has("graph")) refreshFocus();
    if (topics.has("style") || topics.has("graph")) refreshScale();
    // Attribute changes reach sigma through the graph's events; focus, selection and style live outside the graph.
    if (topics.has("hover") || topics.has("selection") || topics.has("style") || topics.has("highlight"))
      requestRefresh();
  });

  const updateEdgeLabels = () => {
    // No edge labels over edges not drawn.
    const want =
      !edgesPaused() &&
      (renderer.getCamera().ratio < EDGE_LABEL_MAX_RATIO || focusNode !== null || store.selection?.kind === "edge");
    if (renderer.getSetting("renderEdgeLabels") !== want) renderer.setSetting("renderEdgeLabels", want);
  };
  renderer.getCamera().on("updated", updateEdgeLabels);
  store.on(updateEdgeLabels);
  updateEdgeLabels();

  renderer.on("enterNode", ({ node }) => {
    store.setHovered(node);
    container.style.cursor = "pointer";
  });
  renderer.on("leaveNode", () => {
    store.setHovered(null);
    container.style.cursor = "";
  });
  renderer.on("enterEdge", () => (container.style.cursor = "pointer"));
  renderer.on("leaveEdge", () => (container.style.cursor = ""));
  renderer.on("clickNode", ({ node }) => store.select({ kind: "node", id: node }));
  renderer.on("clickEdge", ({ edge }) => store.select({ kind: "edge", id: edge }));
  renderer.on("clickStage", () => store.select(null));
  return renderer;
}

/** An empty graph sigma watches while the store's graph is rebuilt (see `withoutLiveUpdates`). */
const DETACHED = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();

/**
 * Runs a bulk change of the store's graph (a first load, a restored view) with sigma detached from it. Attached,
 * sigma reacts to every nodeAdded/edgeAdded and to each whole-graph attribute pass: reducers run for every element
 * one to three times and it re-indexes (50,000 nodes / 100,000 edges: seconds; npm run bench, #1). Detached, it
 * indexes the result once, when it is attached again.
 */
export function withoutLiveUpdates(renderer: KgSigma, fn: () => void): void {
  const graph = renderer.getGraph();
  if (graph === DETACHED) return fn();
  renderer.setGraph(DETACHED);
  try {
    fn();
  } finally {
    renderer.setGraph(graph);
  }
}

/** Moves the camera to a node, zooming in if far out. */
export function focusCamera(renderer: KgSigma, node: string, duration = 600): Promise<void> {
  const data = renderer.getNodeDisplayData(node);
  if (!data) return Promise.resolve();
  const camera = renderer.getCamera();
  return camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.5) }, { duration });
}

export function fitView(renderer: KgSigma, duration = 500): Promise<void> {
  return renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration });
}
