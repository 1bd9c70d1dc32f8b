// Test page: draws one small graph twice, with sigma's instanced programs and with the flat copies the explorer
// uses (client/src/render/flat-programs.ts), and reports the pixels of each WebGL layer and what picking finds.
import Sigma from "sigma";
import { MultiDirectedGraph } from "graphology";
import type { Attributes } from "graphology-types";
import {
  createEdgeCompoundProgram,
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  NodeCircleProgram,
  type EdgeProgramType,
  type NodeProgramType,
} from "sigma/rendering";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import { flatEdgeProgram, flatNodeProgram } from "../../../client/src/render/flat-programs.ts";

type Programs = { nodes: Record<string, NodeProgramType>; edges: Record<string, EdgeProgramType> };

const INSTANCED: Programs = {
  nodes: { circle: NodeCircleProgram },
  edges: { curved: EdgeCurvedArrowProgram as unknown as EdgeProgramType },
};
const FLAT: Programs = {
  nodes: { circle: flatNodeProgram(NodeCircleProgram) },
  edges: {
    arrow: createEdgeCompoundProgram([flatEdgeProgram(EdgeClampedProgram), flatEdgeProgram(EdgeArrowHeadProgram)]),
    curved: flatEdgeProgram(EdgeCurvedArrowProgram as unknown as EdgeProgramType),
  },
};

function buildGraph(): MultiDirectedGraph {
  const g = new MultiDirectedGraph();
  const n = 12;
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    g.addNode(`n${i}`, {
      x: Math.cos(a) * 10,
      y: Math.sin(a) * 10,
      size: 6 + (i % 4) * 3,
      color: `hsl(${i * 30},70%,45%)`,
    });
  }
  for (let i = 0; i < n; i++) {
    g.addEdgeWithKey(`e${i}`, `n${i}`, `n${(i + 5) % n}`, { size: 1 + (i % 3), color: "#6b7280" });
  }
  // Two parallel edges drawn as curves, both ways.
  g.addEdgeWithKey("c1", "n0", "n3", { size: 2, color: "#2563eb", type: "curved", curvature: 0.4 });
  g.addEdgeWithKey("c2", "n3", "n0", { size: 2, color: "#dc2626", type: "curved", curvature: 0.4 });
  return g;
}

function pixels(canvas: HTMLCanvasElement): number[] {
  const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext;
  const out = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, out);
  return Array.from(out);
}

function draw(programs: Programs) {
  const container = document.createElement("div");
  container.style.cssText = "width:400px;height:300px;position:absolute;left:0;top:0";
  document.body.appendChild(container);
  const graph = buildGraph();
  const sigma = new Sigma(graph, container, {
    enableEdgeEvents: true,
    defaultEdgeType: "arrow",
    renderLabels: false,
    nodeProgramClasses: programs.nodes,
    edgeProgramClasses: programs.edges,
  });
  sigma.refresh();
  // Read in the same task as the draw: the canvases do not preserve their buffers past the frame.
  const canvases = sigma.getCanvases();
  const layers = { nodes: pixels(canvases.nodes), edges: pixels(canvases.edges) };
  const s = sigma as unknown as {
    getNodeAtPosition(p: { x: number; y: number }): string | null;
    getEdgeAtPoint(x: number, y: number): string | null;
  };
  const at = (a: Attributes) => sigma.graphToViewport({ x: a.x as number, y: a.y as number });
  const nodesPicked = graph.filterNodes((node, a) => s.getNodeAtPosition(at(a)) === node);
  const edgesPicked = graph.filterEdges((edge, a, _src, _tgt, sa, ta) => {
    if (a.type === "curved") return true; // the midpoint of a curve is off its chord
    return [0.3, 0.5, 0.7].some((t) => {
      const [p0, p1] = [at(sa), at(ta)];
      const p = { x: p0.x + (p1.x - p0.x) * t, y: p0.y + (p1.y - p0.y) * t };
      return s.getEdgeAtPoint(p.x, p.y) === edge;
    });
  });
  sigma.kill();
  container.remove();
  return { layers, nodesPicked, edgesPicked, nodes: graph.order, edges: graph.size };
}

(window as unknown as { __result: unknown }).__result = { instanced: draw(INSTANCED), flat: draw(FLAT) };
