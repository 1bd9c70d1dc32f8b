// Runs graphology's ForceAtlas2 worker supervisor (what the product's layout-runner uses, with the same settings)
// on the /api/graph answer, and reports iterations per second, the time to settle (the product's criterion: mean
// movement per 250 ms under 0.15% of the extent) and the longest main-thread task while it runs.
import { MultiDirectedGraph } from "graphology";
import FA2Module from "graphology-layout-forceatlas2/worker.js";
import forceAtlas2 from "graphology-layout-forceatlas2";

type FA2Ctor = typeof FA2Module.default;
const FA2Layout: FA2Ctor = (FA2Module as unknown as { default?: FA2Ctor }).default ?? (FA2Module as unknown as FA2Ctor);

const params = new URLSearchParams(location.search);
const limit = Number(params.get("limit") ?? 2000);
const barnesHut = params.get("bh") !== "0";
const budgetMs = Number(params.get("budgetMs") ?? 12_000);

export interface LayoutReport {
  nodes: number;
  edges: number;
  barnesHut: boolean;
  iterations: number;
  msPerIteration: number;
  settleMs: number | null;
  longestTaskMs: number;
  longTasks: number;
  idleLongestTaskMs: number;
}
declare global {
  interface Window {
    __layout?: LayoutReport | { error: string };
  }
}

function observeLongTasks(): { longest: () => number; count: () => number; stop: () => void } {
  let longest = 0;
  let count = 0;
  const po = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longest = Math.max(longest, e.duration);
      count++;
    }
  });
  po.observe({ type: "longtask", buffered: false });
  return { longest: () => longest, count: () => count, stop: () => po.disconnect() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const sub = (await (await fetch(`/api/graph?limit=${limit}`)).json()) as {
    nodes: { id: string }[];
    edges: { id: string; source: string; target: string }[];
  };
  const graph = new MultiDirectedGraph();
  sub.nodes.forEach((n, i) =>
    graph.addNode(n.id, {
      x: 100 * Math.cos((2 * Math.PI * i) / sub.nodes.length),
      y: 100 * Math.sin((2 * Math.PI * i) / sub.nodes.length),
      size: 4,
    }),
  );
  for (const e of sub.edges)
    if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdgeWithKey(e.id, e.source, e.target);
  // The product's settings (client/src/render/layout-runner.ts), with Barnes-Hut forced on or off.
  const settings = {
    ...forceAtlas2.inferSettings(graph.order || 100),
    gravity: 1,
    scalingRatio: 8,
    slowDown: 4,
    barnesHutOptimize: barnesHut,
  };
  // Main thread without the layout: the same window length, idle page, as the reference.
  const idle = observeLongTasks();
  await sleep(1_000);
  idle.stop();

  let iterations = 0;
  graph.on("eachNodeAttributesUpdated", () => iterations++);
  const tasks = observeLongTasks();
  const fa2 = new FA2Layout(graph, { settings });
  const t0 = performance.now();
  let last = positions(graph);
  let settleMs: number | null = null;
  fa2.start();
  let seen = 0;
  while (performance.now() - t0 < budgetMs) {
    await sleep(250);
    // Only samples with new iterations count: at 50k nodes one iteration can take longer than a sample.
    if (iterations === seen) continue;
    seen = iterations;
    const now = positions(graph);
    if (performance.now() - t0 > 1_000 && meanMove(last, now) < 0.0015) {
      settleMs = performance.now() - t0;
      break;
    }
    last = now;
  }
  const elapsed = performance.now() - t0;
  fa2.stop();
  fa2.kill();
  tasks.stop();
  window.__layout = {
    nodes: graph.order,
    edges: graph.size,
    barnesHut,
    iterations,
    msPerIteration: iterations ? elapsed / iterations : NaN,
    settleMs,
    longestTaskMs: tasks.longest(),
    longTasks: tasks.count(),
    idleLongestTaskMs: idle.longest(),
  };
  document.getElementById("out")!.textContent = JSON.stringify(window.__layout, null, 2);
}

function positions(g: MultiDirectedGraph): Float64Array {
  const out = new Float64Array(g.order * 2);
  let i = 0;
  g.forEachNode((_n, a) => {
    out[i++] = a.x as number;
    out[i++] = a.y as number;
  });
  return out;
}

function meanMove(a: Float64Array, b: Float64Array): number {
  let moved = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < b.length; i += 2) {
    moved += Math.hypot(b[i] - a[i], b[i + 1] - a[i + 1]);
    minX = Math.min(minX, b[i]);
    maxX = Math.max(maxX, b[i]);
    minY = Math.min(minY, b[i + 1]);
    maxY = Math.max(maxY, b[i + 1]);
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
  return b.length ? moved / (b.length / 2) / extent : 0;
}

main().catch((e) => (window.__layout = { error: String(e) }));
