// The console's result views, each built from a CypherResponse with textContent only: a table sortable by column
// (copyable as TSV), the raw JSON, and the query plan as an indented tree with rows and db hits.
import type { CypherResponse, PlanNode, PropertyValue } from "../../../contract/api.ts";
import { button, h } from "../ui/dom.ts";
import { cellText, sortRows, toTsv, type SortDirection } from "./result-table-data.ts";
import { flattenPlan, formatCount, totalDbHits } from "./plan-rows.ts";

/** Big results stay responsive: the table draws this many rows; TSV copies them all. */
export const TABLE_RENDER_LIMIT = 1000 as const;

export function renderTable(res: CypherResponse, onCopied: (message: string) => void): HTMLElement {
  let sort: { index: number; dir: SortDirection } | null = null;
  const body = h("tbody");
  const headCells = res.columns.map((c, i) =>
    h(
      "th",
      { attrs: { scope: "col", "aria-sort": "none" } },
      button(c, () => toggleSort(i), {
        class: "console-sort",
        title: `Sort by ${c}`,
        attrs: { "data-testid": "console-sort" },
      }),
    ),
  );
  const current = (): PropertyValue[][] => (sort ? sortRows(res.rows, sort.index, sort.dir) : res.rows);

  function fill(): void {
    const rows = current().slice(0, TABLE_RENDER_LIMIT);
    body.replaceChildren(
      ...rows.map((r) =>
        h(
          "tr",
          { attrs: { "data-testid": "console-row" } },
          r.map((c) => {
            const text = cellText(c);
            return h("td", { title: text.length > 80 ? text : undefined }, text);
          }),
        ),
      ),
    );
    headCells.forEach((th, i) =>
      th.setAttribute("aria-sort", sort?.index === i ? (sort.dir === "asc" ? "ascending" : "descending") : "none"),
    );
  }
  function toggleSort(i: number): void {
    sort = sort?.index === i ? { index: i, dir: sort.dir === "asc" ? "desc" : "asc" } : { index: i, dir: "asc" };
    fill();
  }
  fill();

  const copy = button(
    "Copy as TSV",
    () => {
      const tsv = toTsv(res.columns, current());
      void navigator.clipboard
        ?.writeText(tsv)
        .then(() => onCopied(`Copied ${res.rows.length} rows as TSV.`))
        .catch(() => onCopied("The browser did not allow copying; select the table and copy instead."));
    },
    { attrs: { "data-testid": "console-copy-tsv" } },
  );
  if (res.columns.length === 0) return h("p", { class: "muted" }, "The query returned no columns.");
  return h(
    "div",
    { class: "console-table-wrap" },
    h(
      "div",
      { class: "console-view-actions" },
      copy,
      res.rows.length > TABLE_RENDER_LIMIT
        ? h("span", { class: "muted" }, `Showing ${TABLE_RENDER_LIMIT} of ${res.rows.length} rows.`)
        : null,
    ),
    h(
      "table",
      { class: "console-table", attrs: { "data-testid": "console-table" } },
      h("thead", {}, h("tr", {}, headCells)),
      body,
    ),
  );
}

/** Above this size the JSON is cut, so a huge answer does not freeze the page. */
const JSON_RENDER_CHARS = 400_000;

export function renderJson(res: CypherResponse): HTMLElement {
  const text = JSON.stringify({ columns: res.columns, rows: res.rows, summary: res.summary }, null, 2);
  const shown = text.length > JSON_RENDER_CHARS ? `${text.slice(0, JSON_RENDER_CHARS)}\n… (cut)` : text;
  return h("pre", { class: "console-json", attrs: { "data-testid": "console-json" } }, shown);
}

export function renderPlan(plan: PlanNode | undefined, mode: "explain" | "profile" | "run"): HTMLElement {
  if (!plan) {
    return h("p", { class: "muted" }, "No plan yet: use Explain (plan only) or Profile (runs and counts).");
  }
  const rows = flattenPlan(plan);
  const profiled = rows.some((r) => r.dbHits !== null);
  const total = totalDbHits(plan);
  return h(
    "div",
    { class: "console-plan", attrs: { "data-testid": "console-plan" } },
    h(
      "p",
      { class: "muted" },
      mode === "profile" || profiled
        ? `Profiled plan: ${rows.length} operators, ${formatCount(total)} total db hits.`
        : `Estimated plan (EXPLAIN: not run): ${rows.length} operators.`,
    ),
    h(
      "table",
      { class: "console-plan-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { attrs: { scope: "col" } }, "Operator"),
          h("th", { attrs: { scope: "col" } }, "Details"),
          h("th", { attrs: { scope: "col" }, title: "Rows the planner expects" }, "Est. rows"),
          profiled ? h("th", { attrs: { scope: "col" } }, "Rows") : null,
          profiled ? h("th", { attrs: { scope: "col" } }, "DB hits") : null,
        ),
      ),
      h(
        "tbody",
        {},
        rows.map((r) =>
          h(
            "tr",
            { attrs: { "data-testid": "plan-row", "data-depth": r.depth } },
            h(
              "td",
              { class: "plan-operator", style: { paddingLeft: `${6 + r.depth * 16}px` } },
              r.depth > 0 ? h("span", { class: "plan-branch", attrs: { "aria-hidden": "true" } }, "└ ") : null,
              h("span", { attrs: { "data-testid": "plan-operator" } }, r.operator),
            ),
            h("td", { class: "plan-details", title: r.identifiers.join(", ") }, r.details),
            h("td", { class: "num" }, formatCount(r.estimatedRows)),
            profiled ? h("td", { class: "num" }, formatCount(r.rows)) : null,
            profiled ? h("td", { class: "num" }, formatCount(r.dbHits)) : null,
          ),
        ),
      ),
    ),
  );
}
