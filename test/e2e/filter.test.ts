// Scenario "filter": each filter (entity type, relation type, modality, source article, Source nodes) changes the
// visible counts in the status bar by exactly what the API's graph says it should.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SubGraph } from "../../contract/api.ts";
import { saveScreenshot } from "../support/browser.ts";
import { fetchGraph, openExplorer, startHarness, statusCounts, waitForCount, type Harness } from "./explorer-page.ts";

// A browser, the API and Neo4j share a busy machine: generous per-test time, state-based waits inside.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
let api: SubGraph;
beforeAll(async () => {
  h = await startHarness();
  api = await fetchGraph(h);
});
afterAll(() => h?.close());

const typeOf = (labels: string[]) => labels.find((l) => l !== "Entity") ?? labels[0];

describe("filter", () => {
  it("entity type, relation type and modality filters change the visible counts as expected", async () => {
    const { page } = await openExplorer(h);
    await page.click('[data-testid="tab-button-filters"]');
    const all = await statusCounts(page);
    expect(all.visibleNodes).toBe(api.nodes.length);

    // Entity type: hiding Places hides them and every relation touching them.
    const places = new Set(api.nodes.filter((n) => typeOf(n.labels) === "Place").map((n) => n.id));
    const placeEdges = api.edges.filter((e) => places.has(e.source) || places.has(e.target)).length;
    await page.uncheck('[data-testid="filter-node-types"] input[value="Place"]');
    await waitForCount(page, "count-visible-nodes", all.visibleNodes - places.size);
    expect((await statusCounts(page)).visibleEdges).toBe(all.visibleEdges - placeEdges);
    expect(await page.textContent('[data-testid="filter-node-types"] li[data-key="Place"] .filter-count')).toBe(
      `0/${places.size}`,
    );
    await saveScreenshot(page, "filter-types");
    await page.check('[data-testid="filter-node-types"] input[value="Place"]');
    await waitForCount(page, "count-visible-nodes", all.visibleNodes);

    // Relation type.
    const fights = api.edges.filter((e) => e.type === "FIGHTS").length;
    await page.uncheck('[data-testid="filter-edge-types"] input[value="FIGHTS"]');
    await waitForCount(page, "count-visible-edges", all.visibleEdges - fights);
    expect((await statusCounts(page)).visibleNodes).toBe(all.visibleNodes);
    await page.check('[data-testid="filter-edge-types"] input[value="FIGHTS"]');

    // Modality: without "asserted", only relations with some other modality stay.
    const nonAsserted = api.edges.filter((e) => e.evidence.some((x) => x.modality !== "asserted")).length;
    await page.uncheck('[data-testid="filter-modalities"] input[value="asserted"]');
    await waitForCount(page, "count-visible-edges", nonAsserted);
    await page.click('[data-testid="filter-reset"]');
    await waitForCount(page, "count-visible-edges", all.visibleEdges);
  });

  it("the source filter keeps one article's relations, and the toggle shows Source nodes", async () => {
    const { page } = await openExplorer(h);
    await page.click('[data-testid="tab-button-filters"]');
    const sourceIds = [...new Set(api.edges.flatMap((e) => e.evidence.map((x) => x.source)))];
    const keep = sourceIds[0];
    const keptEdges = api.edges.filter((e) => e.evidence.some((x) => x.source === keep));
    const keptNodes = new Set(keptEdges.flatMap((e) => [e.source, e.target]));
    for (const s of sourceIds.slice(1)) await page.uncheck(`[data-testid="filter-sources"] input[value="${s}"]`);
    await waitForCount(page, "count-visible-edges", keptEdges.length);
    expect((await statusCounts(page)).visibleNodes).toBe(keptNodes.size);
    await saveScreenshot(page, "filter-source");
    await page.click('[data-testid="filter-reset"]');
    await waitForCount(page, "count-visible-edges", api.edges.length);

    // The seed's starting view has no Source nodes; opening an article adds its Source node only if the API sends
    // one, so the toggle is checked against whatever Source nodes are in view.
    const before = await statusCounts(page);
    const sourcesInView = await page.evaluate(
      () => window.__kg!.graph.filterNodes((_k, a) => a.labels.includes("Source")).length,
    );
    await page.check('[data-testid="toggle-source-nodes"]');
    await waitForCount(page, "count-visible-nodes", before.visibleNodes + sourcesInView);
  });
});
