// Scenario "timeline": events on a time axis with the precision the texts give (a month is a month-long bar, a year
// a year-long bar), conflicting dates each drawn and marked, report dates beside them; brushing 2024 hides the
// events dated only outside 2024 (the 2015 ones among them) through the filters, and clearing the brush restores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { saveScreenshot } from "../support/browser.ts";
import { startHarness, statusCounts, type Harness } from "./explorer-page.ts";
import { oid, openAnalyst, openTab } from "./analyst-tools-page.ts";

let h: Harness;
/** Event id → its date claims, read straight from the database (independent of the client). */
let eventDates: Map<string, { value: string; precision: string }[]>;

beforeAll(async () => {
  h = await startHarness();
  const s = h.db.readSession();
  try {
    const r = await s.run(
      "MATCH (c:Claim)-[:ABOUT]->(e:Event) WHERE c.precision IN ['day','month','year'] " +
        "RETURN e.id AS id, collect({value: toString(c.value), precision: c.precision}) AS dates",
    );
    eventDates = new Map(r.records.map((x) => [oid(x.get("id") as string), x.get("dates")]));
  } finally {
    await s.close();
  }
});
afterAll(() => h?.close());

/** A date's year range, by its precision, overlaps 2024 (year / month / day values all start with the year). */
const in2024 = (d: { value: string }) => d.value.startsWith("2024");

async function dragAcross(page: Page, fromIso: string, toIso: string): Promise<void> {
  const box = await page.evaluate(
    ([a, b]) => {
      const axis = document.querySelector('[data-testid="timeline-axis"]') as SVGSVGElement;
      const r = axis.getBoundingClientRect();
      const d0 = Date.parse(`${axis.dataset.domainStart}T00:00:00Z`);
      const d1 = Date.parse(`${axis.dataset.domainEnd}T00:00:00Z`);
      const left = Number(axis.dataset.plotLeft);
      const width = Number(axis.dataset.plotWidth);
      const x = (iso: string) => r.left + left + ((Date.parse(`${iso}T00:00:00Z`) - d0) / (d1 - d0)) * width;
      return { x0: x(a), x1: x(b), y: r.top + r.height / 2 };
    },
    [fromIso, toIso] as const,
  );
  await page.mouse.move(box.x0, box.y);
  await page.mouse.down();
  await page.mouse.move((box.x0 + box.x1) / 2, box.y, { steps: 4 });
  await page.mouse.move(box.x1, box.y, { steps: 4 });
  await page.mouse.up();
}

describe("timeline", () => {
  it("draws each date over the span its precision covers, marks conflicting dates and shows report dates", async () => {
    const { page, errors } = await openAnalyst(h);
    await openTab(page, "timeline");
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="timeline"]')?.dataset.loaded);
    const marks = await page.$$eval('[data-testid="timeline-rows"] g[data-event-id]', (rows) =>
      rows.map((g) => ({
        id: g.getAttribute("data-event-id"),
        happened: [...g.querySelectorAll('rect[data-kind="happened"]')].map((r) => ({
          value: r.getAttribute("data-value"),
          precision: r.getAttribute("data-precision"),
          width: Number(r.getAttribute("width")),
          conflict: r.classList.contains("conflict"),
        })),
        reported: g.querySelectorAll('rect[data-kind="reported"]').length,
      })),
    );
    const byId = new Map(marks.map((m) => [m.id, m]));
    // Every dated event is on the strip, every date claim drawn once.
    for (const [id, dates] of eventDates) expect(byId.get(id)?.happened.length, id).toBe(dates.length);
    const kerman = byId.get(oid("kerman-bombing"))!.happened[0];
    expect(kerman).toMatchObject({ value: "2024-01", precision: "month" });
    const taliban = byId.get(oid("taliban-takeover-of-afghanistan"))!.happened;
    expect(taliban.map((d) => d.value).sort()).toEqual(["2017", "2021"]);
    expect(taliban.every((d) => d.precision === "year" && d.conflict)).toBe(true);
    // A year-long bar is about twelve month-long bars wide.
    expect(taliban[0].width / kerman.width).toBeGreaterThan(10);
    expect(taliban[0].width / kerman.width).toBeLessThan(14);
    expect(byId.get(oid("crocus-city-hall-attack"))!.happened.some((d) => d.precision === "day")).toBe(true);
    expect(byId.get(oid("crocus-city-hall-attack"))!.reported).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("brushing 2024 hides the events dated outside it (the 2015 ones too), and clearing restores", async () => {
    const { page, errors } = await openAnalyst(h);
    await openTab(page, "timeline");
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid="timeline"]')?.dataset.loaded);
    const before = await statusCounts(page);
    const inView = new Set(await page.evaluate(() => window.__kg!.graph.filterNodes((_k, a) => !a.hidden)));
    const outside = [...eventDates].filter(([id, ds]) => inView.has(id) && !ds.some(in2024)).map(([id]) => id);
    const from2015 = [...eventDates].filter(([, ds]) => ds.every((d) => d.value.startsWith("2015"))).map(([id]) => id);
    expect(from2015.length).toBeGreaterThan(0);
    expect(outside).toEqual(expect.arrayContaining(from2015.filter((id) => inView.has(id))));

    // Inside the year by a few days, so the pixel-to-day rounding cannot reach into 2023 or 2025.
    await dragAcross(page, "2024-01-04", "2024-12-28");
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="count-visible-nodes"]')?.textContent) === n,
      before.visibleNodes - outside.length,
    );
    expect(await page.textContent('[data-testid="timeline-range"]')).toMatch(/^2024-01-0\d – 2024-12-\d\d$/);
    const hidden = await page.evaluate(
      (ids) => ids.map((id) => window.__kg!.graph.getNodeAttribute(id, "hidden")),
      [...from2015, oid("crocus-city-hall-attack"), oid("kerman-bombing")],
    );
    expect(hidden).toEqual([...from2015.map(() => true), false, false]);
    expect(new URL(page.url()).searchParams.get("time")).toMatch(/^2024-01-0\d\.\.2024-12-\d\d$/);
    await saveScreenshot(page, "timeline");

    await page.click('[data-testid="timeline-clear"]');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="count-visible-nodes"]')?.textContent) === n,
      before.visibleNodes,
    );
    expect(await statusCounts(page)).toEqual(before);
    expect(new URL(page.url()).searchParams.get("time")).toBeNull();
    expect(errors).toEqual([]);
  });
});
