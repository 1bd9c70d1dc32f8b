// Scenario "export": the view as PNG, the visible sub-graph as JSON (with evidence and cited sources) and as GraphML
// that parses and holds the quotes, and tables as CSV where a cell starting with "=" is neutralised. A hostile
// entity and quote (formula, quotes, markup) are added to the seed graph first.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOT_DIR, saveScreenshot } from "../support/browser.ts";
import { resetToSeed } from "../support/test-db.ts";
import { startHarness, type Harness } from "./explorer-page.ts";
import { download, oid, openAnalyst, openTab } from "./analyst-tools-page.ts";

const HOSTILE_NAME = '=HYPERLINK("http://example.invalid","x")';
const HOSTILE_QUOTE = '=1+1 "quoted" <b>tag</b> & more';
const SOURCE = "src-arab-news-russia-in-daesh-crosshairs";

let h: Harness;
beforeAll(async () => {
  h = await startHarness(async (db) => {
    await resetToSeed(db);
    const s = db.writeSession();
    try {
      await s.run(
        `MATCH (k:Entity {id: 'isis-k'})
         CREATE (p:Entity:Person {id: 'formula-person', name: $name, aliases: [], description: '-2+3'})
         CREATE (p)-[:AFFILIATED_WITH {id: 'formula-person-affiliated-with-isis-k', evidenceSources: [$source],
           evidenceQuotes: [$quote], evidenceAttributedTo: [''], evidenceModalities: ['alleged'],
           evidenceReportedAt: ['2024-03'], sourceCount: 1}]->(k)`,
        { name: HOSTILE_NAME, quote: HOSTILE_QUOTE, source: SOURCE },
      );
    } finally {
      await s.close();
    }
  });
});
afterAll(() => h?.close());

describe("export", () => {
  it("exports GraphML that parses and holds every visible quote, and JSON with evidence and sources", async () => {
    const { page, errors } = await openAnalyst(h);
    await openTab(page, "workspace");
    const visible = await page.evaluate(() => {
      const g = window.__kg!.graph;
      const nodes = g.filterNodes((_k, a) => !a.hidden);
      const edges = g.filterEdges(
        (_k, a, s, t) => !a.hidden && !g.getNodeAttribute(s, "hidden") && !g.getNodeAttribute(t, "hidden"),
      );
      return {
        nodes: nodes.length,
        edges: edges.length,
        quotes: edges.flatMap((e) => g.getEdgeAttribute(e, "evidence").map((x) => x.quote)),
      };
    });
    expect(visible.quotes).toContain(HOSTILE_QUOTE);

    const graphml = await download(page, '[data-testid="export-graphml"]');
    expect(graphml.name).toMatch(/\.graphml$/);
    const parsed = await page.evaluate(
      ([xml, id]) => {
        const doc = new DOMParser().parseFromString(xml, "application/xml");
        const err = doc.getElementsByTagName("parsererror")[0];
        const ns = "http://graphml.graphdrawing.org/xmlns";
        const declared = new Set([...doc.getElementsByTagNameNS(ns, "key")].map((k) => k.getAttribute("id")));
        const used = [...doc.getElementsByTagNameNS(ns, "data")].map((d) => d.getAttribute("key"));
        const quotes = [...doc.getElementsByTagNameNS(ns, "data")]
          .filter((d) => d.getAttribute("key") === "e_quotes")
          .flatMap((d) => (d.textContent ?? "").split("\n"));
        const titles = [...doc.getElementsByTagNameNS(ns, "data")]
          .filter((d) => d.getAttribute("key") === "e_source_titles")
          .map((d) => d.textContent);
        return {
          error: err ? err.textContent : null,
          nodes: doc.getElementsByTagNameNS(ns, "node").length,
          edges: doc.getElementsByTagNameNS(ns, "edge").length,
          undeclared: used.filter((k) => !declared.has(k)),
          quotes,
          titles,
          hostileName: [...doc.getElementsByTagNameNS(ns, "node")]
            .find((n) => n.getAttribute("id") === id)
            ?.getElementsByTagNameNS(ns, "data")[0]?.textContent,
        };
      },
      [graphml.text, oid("formula-person")] as const,
    );
    expect(parsed.error).toBeNull();
    expect(parsed.undeclared).toEqual([]);
    expect(parsed.nodes).toBe(visible.nodes);
    expect(parsed.edges).toBe(visible.edges);
    expect(parsed.quotes.sort()).toEqual([...visible.quotes].sort());
    expect(parsed.hostileName).toBe(HOSTILE_NAME);
    expect(parsed.titles.some((t) => t?.includes("Arab News"))).toBe(true);

    const json = JSON.parse((await download(page, '[data-testid="export-json"]')).text);
    expect(json.format).toBe("kg-explorer/subgraph");
    expect(json.nodes).toHaveLength(visible.nodes);
    expect(json.edges).toHaveLength(visible.edges);
    expect(json.edges.every((e: { evidence: unknown[] }) => Array.isArray(e.evidence))).toBe(true);
    expect(json.sources.map((s: { id: string }) => s.id)).toContain(oid(SOURCE));
    expect(errors).toEqual([]);
  });

  it("exports tables as CSV with formula cells neutralised", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "workspace");
    const nodes = await download(page, '[data-testid="export-nodes-csv"]');
    expect(nodes.name).toMatch(/\.csv$/);
    const nameCell = `"'${HOSTILE_NAME.replaceAll('"', '""')}"`;
    expect(nodes.text).toContain(nameCell);
    expect(nodes.text).not.toMatch(/(^|,)"=/m);

    const evidence = await download(page, '[data-testid="export-evidence-csv"]');
    const row = evidence.text.split("\r\n").find((l) => l.includes(oid("formula-person-affiliated-with-isis-k")))!;
    expect(row).toContain(`"'${HOSTILE_QUOTE.replaceAll('"', '""')}"`);
    expect(row).toContain('"alleged"');
    expect(row).toContain("Arab News");
    expect(evidence.text).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it("exports the view as a PNG that shows the graph", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "workspace");
    const png = await download(page, '[data-testid="export-png"]');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, "export-view.png"), png.bytes);
    // Coloured pixels (nodes) and not just a white sheet.
    const coloured = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext("2d")!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
      return { n, w: c.width, h: c.height };
    }, png.bytes.toString("base64"));
    expect(coloured.w).toBeGreaterThan(300);
    expect(coloured.n).toBeGreaterThan(500);
    await saveScreenshot(page, "export");
  });
});
