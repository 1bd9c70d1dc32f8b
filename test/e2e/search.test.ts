// Scenario "search": `/` focuses the box, typing suggests entities from /api/search, Enter selects the first and
// flies the camera to it — adding it to the view first when it was not there.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveScreenshot } from "../support/browser.ts";
import { openExplorer, seedId, startHarness, statusCounts, type Harness } from "./explorer-page.ts";

// A browser, the API and Neo4j share a busy machine: generous per-test time, state-based waits inside.
vi.setConfig({ testTimeout: 120_000 });

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("search", () => {
  it("finds ISIS-K by its alias 'iskp', selects it and centres the camera on it", async () => {
    const { page } = await openExplorer(h);
    await page.mouse.click(300, 300);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("search-input");
    await page.keyboard.type("iskp");
    await page.waitForSelector('[data-testid="search-results"] [role="option"]');
    expect(await page.textContent('[data-testid="search-results"] [role="option"] .result-name')).toBe("ISIS-K");
    await saveScreenshot(page, "search-suggestions");
    await page.keyboard.press("Enter");
    const isisK = seedId("isis-k");
    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, isisK);
    // The camera ends on the node: its display position is the viewport's centre.
    await page.waitForFunction((id) => {
      const kg = window.__kg!;
      const d = kg.sigma.getNodeDisplayData(id)!;
      const p = kg.sigma.framedGraphToViewport(d, { cameraState: kg.sigma.getCamera().getState() });
      const { width, height } = kg.sigma.getDimensions();
      return Math.abs(p.x - width / 2) < 2 && Math.abs(p.y - height / 2) < 2;
    }, isisK);
    expect(await page.textContent('[data-testid="inspector-title"]')).toBe("ISIS-K");
    await saveScreenshot(page, "search-selected");
  });

  it("adds a found node that is not in view", async () => {
    const start = seedId("russia");
    const { page } = await openExplorer(h, `?node=${start}`);
    expect((await statusCounts(page)).nodes).toBe(1);
    await page.fill('[data-testid="search-input"]', "iskp");
    await page.waitForSelector('[data-testid="search-results"] [role="option"]');
    await page.keyboard.press("Enter");
    const isisK = seedId("isis-k");
    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, isisK);
    const c = await statusCounts(page);
    expect(c.nodes).toBe(2);
    // Its relations to what is in view come with it.
    expect(c.edges).toBeGreaterThan(0);
  });

  it("says so when nothing matches", async () => {
    const { page } = await openExplorer(h);
    await page.fill('[data-testid="search-input"]', "zzqqxx-nothing");
    await page.waitForSelector('[data-testid="search-results"] .search-message');
    expect(await page.textContent('[data-testid="search-results"] .search-message')).toContain("No entity matches");
  });
});
