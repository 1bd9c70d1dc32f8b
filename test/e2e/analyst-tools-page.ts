// Shared steps of the part-3 browser scenarios (disagreements, timeline, workspace, share, export): open the
// explorer and wait until the saved workspace and the URL have been applied, open a tab, catch a download.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { openExplorer, waitForLayoutIdle, type Harness } from "./explorer-page.ts";

export async function waitForSession(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.session === "ready", null, { timeout: 30_000 });
  await waitForLayoutIdle(page);
}

/** Opens the explorer (optionally with a query string) and waits for the workspace and URL state to be applied. */
export async function openAnalyst(h: Harness, query = "") {
  const opened = await openExplorer(h, query);
  await waitForSession(opened.page);
  return opened;
}

/** Shows a tab; clicking an open bottom tab would fold its area, so an open tab is left alone. */
export async function openTab(page: Page, id: string): Promise<void> {
  const open = await page.evaluate(
    (tab) => document.querySelector<HTMLElement>(`[data-testid="tab-${tab}"]`)?.hidden === false,
    id,
  );
  if (!open) await page.click(`[data-testid="tab-button-${id}"]`);
  await page.waitForSelector(`[data-testid="tab-${id}"]:not([hidden])`);
}

/** Clicks `selector` and returns the downloaded file's name and text. */
export async function download(page: Page, selector: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = await dl.path();
  const bytes = readFileSync(path);
  return { name: dl.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

/** Visible node count as the store sees it. */
export function visibleNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__kg!.graph.filterNodes((_k, a) => !a.hidden).sort());
}

/** The API's opaque id of a seed entity or source (`i.` + base64url of its `id` property). */
export const oid = (id: string): string => `i.${Buffer.from(id, "utf8").toString("base64url")}`;

/**
 * Selects a node by clicking where it is drawn. Sigma's display data is in framed (normalised) coordinates, so the
 * screen point comes from `framedGraphToViewport`, after centring the camera on the node and letting it redraw.
 */
export async function clickNodeOnCanvas(page: Page, id: string): Promise<void> {
  // A running layout moves the node between reading its position and the click (a clean-clone CI run missed so).
  await page.waitForFunction(() => !window.__kg!.store.layoutRunning, null, { timeout: 20_000 });
  // A panel that arrives late (on a loaded machine) can resize the canvas after the position was read: the click then
  // lands 40-80 px off (seen in a CI run). So read the position again and click again, a few times at most.
  for (let attempt = 1; ; attempt++) {
    const p = await page.evaluate(async (node) => {
      const kg = window.__kg!;
      const d = kg.sigma.getNodeDisplayData(node);
      if (!d) throw new Error(`node ${node} is not displayed`);
      await kg.sigma.getCamera().animate({ x: d.x, y: d.y, ratio: 0.6 }, { duration: 50 });
      // Sigma picks nodes under the pointer from what it last drew: let it draw the moved camera first.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const v = kg.sigma.framedGraphToViewport(kg.sigma.getNodeDisplayData(node)!);
      const r = kg.sigma.getContainer().getBoundingClientRect();
      return { x: r.left + v.x, y: r.top + v.y };
    }, id);
    await page.mouse.click(p.x, p.y);
    const selected = page.waitForFunction((node) => window.__kg!.store.selection?.id === node, id, {
      timeout: attempt < 3 ? 5_000 : 30_000,
    });
    if (attempt >= 3) return void (await selected);
    if (await selected.then(() => true).catch(() => false)) return;
  }
}
