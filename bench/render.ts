// #1 Rendering in headless chromium (software WebGL: ANGLE on SwiftShader, 2 shared cores): the product's built
// bundle (dist/client served by the product's app over its API) against the d3-force + SVG baseline fed the same
// /api/graph answer. Both sides: time to first frame, JS heap after opening, and frame time while the same
// scripted mouse pans (drag) and zooms (wheel), measured as the gaps between animation frames: their mean (the
// gesture's time over the frames shown) is the figure, since a median hides the few long frames that redraw the graph.
import type { Browser, Page } from "playwright-core";
import { percentile, median } from "./stats.ts";

export interface RenderSample {
  ok: boolean;
  error?: string;
  nodes: number;
  edges: number;
  firstFrameMs: number | null;
  heapMB: number | null;
  /** Mean gap between animation frames during the gestures. */
  frameMs: number | null;
  frameMedianMs: number | null;
  frameP90Ms: number | null;
  frames: number;
  /** Product only: longest main-thread task while ForceAtlas2 ran, and in as long a window after it stopped. */
  layoutLongestTaskMs?: number | null;
  idleLongestTaskMs?: number | null;
  layoutRunMs?: number | null;
  /** Product only: the same page opened with `?layout=off`, longest task over the same window from its first frame
   *  (what panels mounting and the first draws cost without the layout). */
  noLayoutLongestTaskMs?: number | null;
}

const VIEWPORT = { width: 1280, height: 800 };

/** Records the product's first sigma render that shows the loaded graph, before any product code runs, and when the
 *  task that shows that frame has ended: long-task windows start there. The frame's own task (its first compositing,
 *  ~100–200 ms at 1k here) starts a moment before the animation-frame callback that marks it, so a window opening at
 *  the mark caught it on some runs and not on others (1k, layout off: 163 ms in one run, 0 in another). */
const PRODUCT_HOOK = `
  window.__bench = { firstFrameAt: null, windowFrom: null };
  let kg;
  Object.defineProperty(window, "__kg", {
    configurable: true,
    get() { return kg; },
    set(v) {
      kg = v;
      const onRender = () => {
        if (kg.graph.order > 0 && window.__bench.firstFrameAt === null) {
          kg.sigma.off("afterRender", onRender);
          requestAnimationFrame(() => {
            window.__bench.firstFrameAt = performance.now();
            setTimeout(() => { window.__bench.windowFrom = performance.now(); }, 0);
          });
        }
      };
      kg.sigma.on("afterRender", onRender);
    },
  });
`;

const FRAME_RECORDER = `
  window.__lt = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch {}
  window.__frames = { on: false, t: [] };
  const loop = (t) => { if (window.__frames.on) window.__frames.t.push(t); requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
`;

async function heapMB(page: Page): Promise<number | null> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const h = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    await cdp.detach();
    return h.usedSize / 2 ** 20;
  } catch {
    return null;
  }
}

const DRAG_1 = { x: 25, y: 12 };
const DRAG_2 = { x: -25, y: -10 };
const DRAG_STEPS = 12;

/** Where a drag starts, in viewport pixels: a point on the graph's background with room for the whole drag. */
type DragStart = (step: { x: number; y: number }) => Promise<{ x: number; y: number }>;

/** The product's background: a point where sigma's own picking finds no node and no edge. A press on a node drags
 *  that node (and selects it), which is other work than panning: the first version of this bench pressed the
 *  middle of the canvas, and at 10k and 50k nodes that moved a node on our side while the baseline panned. */
function productBackgroundOn(page: Page): DragStart {
  return async (step) => {
    const p = await page.evaluate(
      ([dx, dy]) => {
        const s = (
          window as unknown as {
            __kg: {
              sigma: {
                getContainer(): HTMLElement;
                getNodeAtPosition(p: { x: number; y: number }): string | null;
                getEdgeAtPoint(x: number, y: number): string | null;
              };
            };
          }
        ).__kg.sigma;
        const r = s.getContainer().getBoundingClientRect();
        // No named inner functions here: tsx would wrap them in a helper (__name) the page does not have.
        for (let y = 10; y < r.height - 10; y += 10)
          for (let x = 10; x < r.width - 10; x += 10) {
            const x2 = x + dx;
            const y2 = y + dy;
            if (x2 < 10 || y2 < 10 || x2 > r.width - 10 || y2 > r.height - 10) continue;
            if (s.getNodeAtPosition({ x, y }) === null && s.getEdgeAtPoint(x, y) === null)
              return { x: r.left + x, y: r.top + y };
          }
        return null;
      },
      [step.x * DRAG_STEPS, step.y * DRAG_STEPS],
    );
    if (!p) throw new Error("no background point to start a drag from: every point of the canvas holds a node or edge");
    return p;
  };
}
/** The baseline pans wherever a drag starts (it has no node dragging): its top-left corner, with room to drag. */
const baselineStart: DragStart = async (step) => ({
  x: step.x < 0 ? 10 - step.x * DRAG_STEPS : 10,
  y: step.y < 0 ? 10 - step.y * DRAG_STEPS : 10,
});

