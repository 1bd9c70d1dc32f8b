// The Neo4j Browser approach, minimal: d3-force on the main thread, one SVG <line> per edge and one <circle> +
// <text> per node, pan by drag and zoom by wheel through a transform on one <g>. Fed the same /api/graph answer
// the product gets (`?limit=N`, the columns form) and decoded by the product's decoder, so both sides draw the same
// graph from the same bytes.
import type { GraphColumns } from "../../contract/api.ts";
import { decodeGraphColumns } from "../../client/src/api/decode-graph-columns.ts";
import { forceSimulation, forceLink, forceManyBody, forceCenter, type SimulationNodeDatum } from "d3-force";

interface Node extends SimulationNodeDatum {
  id: string;
  name: string;
  label: string;
}
interface Link {
  source: Node | string;
  target: Node | string;
}

const NS = "http://www.w3.org/2000/svg";
const COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"];
const params = new URLSearchParams(location.search);
const limit = Number(params.get("limit") ?? 1000);
const layoutMs = Number(params.get("layoutMs") ?? 12_000);

declare global {
  interface Window {
    __svg?: { firstFrameAt?: number; nodes: number; edges: number; settled: boolean; error?: string };
  }
}
window.__svg = { nodes: 0, edges: 0, settled: false };

async function main(): Promise<void> {
  const res = await fetch(`/api/graph?format=columns&limit=${limit}`);
  const sub = decodeGraphColumns((await res.json()) as GraphColumns);
  const nodes: Node[] = sub.nodes.map((n) => ({
    id: n.id,
    name: n.name,
    label: n.labels.find((l) => l !== "Entity") ?? "",
  }));
  const links: Link[] = sub.edges.map((e) => ({ source: e.source, target: e.target }));
  const labelColor = new Map<string, string>();
  const colorOf = (l: string) => {
    if (!labelColor.has(l)) labelColor.set(l, COLORS[labelColor.size % COLORS.length]);
    return labelColor.get(l)!;
  };
  const edgesG = document.getElementById("edges")!;
  const nodesG = document.getElementById("nodes")!;
  const zoomG = document.getElementById("zoom")!;
  const svg = document.getElementById("view") as unknown as SVGSVGElement;
  const w = window.innerWidth;
  const h = window.innerHeight;

  const sim = forceSimulation(nodes)
    .force(
      "link",
      forceLink<Node, Link>(links)
        .id((d) => d.id)
        .distance(30),
    )
    .force("charge", forceManyBody().strength(-30))
    .force("center", forceCenter(w / 2, h / 2))
    .stop();
  const lineEls = links.map(() => {
    const l = document.createElementNS(NS, "line");
    edgesG.appendChild(l);
    return l;
  });
  const nodeEls = nodes.map((n) => {
    const g = document.createElementNS(NS, "g");
    const c = document.createElementNS(NS, "circle");
    c.setAttribute("r", "5");
    c.setAttribute("fill", colorOf(n.label));
    const t = document.createElementNS(NS, "text");
    t.setAttribute("x", "7");
    t.setAttribute("y", "3");
    t.textContent = n.name;
    g.append(c, t);
    nodesG.appendChild(g);
    return g;
  });
  const draw = () => {
    links.forEach((l, i) => {
      const s = l.source as Node;
      const t = l.target as Node;
      const el = lineEls[i];
      el.setAttribute("x1", String(s.x));
      el.setAttribute("y1", String(s.y));
      el.setAttribute("x2", String(t.x));
      el.setAttribute("y2", String(t.y));
    });
    nodes.forEach((n, i) => nodeEls[i].setAttribute("transform", `translate(${n.x},${n.y})`));
  };
  draw();
  window.__svg!.nodes = nodes.length;
  window.__svg!.edges = links.length;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      window.__svg!.firstFrameAt = performance.now();
    }),
  );

  // The layout runs on the main thread, as in Neo4j Browser, for at most layoutMs, redrawing each frame.
  const started = performance.now();
  const step = () => {
    sim.tick();
    draw();
    if (sim.alpha() > sim.alphaMin() && performance.now() - started < layoutMs) requestAnimationFrame(step);
    else window.__svg!.settled = true;
  };
  requestAnimationFrame(step);

  // d3-zoom's behaviour, by hand: wheel zooms around the pointer, drag pans.
  let k = 1;
  let tx = 0;
  let ty = 0;
  const apply = () => zoomG.setAttribute("transform", `translate(${tx},${ty}) scale(${k})`);
  svg.addEventListener(
    "wheel",
    (e) => {
      e.preventDefault();
      const f = Math.pow(2, -e.deltaY * 0.002);
      tx = e.clientX - (e.clientX - tx) * f;
      ty = e.clientY - (e.clientY - ty) * f;
      k *= f;
      apply();
    },
    { passive: false },
  );
  let drag: { x: number; y: number } | null = null;
  svg.addEventListener("pointerdown", (e) => (drag = { x: e.clientX - tx, y: e.clientY - ty }));
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    tx = e.clientX - drag.x;
    ty = e.clientY - drag.y;
    apply();
  });
  svg.addEventListener("pointerup", () => (drag = null));
}

main().catch((e) => (window.__svg!.error = String(e)));
