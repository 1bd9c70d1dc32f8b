// Scenario "hostile names": strings from the database are rendered as text everywhere (canvas labels, legend,
// inspector, evidence, search) — a node named `<img src=x onerror=alert(1)>` shows as those characters and no
// script runs. Also checks an unknown label (Spaceship) gets a generated colour and a legend entry.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../server/config.ts";
import { applySchema, loadGraph } from "../../server/seed/load-graph.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";
import { clearDatabase, resetToSeed } from "../support/test-db.ts";
import { saveScreenshot } from "../support/browser.ts";
import { clickNode, openExplorer, seedId, startHarness, type Harness } from "./explorer-page.ts";

// A browser, the API and Neo4j share a busy machine: generous per-test time, state-based waits inside.
vi.setConfig({ testTimeout: 120_000 });

const EVIL = "<img src=x onerror=alert(1)>";
let h: Harness;

beforeAll(async () => {
  h = await startHarness(async (db) => {
    await clearDatabase(db);
    await applySchema(db);
    await loadGraph(db, readGraphDocuments([join(PROJECT_ROOT, "test/fixtures/ui-hostile-names.json")]), "ui-hostile");
  });
});
afterAll(async () => {
  // Leave the shared test database as the other files expect it.
  if (h) await resetToSeed(h.db);
  await h?.close();
});

describe("hostile names", () => {
  it("shows markup from the database as text and never runs it", async () => {
    const { page, errors } = await openExplorer(h);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const evil = seedId("evil-img");
    await clickNode(page, evil);
    await page.waitForSelector('[data-testid="inspector-relations"]');
    expect(await page.textContent('[data-testid="inspector-title"]')).toBe(EVIL);
    expect(await page.textContent('[data-testid="evidence-quote"]')).toBe("“<iframe src=javascript:alert(5)>”");
    expect(await page.textContent('[data-testid="evidence-source"]')).toBe(
      "<script>alert('title')</script> report — <b onmouseover=alert(2)>Outlet</b>",
    );
    await page.fill('[data-testid="search-input"]', "Plain");
    await page.waitForSelector('[data-testid="search-results"] [role="option"]');

    // Nothing from the data became markup: no element carries an event-handler attribute, no script, image or
    // frame appeared in the explorer, and no link points at javascript:.
    const injected = await page.evaluate(() => ({
      handlers: [...document.querySelectorAll("*")].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith("on")),
      ).length,
      imgs: document.querySelectorAll("#app img, dialog img").length,
      scripts: document.querySelectorAll("#app script").length,
      iframes: document.querySelectorAll("iframe").length,
      anchors: document.querySelectorAll('a[href^="javascript"]').length,
    }));
    expect(injected).toEqual({ handlers: 0, imgs: 0, scripts: 0, iframes: 0, anchors: 0 });
    expect(
      await page.evaluate(() => window.__kg!.graph.getNodeAttribute(window.__kg!.store.selection!.id, "label")),
    ).toBe(EVIL);

    // An unknown label still gets a legend entry and a colour.
    const swatch = await page.$eval(
      '[data-testid="legend-types"] li[data-type="Spaceship"] .swatch',
      (s) => (s as HTMLElement).style.background,
    );
    expect(swatch).not.toBe("");
    await saveScreenshot(page, "hostile-names");
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
