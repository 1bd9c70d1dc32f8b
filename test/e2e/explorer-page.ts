// Shared steps of the browser scenarios: start the real server on the test Neo4j and a headless chromium, open the
// explorer and wait for STATE (graph loaded, layout settled) through `window.__kg`, never for fixed times.
import type { Page } from "playwright-core";
import type { SubGraph } from "../../contract/api.ts";
import type { Database } from "../../server/neo4j/database.ts";
import { idFromProperty } from "../../server/neo4j/ids.ts";
import { testDatabase, resetToSeed } from "../support/test-db.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";
import { launchBrowser, type TestBrowser } from "../support/browser.ts";

export interface Harness {
  db: Database;
  server: TestServer;
  browser: TestBrowser;
  close(): Promise<void>;
}

/** Seed graph (or `prepare`'s data), a server and a browser; close() tears all three down. */
export async function startHarness(prepare: (db: Database) => Promise<void> = resetToSeed): Promise<Harness> {
  const db = testDatabase();
  await prepare(db);
  const server = await startTestServer(db);
  const browser = await launchBrowser();
  return {
    db,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await db.close();
    },
  };
}

export async function getJson<T>(h: Harness, path: string): Promise<T> {
  const res = await fetch(new URL(path, h.server.url));
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function fetchGraph(h: Harness): Promise<SubGraph> {
  return getJson<SubGraph>(h, "api/graph");
}

/** Opens the explorer and waits until the graph is loaded and the layout has stopped on its own. */
export async function openExplorer(h: Harness, query = ""): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await h.browser.newPage();
  await page.goto(new URL(query, h.server.url).href);
  await page
    .waitForFunction(() => window.__kg?.ready === true, null, { timeout: 60_000 })
    .catch((e: Error) => {
      throw new Error(`the explorer never became ready (page errors: ${errors.join(" | ") || "none"}): ${e.message}`);
    });
  const failure = await page.evaluate(() => {
    const o = document.querySelector<HTMLElement>('[data-testid="canvas-overlay"]');
    return o && !o.hidden ? o.textContent : null;
  });
  if (failure && /Could not load/.test(failure)) throw new Error(`the explorer did not load: ${failure} ${errors}`);
  await waitForLayoutIdle(page);
  return { page, errors };
}

export async function waitForLayoutIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__kg && !window.__kg.store.layoutRunning, null, { timeout: 30_000 });
}

/** Where a node is drawn, in page coordinates (for hovering and clicking it). */
export async function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((node) => {
    const kg = window.__kg!;
    const d = kg.sigma.getNodeDisplayData(node);
    if (!d) throw new Error(`node ${node} is not displayed`);
    // Sigma refreshes its matrix on the next frame: convert with the camera's current state, not the last frame's.
    const p = kg.sigma.framedGraphToViewport(d, { cameraState: kg.sigma.getCamera().getState() });
    const r = kg.sigma.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, id);
}

export async function statusCounts(page: Page) {
  return page.evaluate(() => {
    const n = (id: string) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent);
    return {
      nodes: n("count-nodes"),
      visibleNodes: n("count-visible-nodes"),
      edges: n("count-edges"),
      visibleEdges: n("count-visible-edges"),
    };
  });
}

/** Moves the camera to a node and waits for the animation and the next frame: sigma finds the node under the
 *  mouse from what it last drew, so the frame must show the final camera before we hover or click. */
export async function centreOn(page: Page, id: string): Promise<void> {
  await page.evaluate(async (node) => {
    const kg = window.__kg!;
    const d = kg.sigma.getNodeDisplayData(node)!;
    await kg.sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.6 }, { duration: 50 });
    await new Promise<void>((resolve) => {
      kg.sigma.once("afterRender", () => resolve());
      kg.sigma.scheduleRender();
    });
  }, id);
}

/**
 * Selects a node the way a user does: clicking it where it is drawn (after centring the camera on it). A running
 * layout moves the node between reading its position and the click, and a panel that arrives late on a loaded
 * machine can resize the canvas (clean-clone CI runs missed by 41 px): so wait for the layout, and if the click
 * missed, read the position again and click again, a few times at most.
 */
export async function clickNode(page: Page, id: string): Promise<void> {
  await waitForLayoutIdle(page);
  for (let attempt = 1; ; attempt++) {
    await centreOn(page, id);
    const p = await nodeOnScreen(page, id);
    await page.mouse.click(p.x, p.y);
    const selected = page.waitForFunction((node) => window.__kg!.store.selection?.id === node, id, {
      timeout: attempt < 3 ? 5_000 : 30_000,
    });
    if (attempt >= 3) return void (await selected);
    if (await selected.then(() => true).catch(() => false)) return;
  }
}

export async function waitForCount(page: Page, testid: string, n: number): Promise<void> {
  await page.waitForFunction(
    ([id, want]) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent) === want,
    [testid, n] as const,
  );
}

/** The API's opaque id of a seed entity, from its `id` property (e.g. "isis-k"). */
export const seedId = (idProperty: string): string => idFromProperty(idProperty);
