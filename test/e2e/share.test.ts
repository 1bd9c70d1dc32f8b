// Scenario "share": the URL holds the selection and the filters as they change; a copied URL opened in another
// browser (nothing saved there) restores both, and back/forward walk through selections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { startHarness, type Harness } from "./explorer-page.ts";
import { clickNodeOnCanvas, oid, openAnalyst, openTab, waitForSession } from "./analyst-tools-page.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const selectedId = () => window.__kg!.store.selection?.id ?? null;

describe("share", () => {
  it("a copied URL opened in a new browser restores the selection and the filters", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "filters");
    await page.uncheck('[data-testid="filter-node-types"] input[value="Place"]');
    await page.uncheck('[data-testid="filter-modalities"] input[value="denied"]');
    await clickNodeOnCanvas(page, oid("isis-k"));
    await page.waitForFunction(
      (sel) => new URLSearchParams(location.search).get("sel") === sel,
      `node:${oid("isis-k")}`,
    );
    const url = new URL(page.url());
    expect(url.searchParams.get("hideTypes")).toBe("Place");
    expect(url.searchParams.get("hideModalities")).toBe("denied");

    const other = await launchBrowser();
    try {
      const { page: p2, errors } = await other.newPage();
      await p2.goto(url.href);
      await p2.waitForFunction(() => window.__kg?.ready === true);
      await waitForSession(p2);
      expect(await p2.evaluate(selectedId)).toBe(oid("isis-k"));
      const state = await p2.evaluate(() => {
        const kg = window.__kg!;
        return {
          hiddenNodeTypes: [...kg.store.filters.hiddenNodeTypes],
          hiddenModalities: [...kg.store.filters.hiddenModalities],
          placesVisible: kg.graph.filterNodes((_k, a) => a.nodeType === "Place" && !a.hidden).length,
          places: kg.graph.filterNodes((_k, a) => a.nodeType === "Place").length,
        };
      });
      expect(state).toMatchObject({ hiddenNodeTypes: ["Place"], hiddenModalities: ["denied"], placesVisible: 0 });
      expect(state.places).toBeGreaterThan(0);
      expect(await p2.isChecked('[data-testid="filter-node-types"] input[value="Place"]')).toBe(false);
      expect(await p2.textContent('[data-testid="inspector-title"]')).toMatch(/ISIS-K/);
      await saveScreenshot(p2, "share");
      expect(errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it("back and forward restore earlier selections, and a selection outside the view is brought in", async () => {
    const { page } = await openAnalyst(h);
    await clickNodeOnCanvas(page, oid("isis-k"));
    await clickNodeOnCanvas(page, oid("russia"));
    await page.waitForFunction(
      (sel) => new URLSearchParams(location.search).get("sel") === sel,
      `node:${oid("russia")}`,
    );
    await page.goBack();
    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, oid("isis-k"));
    await page.goForward();
    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, oid("russia"));

    // A Source node is not in the starting view: the link brings it in and selects it.
    const source = oid("src-arab-news-russia-in-daesh-crosshairs");
    const url = new URL(page.url());
    url.searchParams.set("sel", `node:${source}`);
    const { page: p2 } = await openAnalyst(h, url.search);
    expect(await p2.evaluate(selectedId)).toBe(source);
    expect(await p2.evaluate((id) => window.__kg!.graph.hasNode(id), source)).toBe(true);
  });
});
