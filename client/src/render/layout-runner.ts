// Runs ForceAtlas2 in a web worker and stops it on its own once nodes barely move or the time budget is spent;
// every run after the first is recorded as one undoable layout change. Pinned nodes (`fixed`) stay where they are.
import FA2Module from "graphology-layout-forceatlas2/worker.js";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { GraphStore } from "../state/graph-store.ts";

// The package is CommonJS: TypeScript sees the class on `.default`, bundlers hand over `module.exports` itself.
type FA2Ctor = typeof FA2Module.default;
const FA2Layout: FA2Ctor = (FA2Module as unknown as { default?: FA2Ctor }).default ?? (FA2Module as unknown as FA2Ctor);

export interface LayoutRunner {
  start(opts?: { record?: boolean }): void;
  stop(): void;
  toggle(): void;
  pauseForDrag(): void;
  resumeAfterDrag(): void;
  kill(): void;
}

const SAMPLE_MS = 250;
const MIN_RUN_MS = 1_000;
/** Mean movement per sample, as a share of the graph's extent, under which the layout counts as settled. */
const SETTLED = 0.0015;
/** ForceAtlas2 starts slowly (its speed adapts upwards): over its first iterations a big graph moves little, and a
 *  10,000-node view was judged settled 1.5–2.4 s after it started (npm run bench, #2). Counted in position updates,
 *  each one or more iterations (paceToFrames), so at least this many iterations. */
const MIN_UPDATES = 30;

/** Our settings over graphology's inferred ones for a graph of `order` nodes (Barnes-Hut past 2,000 nodes). */
function settingsFor(order: number) {
  return { ...forceAtlas2.inferSettings(Math.max(order, 100)), gravity: 1, scalingRatio: 8, slowDown: 4 };
}

/** What paceToFrames uses of graphology's supervisor (worker.js): plain properties of its instances. */
interface SupervisorInternals {
  worker: Worker;
  running: boolean;
  matrices: { nodes: Float32Array };
  handleMessage: (event: MessageEvent<{ nodes: ArrayBuffer }>) => void;
  askForIterations(): void;
}
/** Floats per node in ForceAtlas2's node matrix (graphology-layout-forceatlas2/helpers.js, PPN): x, y first. */
const FA2_FLOATS_PER_NODE = 10;

/**
 * graphology's supervisor writes every iteration into the graph as the worker answers: at 1,000 nodes that is
 * ~150 answers a second, and sigma re-runs every node's reducer twice for each (a copy of its attributes each time),
 * while a frame shows one of them. The worker keeps its pace; the graph takes the newest positions once a frame.
 * Returns a flush for stop() (the positions recorded for undo must be the last ones) and a dispose.
 */
function paceToFrames(supervisor: object, graph: GraphStore["graph"]): { flush(): void; dispose(): void } {
  const s = supervisor as SupervisorInternals;
  let latest: Float32Array | null = null;
  let queued = false;
  const flush = (): void => {
    queued = false;
    const m = latest;
    latest = null;
    if (!m || m.length !== graph.order * FA2_FLOATS_PER_NODE) return;
    let i = 0;
    graph.updateEachNodeAttributes((_node, a) => {
      a.x = m[i];
      a.y = m[i + 1];
      i += FA2_FLOATS_PER_NODE;
      return a;
    });
  };
  // Positions are by node order: an answer computed before nodes came or went must not be written after.
  const drop = (): void => {
    latest = null;
  };
  graph.on("nodeAdded", drop);
  graph.on("nodeDropped", drop);
  graph.on("cleared", drop);
  s.worker.removeEventListener("message", s.handleMessage);
  // A new worker (the supervisor spawns one when the graph changes) is given `handleMessage` too.
  s.handleMessage = (event) => {
    if (!s.running) return;
    const matrix = new Float32Array(event.data.nodes);
    latest = matrix.slice(); // the matrix's buffer goes back to the worker with the next request
    s.matrices.nodes = matrix;
    s.askForIterations();
    if (!queued) {
      queued = true;
      // After the next frame, in a task of its own, so its work does not add to the frame's draw. (The bench's
      // longest layout task at 10k nodes stayed ~230 ms either way; #2.)
      requestAnimationFrame(() => setTimeout(flush, 0));
    }
  };
  s.worker.addEventListener("message", s.handleMessage);
  return {
    flush,
    dispose() {
      latest = null;
      graph.off("nodeAdded", drop);
      graph.off("nodeDropped", drop);
      graph.off("cleared", drop);
    },
  };
}

