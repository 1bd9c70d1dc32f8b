// Scenario "graph view": the seed graph loads into a WebGL canvas, the layout settles on its own, the status bar
// counts what the API returned, and the legend lists every type in view.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SchemaResponse, SubGraph } from "../../contract/api.ts";
import { saveScreenshot } from "../support/browser.ts";
import { fetchGraph, getJson, openExplorer, startHarness, statusCounts, type Harness } from "./explorer-page.ts";

// A browser, the API and Neo4j share a busy machine: generous per-test time, state-based waits inside.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
let api: SubGraph;

beforeAll(async () => {
  h = await startHarness();
  api = await fetchGraph(h);
});
afterAll(() => h?.close());

describe("graph view", () => {
  it("renders the seed graph with WebGL, counts it, lists its types and settles the layout", async () => {
    const { page, errors } = await openExplorer(h);

    const webgl = await page.evaluate(() => ({
      webgl2: !!document.createElement("canvas").getContext("webgl2"),
      canvases: document.querySelectorAll('[data-testid="graph-canvas"] canvas').length,
    }));
    expect(webgl.webgl2).toBe(true);
    expect(webgl.canvases).toBeGreaterThanOrEqual(3);

    expect(api.nodes.length).toBeGreaterThan(20);
    const counts = await statusCounts(page);
    expect(counts.nodes).toBe(api.nodes.length);
    expect(counts.edges).toBe(api.edges.length);
    const sourceNodes = api.nodes.filter((n) => n.labels.includes("Source")).length;
    expect(counts.visibleNodes).toBe(api.nodes.length - sourceNodes);

    const graphState = await page.evaluate(() => {
      const g = window.__kg!.graph;
      const xs = g.mapNodes((_k, a) => a.x);
      return {
        spread: Math.max(...xs) - Math.min(...xs),
        curved: g.filterEdges((_k, a) => a.type === "curved").length,
        sizes: new Set(g.mapNodes((_k, a) => a.size)).size,
      };
    });
    expect(graphState.spread).toBeGreaterThan(0);
    expect(graphState.sizes).toBeGreaterThan(1);
    const pairs = new Map<string, number>();
    for (const e of api.edges) {
      const k = [e.source, e.target].sort().join("|");
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
    const parallel = [...pairs.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0);
    expect(graphState.curved).toBe(parallel);

    const schema = await getJson<SchemaResponse>(h, "api/schema");
    const legend = await page.$$eval('[data-testid="legend-types"] li', (lis) =>
      lis.map((li) => ({
        type: li.getAttribute("data-type"),
        color: (li.querySelector(".swatch") as HTMLElement).style.background,
      })),
    );
    const types = new Set(api.nodes.map((n) => n.labels.find((l) => l !== "Entity") ?? n.labels[0]));
    expect(new Set(legend.map((l) => l.type))).toEqual(types);
    const known = schema.labels.find((l) => types.has(l.label))!;
    const swatch = await page.evaluate((c) => {
      const el = document.createElement("span");
      el.style.background = c;
      return el.style.background;
    }, known.color);
    expect(legend.find((l) => l.type === known.label)!.color).toBe(swatch);

    expect(await page.textContent('[data-testid="layout-state"]')).toBe("Layout idle");
    await saveScreenshot(page, "graph-view");
    expect(errors).toEqual([]);
  });

  it("starts and stops the layout from its button, and records the run for undo", async () => {
    const { page } = await openExplorer(h);
    await page.click('[data-testid="layout-toggle"]');
    await page.waitForFunction(() => window.__kg!.store.layoutRunning);
    // The worker iterates faster than frames are drawn on the seed graph; the graph takes its positions at most
    // once a frame (each update re-runs sigma's reducers over every node).
    const paced = await page.evaluate(
      () =>
        new Promise<{ updates: number; frames: number }>((resolve) => {
          const g = window.__kg!.graph;
          let updates = 0;
          let frames = 0;
          const onUpdate = () => updates++;
          g.on("eachNodeAttributesUpdated", onUpdate);
          const tick = () => {
            frames++;
            if (frames < 40) requestAnimationFrame(tick);
            else {
              g.off("eachNodeAttributesUpdated", onUpdate);
              resolve({ updates, frames });
            }
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(paced.updates).toBeGreaterThan(0);
    expect(paced.updates).toBeLessThanOrEqual(paced.frames + 1);
    await page.click('[data-testid="layout-toggle"]');
    await page.waitForFunction(() => !window.__kg!.store.layoutRunning);
    expect(await page.evaluate(() => window.__kg!.store.undoLabel())).toBe("Layout");
  });

  it("opens with ?layout=off without running the layout: nodes stay put until the layout is started", async () => {
    const { page } = await openExplorer(h, "?layout=off");
    const positions = () => page.evaluate(() => window.__kg!.graph.mapNodes((_k, a) => [a.x, a.y]));
    const before = await positions();
    await page.waitForTimeout(1_500);
    expect(await page.evaluate(() => window.__kg!.store.layoutRunning)).toBe(false);
    expect(await positions()).toEqual(before);
    await page.click('[data-testid="layout-toggle"]');
    await page.waitForFunction(() => window.__kg!.store.layoutRunning);
    await page.waitForTimeout(500);
    expect(await positions()).not.toEqual(before);
  });

  it("draws at half resolution while the layout runs in software WebGL, sharp once it stops, and picks nodes in both", async () => {
    const { page } = await openExplorer(h);
    // This chromium rasterises WebGL in software (SwiftShader), where the explorer drafts while the layout runs.
    const state = () =>
      page.evaluate(
        () =>
          new Promise<{ canvas: number; css: number; ratio: number; picked: number; drawn: number }>((resolve) => {
            const s = window.__kg!.sigma;
            // sigma's own picking, as its mouse events use it (private in its types)
            const pick = (p: { x: number; y: number }) =>
              (s as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition(p);
            s.once("afterRender", () => {
              // In the same task as the draw: positions and the picking buffer are those of that frame.
              let picked = 0;
              let drawn = 0;
              for (const node of window.__kg!.graph.nodes()) {
                const d = s.getNodeDisplayData(node);
                if (!d || d.hidden) continue;
                drawn++;
                const p = s.framedGraphToViewport(d);
                if (pick(p) === node) picked++;
              }
              resolve({
                canvas: s.getCanvases().nodes.width,
                css: Math.round(s.getContainer().getBoundingClientRect().width),
                ratio: window.devicePixelRatio,
                picked,
                drawn,
              });
            });
            s.scheduleRender();
          }),
      );
    const sharp = await state();
    expect(sharp.ratio).toBe(1);
    expect(sharp.canvas).toBe(sharp.css);
    await page.click('[data-testid="layout-toggle"]');
    await page.waitForFunction(() => window.__kg!.store.layoutRunning);
    const draft = await state();
    expect(draft.canvas).toBe(Math.floor(draft.css / 2));
    expect(draft.ratio).toBe(0.5);
    // Nodes hidden under others cannot be picked at either resolution; the draft finds nearly as many.
    expect(sharp.picked / sharp.drawn).toBeGreaterThan(0.6);
    expect(draft.picked / draft.drawn).toBeGreaterThan(0.6);
    await page.click('[data-testid="layout-toggle"]');
    await page.waitForFunction(() => !window.__kg!.store.layoutRunning);
    const after = await state();
    expect(after.canvas).toBe(after.css);
    expect(after.ratio).toBe(1);
  });
});
