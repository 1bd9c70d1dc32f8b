// The explorer draws nodes and edges with non-instanced copies of sigma's programs (client/src/render/flat-programs.ts,
// for software WebGL's per-instance cost). In a real chromium, the copies must draw the same pixels as sigma's own
// programs and keep picking (hover and click on nodes and edges) working.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
import { launchBrowser, type TestBrowser } from "../support/browser.ts";

interface Drawn {
  layers: { nodes: number[]; edges: number[] };
  nodesPicked: string[];
  edgesPicked: string[];
  nodes: number;
  edges: number;
}

let browser: TestBrowser;
let outDir: string;
let result: { instanced: Drawn; flat: Drawn };

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "kg-flat-programs-"));
  await build({
    configFile: false,
    logLevel: "warn",
    build: {
      outDir,
      lib: {
        entry: join(import.meta.dirname, "flat-programs-page", "main.ts"),
        formats: ["iife"],
        name: "page",
        fileName: () => "page.js",
      },
    },
  });
  browser = await launchBrowser();
  const { page, errors } = await browser.newPage();
  await page.setContent("<!doctype html><body style='margin:0'></body>");
  await page.addScriptTag({ path: join(outDir, "page.js") });
  result = await page.evaluate(() => (window as unknown as { __result: typeof result }).__result);
  expect(errors).toEqual([]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Pixels whose RGBA differs by more than 2 in any channel (rounding in the varyings may move an edge pixel). */
function differing(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) {
    if ([0, 1, 2, 3].some((c) => Math.abs(a[i + c] - b[i + c]) > 2)) n++;
  }
  return n;
}
const painted = (px: number[]) => px.filter((_v, i) => i % 4 === 3 && px[i] > 0).length;

describe("flat (non-instanced) sigma programs", () => {
  it("draw the same node and edge pixels as sigma's instanced programs", () => {
    const { instanced, flat } = result;
    expect(flat.layers.nodes.length).toBe(instanced.layers.nodes.length);
    // Something was drawn on both layers, so equality below is not two blank canvases.
    expect(painted(instanced.layers.nodes)).toBeGreaterThan(1_000);
    expect(painted(instanced.layers.edges)).toBeGreaterThan(500);
    expect(differing(flat.layers.nodes, instanced.layers.nodes)).toBeLessThanOrEqual(
      painted(instanced.layers.nodes) * 0.002,
    );
    expect(differing(flat.layers.edges, instanced.layers.edges)).toBeLessThanOrEqual(
      painted(instanced.layers.edges) * 0.002,
    );
  });

  it("keep picking: every node is found at its own position, and edges where sigma's own programs find them", () => {
    const { flat, instanced } = result;
    expect(flat.nodesPicked.length).toBe(flat.nodes);
    expect(instanced.edgesPicked.length).toBeGreaterThan(2);
    expect(flat.edgesPicked).toEqual(instanced.edgesPicked);
  });
});
