// Dragging nodes with the mouse (sigma's drag recipe): the node follows the pointer, the camera stays still, the
// layout leaves it alone while it moves, and the move is recorded as one undoable step when the button is released.
import type { GraphStore } from "../state/graph-store.ts";
import type { KgSigma } from "./graph-renderer.ts";
import type { LayoutRunner } from "./layout-runner.ts";

export function enableNodeDrag(renderer: KgSigma, store: GraphStore, layout: LayoutRunner): void {
  const { graph } = store;
  let dragged: string | null = null;
  let moved = false;
  let before: Map<string, { x: number; y: number }> | null = null;
  let wasFixed = false;

  renderer.on("downNode", ({ node }) => {
    dragged = node;
    moved = false;
    const a = graph.getNodeAttributes(node);
    before = new Map([[node, { x: a.x, y: a.y }]]);
    wasFixed = a.fixed;
  });

  renderer.getMouseCaptor().on("mousemovebody", (e) => {
    if (!dragged) return;
    if (!moved) {
      moved = true;
      // Freeze the frame while dragging, or sigma re-fits the view to the moving node at every step.
      renderer.setCustomBBox(renderer.getBBox());
      layout.pauseForDrag();
      graph.setNodeAttribute(dragged, "fixed", true);
    }
    const pos = renderer.viewportToGraph(e);
    graph.setNodeAttribute(dragged, "x", pos.x);
    graph.setNodeAttribute(dragged, "y", pos.y);
    e.preventSigmaDefault();
    e.original.preventDefault();
    e.original.stopPropagation();
  });

  const end = () => {
    if (dragged && moved && before) {
      if (graph.hasNode(dragged)) graph.setNodeAttribute(dragged, "fixed", wasFixed);
      store.recordPositions("Move node", before);
      renderer.setCustomBBox(null);
      layout.resumeAfterDrag();
    }
    dragged = null;
    before = null;
  };
  renderer.getMouseCaptor().on("mouseup", end);
  renderer.getMouseCaptor().on("mouseleave", end);
}
