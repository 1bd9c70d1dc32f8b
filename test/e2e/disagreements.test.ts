// Scenario "disagreements": the tab lists where the sources differ; the Crocus City Hall death toll shows its three
// versions side by side (137 / 133 / 115), each with its quote, modality and article; choosing it selects the
// attack on the graph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DisagreementsResponse } from "../../contract/api.ts";
import { saveScreenshot } from "../support/browser.ts";
import { getJson, startHarness, type Harness } from "./explorer-page.ts";
import { oid, openAnalyst, openTab } from "./analyst-tools-page.ts";

const CROCUS = oid("crocus-city-hall-attack");
const DEATH_TOLL = `value:${CROCUS}:deathToll`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("disagreements", () => {
  it("lists the Crocus death-toll disagreement with each source's version, quote and modality side by side", async () => {
    const api = await getJson<DisagreementsResponse>(h, "api/disagreements");
    const { page, errors } = await openAnalyst(h);
    await openTab(page, "disagreements");
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="disagreement-item"]').length === n,
      api.disagreements.length,
    );
    await page.click(`[data-testid="disagreement-item"][data-id="${DEATH_TOLL}"]`);
    await page.waitForSelector('[data-testid="disagreement-version"]');

    const versions = await page.$$eval('[data-testid="disagreement-version"]', (els) =>
      els.map((el) => ({
        value: el.querySelector('[data-testid="version-value"]')!.textContent,
        quotes: [...el.querySelectorAll('[data-testid="version-quote"]')].map((q) => q.textContent),
        modalities: [...el.querySelectorAll('[data-testid="version-modality"]')].map((q) => q.textContent),
        sources: [...el.querySelectorAll('[data-testid="version-source"]')].map((q) => q.textContent),
      })),
    );
    expect(versions.map((v) => v.value).sort()).toEqual(["115", "133", "137"]);
    const want = api.disagreements.find((d) => d.id === DEATH_TOLL)!;
    for (const v of want.versions) {
      const shown = versions.find((x) => x.value === String(v.value))!;
      expect(shown.quotes).toEqual(v.evidence.map((e) => `“${e.quote}”`));
      expect(shown.modalities).toEqual(v.evidence.map((e) => e.modality));
      expect(shown.sources.every((s) => s && s.length > 10)).toBe(true);
    }
    // Three versions from five articles, each article named once.
    expect(new Set(versions.flatMap((v) => v.sources)).size).toBe(5);

    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, CROCUS);
    await saveScreenshot(page, "disagreements");
    expect(errors).toEqual([]);
  });

  it("brings both ends of a contested relation into view and selects the relation", async () => {
    const api = await getJson<DisagreementsResponse>(h, "api/disagreements");
    const relation = api.disagreements.find((d) => d.kind === "relation")!;
    const { page } = await openAnalyst(h);
    await openTab(page, "disagreements");
    await page.click(`[data-testid="disagreement-item"][data-id="${relation.id}"]`);
    const edgeId = relation.versions[0].edgeId!;
    await page.waitForFunction((id) => window.__kg!.store.selection?.id === id, edgeId);
    const modalities = await page.$$eval('[data-testid="disagreement-version"]', (els) =>
      els.map((e) => e.getAttribute("data-value")),
    );
    expect(modalities.some((m) => m === "denied" || m === "disputed")).toBe(true);
  });
});
