// Scenario "console": a query typed in the Cypher console (Ctrl+Enter) fills the table and puts its nodes in the
// graph; Stop ends a long query and Neo4j's own transaction list shows it gone; a write is refused with the
// read-only explanation and changes nothing; Explain and Profile show the plan's operators; a syntax error is
// shown at the position Neo4j reports; bad parameters are caught before sending; history survives a reload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { saveScreenshot } from "../support/browser.ts";
import { idFromProperty } from "../../server/neo4j/ids.ts";
import { fingerprint } from "../support/test-db.ts";
import { transactionsMatching } from "../support/security-transactions.ts";
import { openExplorer, startHarness, statusCounts, type Harness } from "./explorer-page.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function openConsole(): Promise<{ page: Page; errors: string[] }> {
  const opened = await openExplorer(h);
  await opened.page.click('[data-testid="tab-button-console"]');
  await opened.page.waitForSelector('[data-testid="console-editor"] .cm-content');
  return opened;
}

function editorText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="console-editor"] .cm-line')].map((l) => l.textContent).join("\n"),
  );
}

/** Types into the editor as a user does (replacing what is there) and checks the editor holds exactly that. */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.click('[data-testid="console-editor"] .cm-content');
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(query);
  await page.keyboard.press("Escape"); // closes the completion list if open
  expect(await editorText(page)).toBe(query);
}

/** Types the start of a query into an emptied editor, leaving the completion list open. */
async function typeQueryPrefix(page: Page, prefix: string): Promise<void> {
  await page.click('[data-testid="console-editor"] .cm-content');
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(prefix);
}

async function waitForSummary(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid="console-summary"]', { timeout: 20_000 });
  return (await page.textContent('[data-testid="console-summary"]')) ?? "";
}

