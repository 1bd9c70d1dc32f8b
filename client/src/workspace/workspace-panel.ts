/// <reference types="vite/client" />
// The workspace tab: pick, create, rename and delete named workspaces (saved in this browser as you work), move one
// to or from a JSON file, and export the view (PNG), the visible sub-graph (JSON, GraphML) and its tables (CSV).
import "./workspace.css";
import type { ExplorerContext } from "../explorer-context.ts";
import { button, h } from "../ui/dom.ts";
import { downloadBlob, downloadText, fileStamp } from "../export/download-file.ts";
import { toCsv } from "../export/csv.ts";
import { toGraphml } from "../export/graphml.ts";
import { toSubgraphJson } from "../export/subgraph-json.ts";
import { evidenceTable, nodesTable } from "../export/tables.ts";
import { visibleGraphWithDetails } from "../export/visible-graph.ts";
import type { ExportGraph } from "../export/export-graph.ts";
import { describeError } from "../api/api-client.ts";
import { viewToPngBlob } from "../export/view-image.ts";
import type { WorkspaceSession } from "./workspace-session.ts";

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "workspace";

export function mountWorkspacePanel(host: HTMLElement, ctx: ExplorerContext, session: WorkspaceSession): void {
  const select = h("select", { attrs: { "aria-label": "Workspace", "data-testid": "workspace-select" } });
  const nameInput = h("input", {
    attrs: { type: "text", "aria-label": "Workspace name", "data-testid": "workspace-name", maxlength: 200 },
  });
  const status = h("div", { class: "ws-status", attrs: { "data-testid": "workspace-status", "aria-live": "polite" } });
  const error = h("div", { class: "ws-error", attrs: { "data-testid": "workspace-error", role: "alert" } });
  const fileInput = h("input", {
    attrs: { type: "file", accept: ".json,application/json", hidden: true, "data-testid": "workspace-file" },
  });
  let confirmDelete = false;
  const deleteBtn = button(
    "Delete",
    () => {
      if (!confirmDelete) {
        confirmDelete = true;
        deleteBtn.textContent = "Confirm delete";
        return;
      }
      session.remove(session.index.current!);
    },
    { attrs: { "data-testid": "workspace-delete" } },
  );

  select.addEventListener("change", () => session.switchTo(select.value));
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    try {
      const w = session.importText(await file.text());
      error.textContent = "";
      ctx.notices.info(`Opened workspace “${w.name}” (${w.nodes.length} nodes).`);
    } catch (e) {
      error.textContent = `Could not open “${file.name}”: ${e instanceof Error ? e.message : String(e)} Nothing was changed.`;
    }
  });

  // Big views arrive with quotes deferred: exports fetch them first (a file must carry every quote).
  const exportAs = (write: (g: ExportGraph) => void) => () =>
    void visibleGraphWithDetails(ctx.store, ctx.names.sources)
      .then(write)
      .catch((e: unknown) => ctx.notices.error(`Could not export. ${describeError(e)}`));
  const exports = [
    button(
      "PNG image",
      () => {
        void viewToPngBlob(ctx.renderer)
          .then((b) => downloadBlob(b, `kg-view-${fileStamp()}.png`))
          .catch((e: unknown) => ctx.notices.error(`Could not export the image. ${String(e)}`));
      },
      { attrs: { "data-testid": "export-png" }, title: "The graph as drawn now" },
    ),
    button(
      "JSON",
      exportAs((g) => downloadText(toSubgraphJson(g), `kg-subgraph-${fileStamp()}.json`, "application/json")),
      {
        attrs: { "data-testid": "export-json" },
        title: "Visible nodes and relations with their evidence and sources",
      },
    ),
    button(
      "GraphML",
      exportAs((g) => downloadText(toGraphml(g), `kg-subgraph-${fileStamp()}.graphml`, "application/xml")),
      {
        attrs: { "data-testid": "export-graphml" },
        title: "For Gephi, yEd, Cytoscape: evidence quotes and source titles as data",
      },
    ),
    button(
      "Entities CSV",
      exportAs((g) => {
        const t = nodesTable(g);
        downloadText(toCsv(t.header, t.rows), `kg-entities-${fileStamp()}.csv`, "text/csv;charset=utf-8");
      }),
      { attrs: { "data-testid": "export-nodes-csv" } },
    ),
    button(
      "Evidence CSV",
      exportAs((g) => {
        const t = evidenceTable(g);
        downloadText(toCsv(t.header, t.rows), `kg-evidence-${fileStamp()}.csv`, "text/csv;charset=utf-8");
      }),
      { attrs: { "data-testid": "export-evidence-csv" }, title: "One row per quote on the visible relations" },
    ),
  ];

  host.append(
    h(
      "div",
      { class: "workspace-panel", attrs: { "data-testid": "workspace-panel" } },
      h(
        "section",
        {},
        h("h3", {}, "Workspace"),
        h("div", { class: "ws-row" }, select),
        h(
          "div",
          { class: "ws-row" },
          nameInput,
          button("Rename", () => session.rename(session.index.current!, nameInput.value), {
            attrs: { "data-testid": "workspace-rename" },
          }),
        ),
        h(
          "div",
          { class: "ws-row" },
          button("New workspace", () => session.create(nextName()), { attrs: { "data-testid": "workspace-new" } }),
          deleteBtn,
        ),
        status,
      ),
      h(
        "section",
        {},
        h("h3", {}, "File"),
        h(
          "div",
          { class: "ws-row" },
          button(
            "Save to file",
            () => {
              const w = session.snapshot();
              downloadText(JSON.stringify(w, null, 2), `${slug(w.name)}.kg-workspace.json`, "application/json");
            },
            { attrs: { "data-testid": "workspace-export" } },
          ),
          button("Open file…", () => fileInput.click(), { attrs: { "data-testid": "workspace-import" } }),
          fileInput,
        ),
        h("p", { class: "muted small" }, "A workspace file holds the view, its evidence, filters and positions."),
        error,
      ),
      h(
        "section",
        {},
        h("h3", {}, "Export the view"),
        h("div", { class: "ws-row" }, exports),
        h("p", { class: "muted small" }, "Exports hold what is visible now; relations carry their quotes and sources."),
      ),
    ),
  );

  function nextName(): string {
    const taken = new Set(session.index.list.map((e) => e.name));
    let i = session.index.list.length + 1;
    while (taken.has(`Workspace ${i}`)) i++;
    return `Workspace ${i}`;
  }

  function render(): void {
    const { list, current } = session.index;
    select.replaceChildren(
      ...list.map((e) => h("option", { attrs: { value: e.id, selected: e.id === current } }, e.name)),
    );
    select.value = current ?? "";
    const entry = list.find((e) => e.id === current);
    if (document.activeElement !== nameInput) nameInput.value = entry?.name ?? "";
    deleteBtn.disabled = list.length <= 1;
    confirmDelete = false;
    deleteBtn.textContent = "Delete";
    status.textContent = session.notSaving
      ? session.notSaving
      : !session.autosave
        ? "Opened on one entity from a link: this view is not saved over your workspace. Use “New workspace” to keep it."
        : entry?.savedAt
          ? `Saved in this browser at ${new Date(entry.savedAt).toLocaleTimeString()}; saved again as you work.`
          : "Saved in this browser as you work.";
  }
  session.onChange(render);
  render();
}
