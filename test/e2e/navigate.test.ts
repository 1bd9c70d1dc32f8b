// Scenario "navigate": hovering highlights a node's neighbours and dims the rest, clicking selects, expanding adds
// the API's neighbours (selectively for a hub), undo/redo replays expand/hide/pin, and back/forward walks selections.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NeighborsResponse } from "../../contract/api.ts";
import { saveScreenshot } from "../support/browser.ts";
import {
  centreOn,
  clickNode,
  getJson,
  nodeOnScreen,
  openExplorer,
  seedId,
  startHarness,
  statusCounts,
  waitForCount,
  type Harness,
} from "./explorer-page.ts";

// A browser, the API and Neo4j share a busy machine: generous per-test time, state-based waits inside.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const DIM = "#e4e4e7";

describe("navigate", () => {
  it("hover dims everything but the node's neighbourhood; clicking selects it", async () => {
    const { page } = await openExplorer(h);
    const hub = seedId("isis-k");
    await centreOn(page, hub);
    const p = await nodeOnScreen(page, hub);
    await page.mouse.move(p.x, p.y);
    await page.waitForFunction((id) => window.__kg!.store.hovered === id, hub);
    const look = await page.evaluate((id) => {
      const { graph, sigma } = window.__kg!;
      const near = new Set([id, ...graph.neighbors(id)]);
      const colours = graph.mapNodes((n) => ({ near: near.has(n), color: sigma.getNodeDisplayData(n)!.color }));
      return { near: colours.filter((c) => c.near), far: colours.filter((c) => !c.near) };
    }, hub);
    expect(look.far.length).toBeGreaterThan(0);
    expect(look.far.every((c) => c.color === DIM)).toBe(true);
    expect(look.near.every((c) => c.color !== DIM)).toBe(true);
    await saveScreenshot(page, "navigate-hover");

    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, hub);
    expect(await page.evaluate((id) => window.__kg!.sigma.getNodeDisplayData(id)!.highlighted, hub)).toBe(true);
    await page.mouse.move(2, 200);
    await page.waitForFunction(() => window.__kg!.store.hovered === null);
    // With the hub still selected, its neighbourhood stays highlighted.
    const far = await page.evaluate((id) => {
      const { graph, sigma } = window.__kg!;
      const other = graph.findNode((n) => n !== id && !graph.areNeighbors(n, id))!;
      return sigma.getNodeDisplayData(other)!.color;
    }, hub);
    expect(far).toBe(DIM);
  });

  it("expands a node's neighbours by double-click, and undo/redo remove and re-add exactly them", async () => {
    const start = seedId("crocus-city-hall-attack");
    const { page } = await openExplorer(h, `?node=${encodeURIComponent(start)}`);
    const r = await getJson<NeighborsResponse>(h, `api/nodes/${start}/neighbors`);
    const expected = r.nodes.filter((n) => n.id !== start).map((n) => n.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(25);
    expect(await statusCounts(page)).toEqual({ nodes: 1, visibleNodes: 1, edges: 0, visibleEdges: 0 });

    const p = await nodeOnScreen(page, start);
    await page.mouse.dblclick(p.x, p.y);
    await waitForCount(page, "count-nodes", 1 + expected.length);
    expect(await page.evaluate((ids) => ids.every((id) => window.__kg!.graph.hasNode(id)), expected)).toBe(true);
    const added = await statusCounts(page);
    expect(added.edges).toBe(r.edges.length);
    await saveScreenshot(page, "navigate-expand");

    await page.keyboard.press("Control+z");
    await waitForCount(page, "count-nodes", 1);
    expect(await page.evaluate((ids) => ids.some((id) => window.__kg!.graph.hasNode(id)), expected)).toBe(false);
    expect(await statusCounts(page)).toEqual({ nodes: 1, visibleNodes: 1, edges: 0, visibleEdges: 0 });
    await page.keyboard.press("Control+Shift+z");
    await waitForCount(page, "count-nodes", 1 + expected.length);
    expect(await statusCounts(page)).toEqual(added);
  });

  it("offers a selective expand for a node with many neighbours and adds only the chosen types", async () => {
    const hub = seedId("islamic-state");
    const { page } = await openExplorer(h, `?node=${encodeURIComponent(hub)}`);
    const r = await getJson<NeighborsResponse>(h, `api/nodes/${hub}/neighbors`);
    expect(r.nodes.length - 1).toBeGreaterThan(25);
    await page.click('[data-testid="expand"]');
    await page.waitForSelector('[data-testid="expand-dialog"][open]');
    await saveScreenshot(page, "navigate-selective-expand");
    expect(await page.evaluate(() => window.__kg!.graph.order)).toBe(1);
    await page.check('[data-testid="expand-dialog"] input[data-kind="label"][value="Country"]');
    for (const t of Object.keys(r.counts.byType))
      await page.check(`[data-testid="expand-dialog"] input[data-kind="type"][value="${t}"]`);
    await page.click('[data-testid="expand-add"]');
    const countries = await getJson<NeighborsResponse>(h, `api/nodes/${hub}/neighbors?labels=Country`);
    const want = countries.nodes.filter((n) => n.id !== hub).length;
    expect(want).toBeGreaterThan(0);
    await waitForCount(page, "count-nodes", 1 + want);
    const types = await page.evaluate(() => [...new Set(window.__kg!.graph.mapNodes((_k, a) => a.nodeType))].sort());
    expect(types).toEqual(["ArmedGroup", "Country"]);
  });

  it("pins and hides with undo, and back/forward walk through selections", async () => {
    const { page } = await openExplorer(h);
    const a = seedId("isis-k");
    const b = seedId("russia");
    const before = await statusCounts(page);
    await clickNode(page, a);
    await clickNode(page, b);
    await page.click('[data-testid="pin"]');
    expect(await page.evaluate((id) => window.__kg!.graph.getNodeAttribute(id, "fixed"), b)).toBe(true);
    await page.click('[data-testid="hide"]');
    await waitForCount(page, "count-visible-nodes", before.visibleNodes - 1);
    expect(await page.evaluate((id) => window.__kg!.graph.getNodeAttribute(id, "hidden"), b)).toBe(true);
    expect((await statusCounts(page)).visibleEdges).toBeLessThan(before.visibleEdges);
    await page.click('[data-testid="undo"]');
    await waitForCount(page, "count-visible-nodes", before.visibleNodes);
    expect(await statusCounts(page)).toEqual(before);
    await page.click('[data-testid="undo"]');
    expect(await page.evaluate((id) => window.__kg!.graph.getNodeAttribute(id, "fixed"), b)).toBe(false);

    await clickNode(page, b);
    await page.click('[data-testid="back"]');
    expect(await page.evaluate(() => window.__kg!.store.selection?.id)).toBe(a);
    await page.click('[data-testid="forward"]');
    expect(await page.evaluate(() => window.__kg!.store.selection?.id)).toBe(b);
  });
});
