// Scenario "share": the URL holds the selection and the filters as they change; a copied URL opened in another
// browser (nothing saved there) restores both, and back/forward walk through selections. A console query run goes
// into the URL and a link opens it in the console without running it; a traced path's link traces the same path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, saveScreenshot } from "../support/browser.ts";
import { clickNode, startHarness, type Harness } from "./explorer-page.ts";
import { oid, openAnalyst, openTab, waitForSession } from "./analyst-tools-page.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const selectedId = () => window.__kg!.store.selection?.id ?? null;

/** Opens `href` in a fresh browser (no history, no saved workspace), waits for the URL to be applied, runs `check`. */
async function inNewBrowser(href: string, check: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const other = await launchBrowser();
  try {
    const { page, errors } = await other.newPage();
    await page.goto(href);
    await page.waitForFunction(() => window.__kg?.ready === true);
    await waitForSession(page);
    await check(page, errors);
  } finally {
    await other.close();
  }
}

const editorText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="console-editor"] .cm-line')].map((l) => l.textContent).join("\n"),
  );

const hopEdgeIds = (page: Page) =>
  page.$$eval('[data-testid="path-hop"]', (lis) => lis.map((li) => li.getAttribute("data-edge-id")));

async function waitForPathAnswer(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="path-searching"]') &&
      document.querySelector('[data-testid="path-sentence"], [data-testid="path-reason"]'),
    null,
    { timeout: 20_000 },
  );
}

describe("share", () => {
  it("a copied URL opened in a new browser restores the selection and the filters", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "filters");
    await page.uncheck('[data-testid="filter-node-types"] input[value="Place"]');
    await page.uncheck('[data-testid="filter-modalities"] input[value="denied"]');
    await clickNode(page, oid("isis-k"));
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
    await clickNode(page, oid("isis-k"));
    await clickNode(page, oid("russia"));
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

  it("a console query run goes into the URL, and the link opens it in the console without running it", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "console");
    const query = "MATCH (n:Entity {id: 'isis-k'}) RETURN n.name AS name";
    await page.click('[data-testid="console-editor"] .cm-content');
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(query);
    await page.keyboard.press("Escape");
    expect(await editorText(page)).toBe(query);
    // Typing alone does not touch the URL: only a run does.
    expect(new URL(page.url()).searchParams.get("query")).toBeNull();
    await page.click('[data-testid="console-run"]');
    await page.waitForSelector('[data-testid="console-summary"]', { timeout: 20_000 });
    await page.waitForFunction((q) => new URLSearchParams(location.search).get("query") === q, query);

    await inNewBrowser(page.url(), async (p2, errors) => {
      const consoleCalls: string[] = [];
      p2.on("request", (r) => r.url().includes("/api/cypher") && consoleCalls.push(r.url()));
      await p2.waitForSelector('[data-testid="tab-console"]:not([hidden]) [data-testid="console-editor"] .cm-content');
      await p2.waitForFunction((q) => {
        const lines = [...document.querySelectorAll('[data-testid="console-editor"] .cm-line')];
        return lines.map((l) => l.textContent).join("\n") === q;
      }, query);
      // Give a wrongly wired auto-run the time to show itself.
      await p2.waitForTimeout(500);
      expect(await p2.$('[data-testid="console-summary"]')).toBeNull();
      expect(consoleCalls).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  it("a traced path goes into the URL, and the link traces the same path", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "paths");
    for (const [which, text, id] of [
      ["from", "Wagner", oid("wagner-group")],
      ["to", "ISIS-K", oid("isis-k")],
    ] as const) {
      await page.fill(`[data-testid="path-${which}-input"]`, text);
      await page.click(`[data-testid="path-${which}-option"][data-entity-id="${id}"]`);
    }
    await page.fill('[data-testid="path-max-hops"]', "5");
    await page.click('[data-testid="path-find"]');
    await waitForPathAnswer(page);
    const hops = await hopEdgeIds(page);
    expect(hops.length).toBeGreaterThan(0);
    const url = new URL(page.url());
    expect(url.searchParams.get("path")).toBe(`${oid("wagner-group")}..${oid("isis-k")}..h5`);

    await inNewBrowser(url.href, async (p2, errors) => {
      await p2.waitForSelector('[data-testid="tab-paths"]:not([hidden])');
      await waitForPathAnswer(p2);
      expect(await hopEdgeIds(p2)).toEqual(hops);
      expect(await p2.inputValue('[data-testid="path-from-input"]')).toBe("Wagner Group");
      expect(await p2.inputValue('[data-testid="path-to-input"]')).toBe("ISIS-K");
      expect(await p2.inputValue('[data-testid="path-max-hops"]')).toBe("5");
      const highlighted = await p2.evaluate(() => [...(window.__kg!.store.highlight?.edges ?? [])]);
      expect(highlighted.sort()).toEqual([...hops].sort());
      expect(errors).toEqual([]);
    });
  });
});
