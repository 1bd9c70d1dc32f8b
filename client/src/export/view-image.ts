// The view as a PNG: sigma v3 draws on several stacked canvases (WebGL edges and nodes, 2D labels ...). Right after a
// synchronous render, in the same task, the WebGL buffers still hold the frame, so the layers are copied in DOM
// order onto one canvas over a white background. No extra dependency needed for that.
import type { KgSigma } from "../render/graph-renderer.ts";

/** Layers that hold interaction state, not the picture. */
const SKIPPED_LAYERS = new Set(["mouse"]);

export function renderViewToCanvas(renderer: KgSigma): HTMLCanvasElement {
  renderer.refresh();
  const container = renderer.getContainer();
  const { width, height } = container.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement("canvas");
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const g = out.getContext("2d")!;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, out.width, out.height);
  const layers = renderer.getCanvases();
  const skipped = new Set([...SKIPPED_LAYERS].map((k) => layers[k]).filter(Boolean));
  for (const c of container.querySelectorAll("canvas")) {
    if (skipped.has(c)) continue;
    g.drawImage(c, 0, 0, out.width, out.height);
  }
  return out;
}

export function viewToPngBlob(renderer: KgSigma): Promise<Blob> {
  const canvas = renderViewToCanvas(renderer);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error("export: the browser could not encode the PNG"))),
      "image/png",
    ),
  );
}
