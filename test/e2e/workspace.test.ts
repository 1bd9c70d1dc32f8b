// Scenario "workspace": the view (nodes, positions, hidden, pins, filters) is saved in the browser as you work and
// comes back after a reload; named workspaces can be created, renamed, switched and deleted; a workspace goes to a
// file and comes back from one, and a bad file is refused with a clear message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { saveScreenshot } from "../support/browser.ts";
import { clickNode, startHarness, statusCounts, type Harness } from "./explorer-page.ts";
import { download, oid, openAnalyst, openTab, waitForSession } from "./analyst-tools-page.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

interface ViewState {
  nodes: Record<string, { x: number; y: number; userHidden: boolean; fixed: boolean }>;
  hiddenNodeTypes: string[];
}

function viewState(page: Page): Promise<ViewState> {
  return page.evaluate(() => {
    const kg = window.__kg!;
    const nodes: ViewState["nodes"] = {};
    kg.graph.forEachNode((k, a) => (nodes[k] = { x: a.x, y: a.y, userHidden: a.userHidden, fixed: a.fixed }));
    return { nodes, hiddenNodeTypes: [...kg.store.filters.hiddenNodeTypes].sort() };
  });
}

/** Waits until the current workspace in localStorage holds exactly the view on screen. */
async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const index = JSON.parse(localStorage.getItem("kg-explorer.workspaces.v1") ?? "null");
    const saved = index && JSON.parse(localStorage.getItem(`kg-explorer.workspace.v1.${index.current}`) ?? "null");
    if (!saved) return false;
    const g = window.__kg!.graph;
    if (saved.nodes.length !== g.order) return false;
    return (
      saved.nodes.every(
        (n: { id: string; x: number; y: number; userHidden: boolean; fixed: boolean }) =>
          g.hasNode(n.id) &&
          g.getNodeAttribute(n.id, "x") === n.x &&
          g.getNodeAttribute(n.id, "y") === n.y &&
          g.getNodeAttribute(n.id, "userHidden") === n.userHidden &&
          g.getNodeAttribute(n.id, "fixed") === n.fixed,
      ) &&
      JSON.stringify(saved.filters.hiddenNodeTypes.sort()) ===
        JSON.stringify([...window.__kg!.store.filters.hiddenNodeTypes].sort())
    );
  });
}

async function workspaceNames(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="workspace-select"] option', (os) => os.map((o) => o.textContent ?? ""));
}

describe("workspace", () => {
  it("comes back after a reload: the same nodes at the same positions, hidden, pinned and filtered", async () => {
    const { page, errors } = await openAnalyst(h);
    // Work: pin one node, hide another, switch a type off, expand a node.
    await clickNode(page, oid("isis-k"));
    await page.click('[data-testid="pin"]');
    await clickNode(page, oid("russia"));
    await page.click('[data-testid="hide"]');
    await openTab(page, "filters");
    await page.uncheck('[data-testid="filter-node-types"] input[value="Place"]');
    await waitForSaved(page);
    const before = await viewState(page);
    const counts = await statusCounts(page);
    expect(before.nodes[oid("isis-k")].fixed).toBe(true);
    expect(before.nodes[oid("russia")].userHidden).toBe(true);
    expect(before.hiddenNodeTypes).toEqual(["Place"]);

    await page.reload();
    await page.waitForFunction(() => window.__kg?.ready === true);
    await waitForSession(page);
    expect(await viewState(page)).toEqual(before);
    expect(await statusCounts(page)).toEqual(counts);
    await openTab(page, "workspace");
    await saveScreenshot(page, "workspace");
    expect(errors).toEqual([]);
  });

  it("creates, renames, switches and deletes named workspaces", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "workspace");
    const first = await workspaceNames(page);
    expect(first).toHaveLength(1);
    const view1 = await viewState(page);

    await page.click('[data-testid="workspace-new"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-select"] option').length === 2);
    await page.fill('[data-testid="workspace-name"]', "Crocus analysis");
    await page.click('[data-testid="workspace-rename"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="workspace-select"] option')].some(
        (o) => o.textContent === "Crocus analysis",
      ),
    );
    // Change the new workspace: hide a node there only.
    await clickNode(page, oid("islamic-state"));
    await page.click('[data-testid="hide"]');
    await openTab(page, "workspace");
    await waitForSaved(page);

    const firstId = await page.$eval('[data-testid="workspace-select"] option', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('[data-testid="workspace-select"]', firstId);
    await page.waitForFunction((id) => !window.__kg!.graph.getNodeAttribute(id, "userHidden"), oid("islamic-state"));
    expect(await viewState(page)).toEqual(view1);

    await page.reload();
    await waitForSession(page);
    await openTab(page, "workspace");
    expect(await workspaceNames(page)).toEqual([first[0], "Crocus analysis"]);
    await page.selectOption('[data-testid="workspace-select"]', { label: "Crocus analysis" });
    await page.waitForFunction((id) => window.__kg!.graph.getNodeAttribute(id, "userHidden"), oid("islamic-state"));
    await page.click('[data-testid="workspace-delete"]');
    await page.click('[data-testid="workspace-delete"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="workspace-select"] option').length === 1);
    expect(await workspaceNames(page)).toEqual(first);
    await page.waitForFunction((id) => !window.__kg!.graph.getNodeAttribute(id, "userHidden"), oid("islamic-state"));
  });

  it("saves a workspace to a file and opens it again; a bad file is refused and changes nothing", async () => {
    const { page } = await openAnalyst(h);
    await openTab(page, "workspace");
    const file = await download(page, '[data-testid="workspace-export"]');
    expect(file.name).toMatch(/\.kg-workspace\.json$/);
    const saved = JSON.parse(file.text);
    expect(saved.format).toBe("kg-explorer/workspace");
    const view = await viewState(page);
    expect(saved.nodes).toHaveLength(Object.keys(view.nodes).length);

    const names = await workspaceNames(page);
    const bad = { ...saved, nodes: saved.nodes.map((n: object, i: number) => (i === 0 ? { ...n, x: "left" } : n)) };
    await page.setInputFiles('[data-testid="workspace-file"]', {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="workspace-error"]')?.textContent);
    expect(await page.textContent('[data-testid="workspace-error"]')).toMatch(
      /broken\.json.*nodes\.0\.x.*Nothing was changed/,
    );
    expect(await workspaceNames(page)).toEqual(names);
    expect(await viewState(page)).toEqual(view);

    await page.setInputFiles('[data-testid="workspace-file"]', {
      name: "not-json.json",
      mimeType: "application/json",
      buffer: Buffer.from("{ this is not json"),
    });
    await page.waitForFunction(() =>
      /not JSON/.test(document.querySelector('[data-testid="workspace-error"]')?.textContent ?? ""),
    );
    expect(await workspaceNames(page)).toEqual(names);

    await page.setInputFiles('[data-testid="workspace-file"]', {
      name: file.name,
      mimeType: "application/json",
      buffer: Buffer.from(file.text),
    });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="workspace-select"] option').length === n,
      names.length + 1,
    );
    expect(await page.textContent('[data-testid="workspace-error"]')).toBe("");
    expect(await viewState(page)).toEqual(view);
  });
});
