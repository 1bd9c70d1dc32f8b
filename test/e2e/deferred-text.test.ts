// Scenario "deferred text": big views arrive without evidence quotes and long text (GET /api/graph?format=columns
// defers them above 2,000 edges). Forced on the seed graph (text=deferred added to the explorer's own request),
// selecting a relation shows its quotes fetched on demand, and a JSON export carries every quote.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import type { SubGraph } from "../../contract/api.ts";
import { saveScreenshot } from "../support/browser.ts";
import { fetchGraph, startHarness, waitForLayoutIdle, type Harness } from "./explorer-page.ts";
import { download, openTab } from "./analyst-tools-page.ts";

vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
let full: SubGraph;
beforeAll(async () => {
  h = await startHarness();
  full = await fetchGraph(h);
});
afterAll(() => h?.close());

/** Opens the explorer with its starting-view request asking for deferred text, as a big view gets it. */
async function openDeferred(query: string): Promise<{ page: Page; errors: string[]; asked: string[] }> {
  const { page, errors } = await h.browser.newPage();
  const asked: string[] = [];
  await page.route(
    (url) => url.pathname === "/api/graph",
    (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("text", "deferred");
      asked.push(url.search);
      return route.continue({ url: url.href });
    },
  );
  await page.goto(new URL(query, h.server.url).href);
  await page.waitForFunction(() => window.__kg?.ready === true, null, { timeout: 60_000 });
  await waitForLayoutIdle(page);
  return { page, errors, asked };
}

describe("deferred text", () => {
  it("shows a selected relation's quotes fetched on demand, and exports every quote", async () => {
    const edge = full.edges.find((e) => e.evidence.length > 0 && e.evidence.every((ev) => ev.quote.length > 0))!;
    const { page, errors, asked } = await openDeferred(`?sel=${encodeURIComponent(`edge:${edge.id}`)}`);
    expect(asked.some((q) => q.includes("format=columns"))).toBe(true);
    // Another relation: the selected one may have had its quotes fetched already.
    const other = full.edges.find((e) => e.id !== edge.id && e.evidence.length > 0)!;
    const state = await page.evaluate((id) => {
      const g = window.__kg!.graph;
      const a = g.getEdgeAttributes(id);
      return { deferred: a.detailsDeferred, quotes: a.evidence.map((e) => e.quote), edges: g.size };
    }, other.id);
    expect(state.edges).toBe(full.edges.length);
    expect(state.deferred).toBe(true);
    expect(state.quotes.every((q) => q === "")).toBe(true);

    await page.waitForFunction(
      (quote) =>
        [...document.querySelectorAll('[data-testid="inspector"] [data-testid="evidence-quote"]')].some(
          (q) => q.textContent === `“${quote}”`,
        ),
      edge.evidence[0].quote,
    );
    expect(await page.textContent('[data-testid="inspector-title"]')).toBe(edge.type);
    await saveScreenshot(page, "deferred-text-edge");

    // The fetched quotes stay in the view: inspecting the relation again asks the server nothing.
    const kept = await page.evaluate((id) => {
      const a = window.__kg!.graph.getEdgeAttributes(id);
      return { deferred: a.detailsDeferred, quotes: a.evidence.map((e) => e.quote) };
    }, edge.id);
    expect(kept).toEqual({ deferred: false, quotes: edge.evidence.map((e) => e.quote) });
    const detailsAsked: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/api/details") detailsAsked.push(r.url());
    });
    await page.evaluate(() => window.__kg!.store.select(null));
    await page.evaluate((id) => window.__kg!.store.select({ kind: "edge", id }), edge.id);
    await page.waitForFunction(
      (quote) =>
        [...document.querySelectorAll('[data-testid="inspector"] [data-testid="evidence-quote"]')].some(
          (q) => q.textContent === `“${quote}”`,
        ),
      edge.evidence[0].quote,
    );
    expect(await page.locator('[data-testid="details-loading"]').count()).toBe(0);
    expect(detailsAsked).toEqual([]);

    await openTab(page, "workspace");
    const file = await download(page, '[data-testid="export-json"]');
    const exported = JSON.parse(file.text) as SubGraph;
    const quotes = new Map(full.edges.map((e) => [e.id, e.evidence.map((ev) => ev.quote)]));
    expect(exported.edges.length).toBeGreaterThan(0);
    for (const e of exported.edges) expect(e.evidence.map((ev) => ev.quote)).toEqual(quotes.get(e.id));
    expect(detailsAsked.length).toBeGreaterThan(0);

    // What the export fetched stays in the view too: a second export asks nothing and carries the same quotes.
    detailsAsked.length = 0;
    const again = JSON.parse((await download(page, '[data-testid="export-json"]')).text) as SubGraph;
    expect(detailsAsked).toEqual([]);
    expect(again.edges).toEqual(exported.edges);
    expect(again.nodes.map((n) => n.properties)).toEqual(exported.nodes.map((n) => n.properties));
    expect(errors).toEqual([]);
  });
});
