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