export function createLayoutRunner(store: GraphStore): LayoutRunner {
  const { graph } = store;
  // The supervisor is made at the first start, for the graph's size then, and made again when the size crosses the
  // Barnes-Hut threshold: made with the page (0 nodes) it ran without Barnes-Hut at any size, 3 s an iteration at
  // 10,000 nodes (npm run bench, #2), and it restarted its worker on each of the first load's node/edge events.
  let fa2: InstanceType<FA2Ctor> | null = null;
  let pacing: { flush(): void; dispose(): void } | null = null;
  let barnesHut = false;
  function supervisor(): InstanceType<FA2Ctor> {
    const settings = settingsFor(graph.order);
    if (!fa2 || settings.barnesHutOptimize !== barnesHut) {
      fa2?.kill();
      pacing?.dispose();
      fa2 = new FA2Layout(graph, { settings });
      pacing = paceToFrames(fa2, graph);
      barnesHut = !!settings.barnesHutOptimize;
    }
    return fa2;
  }
  const isRunning = () => fa2?.isRunning() ?? false;
  let timer: ReturnType<typeof setInterval> | null = null;
  let startedAt = 0;
  let before: Map<string, { x: number; y: number }> | null = null;
  let record = true;
  let last: Map<string, { x: number; y: number }> = new Map();
  let resumeAfter = false;

  function budgetMs(): number {
    return Math.min(12_000, 2_500 + graph.order * 15);
  }

  // Position updates seen so far: a sample taken before the next one would see no movement and call the layout
  // settled (at 10,000 nodes one iteration takes longer than a sample; npm run bench, #2).
  let updates = 0;
  let sampledAt = 0;
  let startUpdates = 0;
  graph.on("eachNodeAttributesUpdated", () => updates++);

  function sample(): void {
    if (updates === sampledAt && Date.now() - startedAt <= budgetMs()) return;
    sampledAt = updates;
    const now = store.positions();
    let moved = 0;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const [k, p] of now) {
      const q = last.get(k);
      if (q) moved += Math.hypot(p.x - q.x, p.y - q.y);
      minX = Math.min(minX, p.x);
      maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y);
      maxY = Math.max(maxY, p.y);
    }
    last = now;
    const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
    const mean = now.size ? moved / now.size / extent : 0;
    const elapsed = Date.now() - startedAt;
    const judged = elapsed > MIN_RUN_MS && updates - startUpdates >= MIN_UPDATES;
    if ((judged && mean < SETTLED) || elapsed > budgetMs()) runner.stop();
  }

  const runner: LayoutRunner = {
    start(opts = {}) {
      if (isRunning() || graph.order === 0) return;
      record = opts.record ?? true;
      before = store.positions();
      last = before;
      startedAt = Date.now();
      startUpdates = updates;
      supervisor().start();
      timer = setInterval(sample, SAMPLE_MS);
      store.setLayoutRunning(true);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (!fa2?.isRunning()) return;
      fa2.stop();
      pacing?.flush();
      if (before && record) store.recordPositions("Layout", before);
      before = null;
      store.setLayoutRunning(false);
    },
    toggle() {
      if (isRunning()) runner.stop();
      else runner.start();
    },
    pauseForDrag() {
      resumeAfter = isRunning();
      if (resumeAfter) runner.stop();
    },
    resumeAfterDrag() {
      if (resumeAfter) runner.start();
      resumeAfter = false;
    },
    kill() {
      runner.stop();
      fa2?.kill();
      fa2 = null;
      pacing?.dispose();
      pacing = null;
    },
  };
  return runner;
}
