// Draft resolution: in software WebGL (SwiftShader, llvmpipe: no GPU, as on many VMs and remote desktops) a frame
// costs by the pixel. While the layout moves every node each frame, and while the camera moves over a big view, the
// view is drawn at half resolution; once still, it is drawn sharp again (graph-renderer.ts decides when). In
// headless chromium on SwiftShader, a layout frame of 1,000 nodes took a median 43 ms at full resolution and 27 ms at
// half (Chrome trace, ~200 frames each). On a GPU nothing changes.

export const DRAFT_PIXEL_RATIO = 0.5;

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The renderer's own WebGL context names the rasteriser (the debug extension gives the real name behind ANGLE). */
export function usesSoftwareWebGL(renderer: { getCanvases(): Record<string, HTMLCanvasElement> }): boolean {
  const canvas = renderer.getCanvases().nodes;
  const gl = (canvas?.getContext("webgl2") ?? canvas?.getContext("webgl")) as WebGLRenderingContext | null;
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return SOFTWARE_RENDERERS.test(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)));
}

export interface DraftResolution {
  /** Sizes the canvases for a draft (or full) resolution; sigma clears them, so render right after, same task. */
  set(draft: boolean): void;
}

/**
 * sigma v3 sizes its canvases by `window.devicePixelRatio`, read again on every render, and has no setting for it.
 * So the page's ratio is scaled while drafting (the PNG export reads the same ratio, so it stays consistent with the
 * canvases), and the canvases are resized in the same step: a render in between would mix the two ratios.
 */
export function createDraftResolution(renderer: { resize(force?: boolean): unknown }): DraftResolution {
  const own =
    Object.getOwnPropertyDescriptor(window, "devicePixelRatio") ??
    Object.getOwnPropertyDescriptor(Object.getPrototypeOf(window), "devicePixelRatio");
  const device = (): number => Number((own?.get ? own.get.call(window) : own?.value) ?? 1) || 1;
  let factor = 1;
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => device() * factor });
  return {
    set(draft) {
      const next = draft ? DRAFT_PIXEL_RATIO : 1;
      if (next === factor) return;
      factor = next;
      renderer.resize(true);
    },
  };
}
