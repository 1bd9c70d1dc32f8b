/// <reference types="vite/client" />
// The disagreements tab: every claim the sources differ on (a death toll, a date, who did it) and every relation one
// source affirms and another denies, each source's version side by side with its quote, modality and article.
// Choosing one brings the entities involved into view and selects them on the graph.
import "./disagreements.css";
import type { Disagreement, DisagreementVersion, Evidence } from "../../../contract/api.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { api, describeError } from "../api/api-client.ts";
import { button, formatValue, h } from "../ui/dom.ts";
import { toCsv } from "../export/csv.ts";
import { disagreementsTable } from "../export/tables.ts";
import { downloadText, fileStamp } from "../export/download-file.ts";
import { fetchDisagreements } from "./disagreements-api.ts";

function distinctSources(d: Disagreement): number {
  return new Set(d.versions.flatMap((v) => v.evidence.map((e) => e.source))).size;
}

/** A who-value (claimedBy: isis-k) reads as the entity's name, which the server sends with the version. */
function valueText(v: DisagreementVersion): string {
  return v.entity?.name ?? formatValue(v.value);
}

export function mountDisagreements(host: HTMLElement, ctx: ExplorerContext): void {
  const listEl = h("ul", { class: "disagreement-list", attrs: { "data-testid": "disagreement-list" } });
  const detail = h("section", { class: "disagreement-detail", attrs: { "data-testid": "disagreement-detail" } });
  const status = h("span", { class: "muted small" }, "Loading…");
  let all: Disagreement[] = [];
  let current: string | null = null;
  const csvBtn = button(
    "CSV",
    () => {
      const t = disagreementsTable(all, ctx.names.sources);
      downloadText(toCsv(t.header, t.rows), `disagreements-${fileStamp()}.csv`, "text/csv;charset=utf-8");
    },
    { title: "Download every version with its quote and source as CSV", attrs: { "data-testid": "disagreements-csv" } },
  );
  csvBtn.disabled = true;
  host.append(
    h(
      "div",
      { class: "disagreements", attrs: { "data-testid": "disagreements" } },
      h(
        "div",
        {},
        h("div", { class: "disagreement-list-head" }, h("strong", {}, "Where sources differ"), status, csvBtn),
        listEl,
      ),
      detail,
    ),
  );
  detail.append(h("p", { class: "muted" }, "Choose a disagreement to compare the sources' versions."));

  function evidenceItem(e: Evidence): HTMLElement {
    const src = e.source ? ctx.names.sources.get(e.source) : undefined;
    const who = e.attributedTo ? (ctx.names.nameOf(e.attributedTo) ?? e.attributedTo) : null;
    return h(
      "li",
      { attrs: { "data-testid": "version-evidence", "data-source-id": e.source } },
      h("blockquote", { class: "quote", attrs: { "data-testid": "version-quote" } }, `“${e.quote}”`),
      h(
        "div",
        { class: "version-meta" },
        h(
          "span",
          { class: `modality modality-${e.modality}`, attrs: { "data-testid": "version-modality" } },
          e.modality,
        ),
        who ? ` · by ${who}` : "",
        e.reportedAt ? ` · ${e.reportedAt}` : "",
      ),
      h(
        "div",
        { class: "version-source", attrs: { "data-testid": "version-source" } },
        src ? `${src.title}${src.outlet ? ` — ${src.outlet}` : ""}` : e.source || "unknown source",
      ),
    );
  }

  function showDetail(d: Disagreement): void {
    detail.replaceChildren(
      h(
        "div",
        { class: "disagreement-title" },
        h("h3", {}, `${d.subject.name} · ${d.property}`),
        h(
          "span",
          { class: "muted" },
          d.kind === "value"
            ? `${d.versions.length} different values from ${distinctSources(d)} sources`
            : `affirmed and contested by ${distinctSources(d)} sources`,
        ),
      ),
      h(
        "div",
        { class: "versions", attrs: { "data-testid": "disagreement-versions" } },
        d.versions.map((v) =>
          h(
            "article",
            { class: "version", attrs: { "data-testid": "disagreement-version", "data-value": String(v.value) } },
            h("div", { class: "version-value", attrs: { "data-testid": "version-value" } }, valueText(v)),
            h(
              "div",
              { class: "version-meta" },
              `${v.evidence.length} ${v.evidence.length === 1 ? "statement" : "statements"}`,
            ),
            h("ul", { class: "evidence-list" }, v.evidence.map(evidenceItem)),
          ),
        ),
      ),
    );
  }

  /** Brings the subject (and, for a relation, the other end and the relation itself) into view and selects it. */
  async function showOnGraph(d: Disagreement): Promise<void> {
    const { store, actions } = ctx;
    if (!(await actions.bringIntoView(d.subject.id))) return;
    const edgeId = d.versions.find((v) => v.edgeId)?.edgeId;
    if (d.kind === "relation" && edgeId && !store.graph.hasEdge(edgeId)) {
      try {
        const detailResp = await api.node(d.subject.id);
        for (const r of detailResp.relations) {
          const edge = r.edges.find((e) => e.id === edgeId);
          if (!edge) continue;
          const other = r.neighbors.filter((n) => n.id === edge.source || n.id === edge.target);
          store.addSubgraph({ nodes: other, edges: [edge] }, { label: `Show ${d.property}`, near: d.subject.id });
        }
      } catch (e) {
        ctx.notices.error(`Could not add the relation. ${describeError(e)}`);
      }
    }
    // Who-values (claimedBy: islamic-state vs isis-k) name entities: bring them in too.
    const named = [...new Set(d.versions.flatMap((v) => v.entity?.id ?? []))];
    for (const id of named) {
      if (store.graph.hasNode(id)) continue;
      try {
        const n = await api.node(id);
        store.addSubgraph(
          { nodes: [n.node], edges: n.relations.flatMap((r) => r.edges) },
          { label: `Add ${n.node.name}`, near: d.subject.id },
        );
      } catch {
        // Gone since the list was loaded: the subject is still shown.
      }
    }
    if (d.kind === "relation" && edgeId && store.graph.hasEdge(edgeId)) store.select({ kind: "edge", id: edgeId });
    else await ctx.focusNode(d.subject.id);
  }

  function renderList(): void {
    listEl.replaceChildren(
      ...all.map((d) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              class: "disagreement-item",
              attrs: {
                type: "button",
                "data-testid": "disagreement-item",
                "data-id": d.id,
                "aria-current": d.id === current ? "true" : "false",
              },
              on: {
                click: () => {
                  current = d.id;
                  renderList();
                  showDetail(d);
                  void showOnGraph(d);
                },
              },
            },
            `${d.subject.name} · ${d.property} `,
            h("span", { class: "d-count" }, `(${d.versions.length})`),
          ),
        ),
      ),
    );
  }

  const load = async () => {
    try {
      all = (await fetchDisagreements()).disagreements;
      status.textContent = `${all.length}`;
      csvBtn.disabled = all.length === 0;
      renderList();
      if (all.length === 0) detail.replaceChildren(h("p", { class: "muted" }, "The sources agree on everything here."));
    } catch (e) {
      status.replaceChildren(
        h("span", { class: "error" }, `Could not load. ${describeError(e)} `),
        button("Retry", () => void load()),
      );
    }
  };
  void load();
}