/** The same gestures on both sides: a drag that pans, wheel zooms in and out over the middle, another drag. */
async function panAndZoom(page: Page, dragStart: DragStart): Promise<void> {
  const pause = () => page.waitForTimeout(40);
  const drag = async (step: { x: number; y: number }) => {
    const from = await dragStart(step);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= DRAG_STEPS; i++) {
      await page.mouse.move(from.x + i * step.x, from.y + i * step.y);
      await pause();
    }
    await page.mouse.up();
  };
  await drag(DRAG_1);
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  for (const dy of [-120, -120, -120, -120, 120, 120, 120, 120]) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(120);
  }
  await drag(DRAG_2);
  await page.waitForTimeout(300);
}

async function withPage<T>(browser: Browser, fn: (page: Page, crashed: Promise<never>) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const crashed = new Promise<never>((_, reject) => page.on("crash", () => reject(new Error("the tab crashed"))));
  crashed.catch(() => undefined);
  try {
    return await fn(page, crashed);
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function framesDuring(
  page: Page,
  crashed: Promise<never>,
  dragStart: DragStart,
): Promise<{ mean: number; median: number; p90: number; frames: number }> {
  await page.evaluate(() => {
    const f = (window as unknown as { __frames: { on: boolean; t: number[] } }).__frames;
    f.t = [];
    f.on = true;
  });
  await Promise.race([panAndZoom(page, dragStart), crashed]);
  const t = await page.evaluate(() => {
    const f = (window as unknown as { __frames: { on: boolean; t: number[] } }).__frames;
    f.on = false;
    return f.t;
  });
  const gaps = t.slice(1).map((x, i) => x - t[i]);
  const mean = gaps.length ? (t[t.length - 1] - t[0]) / gaps.length : NaN;
  return { mean, median: median(gaps), p90: percentile(gaps, 90), frames: gaps.length };
}

/** Opens the product page with the bench's hooks and waits for its first frame; returns when it came, and when the
 *  task showing it ended. */
async function openProduct(
  page: Page,
  crashed: Promise<never>,
  url: string,
  timeoutMs: number,
): Promise<{ firstFrameAt: number; windowFrom: number }> {
  await page.addInitScript(PRODUCT_HOOK + FRAME_RECORDER);
  await Promise.race([page.goto(url), crashed]);
  await Promise.race([
    page.waitForFunction(
      () => (window as unknown as { __bench: { windowFrom: number | null } }).__bench.windowFrom !== null,
      null,
      { timeout: timeoutMs, polling: 100 },
    ),
    crashed,
  ]);
  return page.evaluate(() => (window as unknown as { __bench: { firstFrameAt: number; windowFrom: number } }).__bench);
}

export async function measureProduct(
  browser: Browser,
  baseUrl: string,
  limit: number,
  timeoutMs: number,
): Promise<RenderSample> {
  return withPage(browser, async (page, crashed) => {
    try {
      const { windowFrom } = await openProduct(page, crashed, `${baseUrl}/?limit=${limit}`, timeoutMs);
      const info = await page.evaluate(() => {
        const w = window as unknown as {
          __bench: { firstFrameAt: number };
          __kg: { graph: { order: number; size: number } };
        };
        return { firstFrameAt: w.__bench.firstFrameAt, nodes: w.__kg.graph.order, edges: w.__kg.graph.size };
      });
      // Pan and zoom once the layout has stopped, as on the baseline side.
      await Promise.race([
        page.waitForFunction(
          () => !(window as unknown as { __kg: { store: { layoutRunning: boolean } } }).__kg.store.layoutRunning,
          null,
          {
            timeout: 60_000,
            polling: 50,
          },
        ),
        crashed,
      ]);
      const stoppedAt = await page.evaluate(() => performance.now());
      const runMs = stoppedAt - windowFrom;
      await page.waitForTimeout(Math.min(runMs, 2_000));
      const tasks = await page.evaluate(() => (window as unknown as { __lt: [number, number][] }).__lt);
      const longest = (from: number, to: number) =>
        Math.max(0, ...tasks.filter(([t]) => t >= from && t < to).map(([, d]) => d));
      const heap = await heapMB(page);
      const camera = () =>
        page.evaluate(() => {
          const k = (
            window as unknown as {
              __kg: {
                sigma: { getCamera(): { getState(): { x: number; y: number } } };
                store: { selection: unknown };
              };
            }
          ).__kg;
          return { ...k.sigma.getCamera().getState(), selected: k.store.selection !== null };
        });
      const before = await camera();
      const f = await framesDuring(page, crashed, productBackgroundOn(page));
      const after = await camera();
      // The gestures must have panned the view, not picked a node up: same work as the baseline's.
      if (after.selected) throw new Error("a drag selected a node or edge instead of panning");
      if (after.x === before.x && after.y === before.y) throw new Error("the drags did not move the camera");
      return {
        ok: true,
        ...info,
        firstFrameMs: info.firstFrameAt,
        heapMB: heap,
        frameMs: f.mean,
        frameMedianMs: f.median,
        frameP90Ms: f.p90,
        frames: f.frames,
        layoutRunMs: runMs,
        layoutLongestTaskMs: longest(windowFrom, stoppedAt),
        idleLongestTaskMs: longest(stoppedAt, stoppedAt + Math.min(runMs, 2_000)),
      };
    } catch (e) {
      const state = await page
        .evaluate(() => {
          const k = (window as unknown as { __kg?: { graph: { order: number }; ready: boolean } }).__kg;
          return k ? `graph ${k.graph.order} nodes, ready ${k.ready}` : "no __kg";
        })
        .catch(() => "page gone");
      return failed(new Error(`${(e as Error).message?.split("\n")[0]} (${state})`));
    }
  });
}

export async function measureSvgBaseline(
  browser: Browser,
  baseUrl: string,
  limit: number,
  timeoutMs: number,
): Promise<RenderSample> {
  return withPage(browser, async (page, crashed) => {
    try {
      await page.addInitScript(FRAME_RECORDER);
      await Promise.race([
        page.goto(`${baseUrl}/bench/baseline-svg/index.html?limit=${limit}&layoutMs=12000`),
        crashed,
      ]);
      await Promise.race([
        page.waitForFunction(
          () => {
            const s = (window as unknown as { __svg?: { firstFrameAt?: number; error?: string } }).__svg;
            if (s?.error) throw new Error(s.error);
            return s?.firstFrameAt !== undefined;
          },
          null,
          { timeout: timeoutMs, polling: 100 },
        ),
        crashed,
      ]);
      const info = await page.evaluate(() => {
        const s = (window as unknown as { __svg: { firstFrameAt: number; nodes: number; edges: number } }).__svg;
        return { firstFrameAt: s.firstFrameAt, nodes: s.nodes, edges: s.edges };
      });
      await Promise.race([
        page.waitForFunction(() => (window as unknown as { __svg: { settled: boolean } }).__svg.settled, null, {
          timeout: 60_000,
          polling: 250,
        }),
        crashed,
      ]);
      const heap = await heapMB(page);
      const f = await framesDuring(page, crashed, baselineStart);
      return {
        ok: true,
        ...info,
        firstFrameMs: info.firstFrameAt,
        heapMB: heap,
        frameMs: f.mean,
        frameMedianMs: f.median,
        frameP90Ms: f.p90,
        frames: f.frames,
      };
    } catch (e) {
      return failed(e);
    }
  });
}

/** The product page with `?layout=off`: the longest main-thread task from its first frame over `windowMs`, the
 *  window the layout ran in on the same page with the layout on. Same load, same panels, no ForceAtlas2. */
export async function measureProductWithoutLayout(
  browser: Browser,
  baseUrl: string,
  limit: number,
  windowMs: number,
  timeoutMs: number,
): Promise<number | null> {
  return withPage(browser, async (page, crashed) => {
    try {
      const { windowFrom: from } = await openProduct(page, crashed, `${baseUrl}/?limit=${limit}&layout=off`, timeoutMs);
      await page.waitForTimeout(windowMs + 500);
      const tasks = await page.evaluate(() => (window as unknown as { __lt: [number, number][] }).__lt);
      return Math.max(0, ...tasks.filter(([t]) => t >= from && t < from + windowMs).map(([, d]) => d));
    } catch {
      return null;
    }
  });
}

function failed(e: unknown): RenderSample {
  const msg = (e as Error).message?.split("\n")[0] ?? String(e);
  return {
    ok: false,
    error: msg,
    nodes: 0,
    edges: 0,
    firstFrameMs: null,
    heapMB: null,
    frameMs: null,
    frameMedianMs: null,
    frameP90Ms: null,
    frames: 0,
  };
}