describe("console", () => {
  it("loads its editor only when the console is first opened, then offers the schema's labels", async () => {
    const { page, errors } = await openExplorer(h);
    const editorRequests = (): Promise<string[]> =>
      page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((n) => /cypher-editor/.test(n)),
      );
    // The graph is drawn and its layout has settled: the folded console has not fetched or mounted its editor.
    expect(await editorRequests()).toEqual([]);
    expect(await page.$('[data-testid="console-editor"] .cm-content')).toBeNull();
    await page.click('[data-testid="tab-button-console"]');
    await page.waitForSelector('[data-testid="console-editor"] .cm-content');
    // Its chunk: the script and its stylesheet.
    expect((await editorRequests()).map((n) => n.replace(/^.*\.(\w+)$/, "$1")).sort()).toEqual(["css", "js"]);
    // The schema reaches the editor after it mounts: a label from the database completes.
    await typeQueryPrefix(page, "MATCH (n:ArmedG");
    await page.waitForSelector(".cm-tooltip-autocomplete");
    expect(await page.textContent(".cm-tooltip-autocomplete")).toContain("ArmedGroup");
    expect(errors).toEqual([]);
  });

  it("a typed query run with Ctrl+Enter renders its rows and adds its nodes to the graph", async () => {
    const { page, errors } = await openConsole();
    const query = "MATCH (g)-[:CLAIMS]->(a {id:'crocus-city-hall-attack'}) RETURN g, a";
    const expected = await h.db.driver.executeQuery(
      "MATCH (g)-[:CLAIMS]->(a {id:'crocus-city-hall-attack'}) RETURN g.id AS g, g.name AS name",
      {},
      { database: h.db.name },
    );
    const claimants = expected.records.map((r) => ({ id: r.get("g") as string, name: r.get("name") as string }));
    expect(claimants.length).toBeGreaterThan(0);

    await typeQuery(page, query);
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="console-row"]').length === n,
      claimants.length,
      { timeout: 20_000 },
    );
    const rows = await page.$$eval('[data-testid="console-row"]', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    for (const c of claimants) expect(rows.some((r) => r[0].includes(c.name))).toBe(true);
    expect(rows.every((r) => r[1].includes("Crocus"))).toBe(true);

    const ids = [...claimants.map((c) => c.id), "crocus-city-hall-attack"].map(idFromProperty);
    await page.waitForFunction((want) => want.every((id) => window.__kg!.graph.hasNode(id)), ids);
    expect(await waitForSummary(page)).toMatch(new RegExp(`^${claimants.length} rows`));

    await saveScreenshot(page, "console-query");

    // Replacing the view with the answer is one undoable step.
    const before = await page.evaluate(() => window.__kg!.graph.order);
    await page.click('[data-testid="console-view-graph"]');
    await page.click('[data-testid="console-replace-view"]');
    await page.waitForFunction((n) => window.__kg!.graph.order === n, ids.length);
    expect(await page.evaluate(() => window.__kg!.store.undoLabel())).toBe("Console result (replace view)");
    await saveScreenshot(page, "console-replace-view");
    await page.evaluate(() => window.__kg!.store.undo());
    await page.waitForFunction((n) => window.__kg!.graph.order === n, before);
    await page.click('[data-testid="console-view-table"]');

    // Sorting by a column reverses on a second click.
    await page.click('[data-testid="console-sort"] >> nth=0');
    await page.click('[data-testid="console-sort"] >> nth=0');
    const sorted = await page.$$eval('[data-testid="console-row"] td:first-child', (tds) =>
      tds.map((t) => t.textContent ?? ""),
    );
    expect(sorted).toEqual([...sorted].sort((a, b) => b.localeCompare(a, "en", { numeric: true })));

    // JSON view shows the tagged node cells.
    await page.click('[data-testid="console-view-json"]');
    expect(await page.textContent('[data-testid="console-json"]')).toContain('"$node"');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Stop ends a long query and Neo4j reports its transaction gone", async () => {
    const { page } = await openConsole();
    const tag = "stop_probe_e2e";
    // The filter keeps Neo4j from answering count(*) from its count store: the rows must really be enumerated.
    await typeQuery(page, `MATCH (a),(b),(c),(d) WHERE a.id < b.id RETURN count(*) AS ${tag}`);
    await page.click('[data-testid="console-run"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="console-stop"]:not([disabled])'));
    // Wait until Neo4j itself runs it (polling its transaction list), then stop from the page.
    const deadline = Date.now() + 10_000;
    while ((await transactionsMatching(h.db, tag)).length === 0) {
      if (Date.now() > deadline) throw new Error("the long query never showed up in SHOW TRANSACTIONS");
    }
    await saveScreenshot(page, "console-running");
    await page.click('[data-testid="console-stop"]');
    await page.waitForSelector('[data-testid="console-stopped"]');
    const stoppedAt = Date.now();
    while ((await transactionsMatching(h.db, tag)).length > 0) {
      if (Date.now() - stoppedAt > 5_000) throw new Error("the stopped query's transaction is still running");
    }
    expect(await page.isEnabled('[data-testid="console-run"]')).toBe(true);
    await saveScreenshot(page, "console-stopped");
    await page.close();
  });

  it("a write is refused with the read-only explanation and changes nothing", async () => {
    const before = await fingerprint(h.db);
    const { page } = await openConsole();
    const countsBefore = await statusCounts(page);
    await typeQuery(page, "CREATE (n:X) RETURN n");
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.waitForSelector('[data-testid="console-problem"]:not([hidden])');
    expect(await page.textContent('[data-testid="console-problem-title"]')).toBe("Read-only console");
    expect(await page.textContent('[data-testid="console-problem-message"]')).toMatch(/read-only/i);
    expect(await page.textContent('[data-testid="console-problem-hint"]')).toMatch(/read transaction/);
    await saveScreenshot(page, "console-write-refused");
    expect(await fingerprint(h.db)).toEqual(before);
    expect(await statusCounts(page)).toEqual(countsBefore);
    await page.close();
  });

  it("Explain and Profile show the plan's operators, Profile with db hits", async () => {
    const { page } = await openConsole();
    await typeQuery(page, "MATCH (n:Entity) RETURN n.name AS name");
    await page.click('[data-testid="console-explain"]');
    await page.waitForSelector('[data-testid="console-plan"]');
    const ops = await page.$$eval('[data-testid="plan-operator"]', (els) => els.map((e) => e.textContent));
    expect(ops[0]).toBe("ProduceResults");
    expect(ops).toContain("NodeByLabelScan");
    expect(await page.textContent('[data-testid="console-plan"]')).toContain("not run");

    await page.click('[data-testid="console-profile"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="console-plan"]')?.textContent?.includes("db hits"),
    );
    const header = await page.$$eval('[data-testid="console-plan"] th', (ths) => ths.map((t) => t.textContent));
    expect(header).toEqual(["Operator", "Details", "Est. rows", "Rows", "DB hits"]);
    await saveScreenshot(page, "console-profile");
    await page.close();
  });

  it("a syntax error is shown at the position Neo4j reports, and bad parameters are never sent", async () => {
    const { page } = await openConsole();
    await typeQuery(page, "MATCH (n:Entity) RETURN n.name AS name ORDER BY");
    await page.keyboard.press("ControlOrMeta+Enter");
    await page.waitForSelector('[data-testid="console-problem"]:not([hidden])');
    expect(await page.textContent('[data-testid="console-problem-title"]')).toBe("Syntax error");
    expect(await page.textContent('[data-testid="console-problem-message"]')).toMatch(/^Line 1, column \d+: /);
    await page.waitForSelector('[data-testid="console-error-mark"]');
    await saveScreenshot(page, "console-syntax-error");

    let posted = 0;
    page.on("request", (r) => void (r.url().endsWith("/api/cypher") && posted++));
    await typeQuery(page, "MATCH (n {id: $id}) RETURN n.name AS name");
    await page.click('[data-testid="console-run"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="console-problem-message"]')?.textContent?.includes("$id"),
    );
    await page.fill('[data-testid="console-params"]', '{"id": wagner}');
    await page.click('[data-testid="console-run"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="console-problem-message"]')?.textContent?.includes("not valid JSON"),
    );
    expect(posted).toBe(0);
    await saveScreenshot(page, "console-bad-params");

    await page.fill('[data-testid="console-params"]', '{"id": "wagner-group"}');
    await page.click('[data-testid="console-run"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="console-row"]').length === 1);
    expect(await page.textContent('[data-testid="console-row"]')).toMatch(/Wagner/);
    expect(await page.isHidden('[data-testid="console-problem"]')).toBe(true);
    await page.close();
  });

  it("history survives a reload and the saved query library loads a query in one click", async () => {
    const { page } = await openConsole();
    await typeQuery(page, "MATCH (n:Source) RETURN count(n) AS sources");
    await page.keyboard.press("ControlOrMeta+Enter");
    await waitForSummary(page);
    await page.reload();
    await page.waitForFunction(() => window.__kg?.ready === true);
    await page.click('[data-testid="tab-button-console"]');
    // The editor reopens on the last query, and the history lists it.
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="console-editor"] .cm-content')?.textContent?.includes("sources"),
    );
    await page.click('[data-testid="console-history"]');
    const first = await page.textContent('[data-testid="console-history-item"] >> nth=0');
    expect(first).toContain("MATCH (n:Source) RETURN count(n) AS sources");

    await page.click('[data-testid="console-library"]');
    await page.waitForSelector('[data-testid="console-saved-query"]');
    const saved = await page.$$eval('[data-testid="console-saved-query"]', (b) => b.length);
    expect(saved).toBeGreaterThan(0);
    await saveScreenshot(page, "console-library");
    await page.click('[data-testid="console-saved-query"] >> nth=0');
    expect(await editorText(page)).not.toContain("AS sources");
    await page.close();
  });
});
