// Scenario "inspect": selecting a node shows its name, type, aliases and relations with each relation's evidence
// (quote, article title and outlet, who asserts it, modality); clicking the article shows its whole sub-graph.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NodeDetail, SourceDetail, SourcesResponse } from "../../contract/api.ts";
import { saveScreenshot } from "../support/browser.ts";
import { clickNode, getJson, openExplorer, seedId, startHarness, waitForCount, type Harness } from "./explorer-page.ts";

// A browser, the API and Neo4j share a busy machine: generous per-test time, state-based waits inside.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("inspect", () => {
  it("shows a node's relations with their quotes and sources, and opens an article's sub-graph", async () => {
    const id = seedId("crocus-city-hall-attack");
    const detail = await getJson<NodeDetail>(h, `api/nodes/${id}`);
    const { sources } = await getJson<SourcesResponse>(h, "api/sources");
    const { page, errors } = await openExplorer(h);
    await clickNode(page, id);
    await page.waitForSelector('[data-testid="inspector-relations"]');
    expect(await page.textContent('[data-testid="inspector-title"]')).toBe(detail.node.name);

    const edge = detail.relations.flatMap((r) => r.edges).find((e) => e.evidence.length > 0)!;
    const ev = edge.evidence[0];
    const src = sources.find((s) => s.id === ev.source)!;
    const shown = await page.$$eval('[data-testid="evidence"]', (items) =>
      items.map((li) => ({
        quote: li.querySelector('[data-testid="evidence-quote"]')!.textContent,
        source: li.querySelector('[data-testid="evidence-source"]')?.textContent ?? null,
        modality: li.querySelector('[data-testid="evidence-modality"]')!.textContent,
      })),
    );
    const match = shown.find((s) => s.quote === `“${ev.quote}”`);
    expect(match).toBeDefined();
    expect(match!.source).toBe(`${src.title}${src.outlet ? ` — ${src.outlet}` : ""}`);
    expect(match!.modality).toBe(ev.modality);
    if (detail.claims.length) {
      expect(await page.textContent('[data-testid="inspector-claims"]')).toContain(detail.claims[0].property);
    }
    await saveScreenshot(page, "inspect-node");

    // Attributed evidence names who asserts it, resolved from an id to a name.
    const attributed = detail.relations
      .flatMap((r) => r.edges)
      .flatMap((e) => e.evidence)
      .find((e) => e.attributedTo);
    if (attributed) {
      const who = await getJson<NodeDetail>(h, `api/nodes/${attributed.attributedTo}`);
      await page.waitForFunction(
        (name) => [...document.querySelectorAll('[data-testid="evidence"] .who')].some((e) => e.textContent === name),
        who.node.name,
      );
    }

    const article = await getJson<SourceDetail>(h, `api/sources/${src.id}`);
    await page.click(`[data-testid="evidence-source"][data-source-id="${src.id}"] >> nth=0`);
    await page.waitForFunction(() => window.__kg!.store.filters.onlySources !== null);
    const visible = await page.evaluate(() => ({
      edges: window.__kg!.graph.filterEdges((_k, a) => !a.hidden),
    }));
    const articleEdges = new Set(article.edges.map((e) => e.id));
    expect(visible.edges.length).toBeGreaterThan(0);
    expect(visible.edges.every((e) => articleEdges.has(e))).toBe(true);
    await waitForCount(page, "count-visible-edges", visible.edges.length);
    await saveScreenshot(page, "inspect-source");
    expect(errors).toEqual([]);
  });

  it("lists every quote of a relation in the inspector of the node it starts from", async () => {
    const { page } = await openExplorer(h);
    const edge = await page.evaluate(() => {
      const g = window.__kg!.graph;
      return g.findEdge((_k, a) => a.evidence.length > 1)!;
    });
    // Select through the inspector of its source node, as a user following a relation would.
    const info = await page.evaluate((e) => {
      const g = window.__kg!.graph;
      return {
        type: g.getEdgeAttribute(e, "relType"),
        quotes: g.getEdgeAttribute(e, "evidence").map((x) => x.quote),
        source: g.source(e),
      };
    }, edge);
    await clickNode(page, info.source);
    await page.waitForSelector('[data-testid="inspector-relations"]');
    const quotes = await page.$$eval('[data-testid="evidence-quote"]', (q) => q.map((x) => x.textContent));
    for (const q of info.quotes) expect(quotes).toContain(`“${q}”`);
  });
});
