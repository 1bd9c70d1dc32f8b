// Scenario "big view": past 5,000 edges the explorer draws for speed. While the layout runs, the edges are hidden and
// (in software WebGL, as in this chromium) the view is drawn at half resolution; a pan does the same until the
// camera is still; then everything is drawn sharp again and nodes can be clicked.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import { applySchema, loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";
import { bigGraphDocument, writeDocument } from "../support/security-graphs.ts";
import { clearDatabase } from "../support/test-db.ts";
import { saveScreenshot } from "../support/browser.ts";
import { clickNode, startHarness, waitForLayoutIdle, type Harness } from "./explorer-page.ts";

vi.setConfig({ testTimeout: 180_000 });

const ENTITIES = 2_500;
/** graph-renderer.ts LARGE_VIEW_EDGES (that module needs a browser to load). */
const LARGE_VIEW_EDGES = 5_000;
let h: Harness;
const dir = mkdtempSync(join(tmpdir(), "kg-big-view-"));

beforeAll(async () => {
  h = await startHarness(async (db) => {
    await clearDatabase(db);
    await applySchema(db);
    const file = writeDocument(
      join(dir, "big.json"),
      bigGraphDocument({ entities: ENTITIES, relationsPerEntity: 3, prefix: "big" }),
    );
    await loadGraph(db, readGraphDocuments([file]), "big");
  });
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the last frame drew: canvas width against the container's, and how many pixels the edge layer painted. */
function drawn(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ canvas: number; css: number; edgePixels: number; edges: number }>((resolve) => {
        const s = window.__kg!.sigma;
        s.once("afterRender", () => {
          // In the same task as the draw, before the frame is presented: the drawing buffer still holds it.
          const canvas = s.getCanvases().edges;
          const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext;
          const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
          gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
          let edgePixels = 0;
          for (let i = 3; i < px.length; i += 4) if (px[i] > 0) edgePixels++;
          resolve({
            canvas: s.getCanvases().nodes.width,
            css: Math.round(s.getContainer().getBoundingClientRect().width),
            edgePixels,
            edges: window.__kg!.graph.size,
          });
        });
        s.scheduleRender();
      }),
  );
}

describe("big view", () => {
  it("hides edges and drafts while the layout runs or the camera moves, then draws everything sharp", async () => {
    const { page, errors } = await h.browser.newPage();
    await page.goto(new URL(`?limit=${ENTITIES}`, h.server.url).href);
    await page.waitForFunction(() => window.__kg?.ready === true && window.__kg.store.layoutRunning, null, {
      timeout: 60_000,
    });
    const running = await drawn(page);
    expect(running.edges).toBeGreaterThan(LARGE_VIEW_EDGES);
    expect(running.edgePixels).toBe(0);
    expect(running.canvas).toBe(Math.floor(running.css / 2));

    await waitForLayoutIdle(page);
    const still = await drawn(page);
    // 7,500 one-pixel lines over the view.
    expect(still.edgePixels).toBeGreaterThan(10_000);
    expect(still.canvas).toBe(still.css);

    // A drag from the background pans; mid-drag the view is a draft, and sharp again once the camera is still.
    const from = await page.evaluate(() => {
      const s = window.__kg!.sigma as unknown as {
        getContainer(): HTMLElement;
        getNodeAtPosition(p: { x: number; y: number }): string | null;
      };
      const r = s.getContainer().getBoundingClientRect();
      for (let y = 10; y < r.height - 10; y += 10)
        for (let x = 10; x < r.width / 2; x += 10)
          if (s.getNodeAtPosition({ x, y }) === null) return { x: r.left + x, y: r.top + y };
      throw new Error("no background to drag from");
    });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 30, { steps: 6 });
    const moving = await drawn(page);
    expect(moving.canvas).toBe(Math.floor(moving.css / 2));
    await page.mouse.up();
    await page.waitForFunction(
      () => {
        const s = window.__kg!.sigma;
        return s.getCanvases().nodes.width === Math.round(s.getContainer().getBoundingClientRect().width);
      },
      null,
      { timeout: 5_000 },
    );
    expect(await page.evaluate(() => window.__kg!.store.selection)).toBeNull();

    // A node drawn on top at its own centre (in a dense view, others cover many).
    const node = await page.evaluate(() => {
      const s = window.__kg!.sigma;
      const pick = (p: { x: number; y: number }) =>
        (s as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition(p);
      return window.__kg!.graph.nodes().find((n) => pick(s.framedGraphToViewport(s.getNodeDisplayData(n)!)) === n)!;
    });
    await clickNode(page, node);
    expect(await page.evaluate(() => window.__kg!.store.selection?.id)).toBe(node);
    await saveScreenshot(page, "big-view");
    expect(errors).toEqual([]);
  });
});
