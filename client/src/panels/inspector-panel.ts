// The inspector tab: everything about the selected node (name, type, aliases, description, properties, relations
// grouped by type with each one's evidence, value claims) or the selected relation (its ends and its evidence).
import type { GraphEdge, NodeDetail, PropertyValue } from "../../../contract/api.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { api, describeError } from "../api/api-client.ts";
import { fetchEdgeDetails, needsDetails } from "../api/element-details.ts";
import { button, formatValue, h, setChildren } from "../ui/dom.ts";
import { evidenceList } from "./evidence-list.ts";
import { primaryType } from "../state/type-colors.ts";

/** Properties shown elsewhere in the panel, or stored only as evidence columns. */
const SHOWN_ELSEWHERE = new Set(["name", "title", "aliases", "description", "dataset", "id"]);
const isEvidenceColumn = (k: string) => k.startsWith("evidence");

export function mountInspector(host: HTMLElement, ctx: ExplorerContext): void {
  const { store } = ctx;
  const body = h("div", { class: "inspector", attrs: { "data-testid": "inspector", "aria-live": "polite" } });
  host.append(body);
  let token = 0;

  function empty(): void {
    setChildren(
      body,
      h("p", { class: "muted empty-state" }, "Select a node or relation to see its details and evidence."),
      h("p", { class: "muted" }, "Tip: press / to search, double-click a node to expand it."),
    );
  }

  async function showNode(id: string): Promise<void> {
    const my = ++token;
    const a = store.graph.getNodeAttributes(id);
    setChildren(
      body,
      header(a.label, a.nodeType, store.colors.colorOf(a.nodeType)),
      h("p", { class: "muted" }, "Loading…"),
    );
    let detail: NodeDetail;
    try {
      detail = await api.node(id);
    } catch (e) {
      if (my !== token) return;
      setChildren(
        body,
        header(a.label, a.nodeType, store.colors.colorOf(a.nodeType)),
        h("p", { class: "error" }, describeError(e)),
      );
      return;
    }
    if (my !== token) return;
    renderNode(detail);
  }

  function header(name: string, type: string, color: string): HTMLElement {
    return h(
      "header",
      { class: "inspector-header" },
      h("h2", { attrs: { "data-testid": "inspector-title" } }, name),
      h(
        "span",
        { class: "type-chip", style: { borderColor: color } },
        h("span", { class: "swatch", style: { background: color } }),
        type,
      ),
    );
  }

  function renderNode(d: NodeDetail): void {
    const n = d.node;
    const type = primaryType(n.labels);
    const props = n.properties;
    const aliases = Array.isArray(props.aliases) ? props.aliases.map(String) : [];
    const pinned = store.graph.hasNode(n.id) && store.graph.getNodeAttribute(n.id, "fixed");
    const rest = Object.entries(props).filter(([k]) => !SHOWN_ELSEWHERE.has(k) && !isEvidenceColumn(k));
    setChildren(
      body,
      header(n.name, type, store.colors.colorOf(type)),
      h("p", { class: "muted" }, `${n.labels.join(" · ")} · ${d.degree} relations${pinned ? " · pinned" : ""}`),
      aliases.length ? h("p", { class: "aliases" }, h("strong", {}, "Also known as: "), aliases.join(", ")) : null,
      typeof props.description === "string" ? h("p", { class: "description" }, props.description) : null,
      rest.length ? propertyTable(rest) : null,
      d.claims.length
        ? h(
            "section",
            { class: "claims", attrs: { "data-testid": "inspector-claims" } },
            h("h3", {}, "Value claims"),
            d.claims.map((c) =>
              h(
                "div",
                { class: "claim" },
                h(
                  "div",
                  { class: "claim-value" },
                  `${c.property}: ${formatValue(c.value)}${c.unit ? ` ${c.unit}` : ""}`,
                ),
                c.note ? h("p", { class: "muted" }, c.note) : null,
                evidenceList(c.evidence, ctx),
              ),
            ),
          )
        : null,
      h(
        "section",
        { class: "relations", attrs: { "data-testid": "inspector-relations" } },
        h("h3", {}, "Relations"),
        d.relations.length === 0 ? h("p", { class: "muted" }, "No relations.") : null,
        d.relations.map((group) => {
          const byId = new Map(group.neighbors.map((x) => [x.id, x]));
          return h(
            "details",
            { class: "relation-group", attrs: { open: group.edges.length <= 6 } },
            h("summary", {}, `${group.direction === "out" ? "→" : "←"} ${group.type} (${group.edges.length})`),
            group.edges.map((e) => {
              const otherId = group.direction === "out" ? e.target : e.source;
              const other = byId.get(otherId);
              return h(
                "div",
                { class: "relation" },
                h(
                  "div",
                  { class: "relation-head" },
                  h("span", { class: "muted" }, group.direction === "out" ? `${group.type} → ` : `← ${group.type} `),
                  button(other?.name ?? otherId, () => void ctx.focusNode(otherId), { class: "link" }),
                ),
                evidenceList(e.evidence, ctx),
              );
            }),
          );
        }),
      ),
    );
  }

  function propertyTable(entries: [string, PropertyValue][]): HTMLElement {
    return h(
      "table",
      { class: "props" },
      h(
        "tbody",
        {},
        entries.map(([k, v]) => h("tr", {}, h("th", { attrs: { scope: "row" } }, k), h("td", {}, formatValue(v)))),
      ),
    );
  }

  async function showEdge(id: string): Promise<void> {
    const my = ++token;
    const g = store.graph;
    const a = g.getEdgeAttributes(id);
    const [s, t] = g.extremities(id);
    const edge: GraphEdge = {
      id,
      type: a.relType,
      source: s,
      target: t,
      properties: a.properties,
      evidence: a.evidence,
    };
    if (!needsDetails(a)) return renderEdge(edge, a.sourceCount, a.support, null);
    // A big view came without quotes and long text: show what is known at once, then the whole edge.
    renderEdge(
      edge,
      a.sourceCount,
      a.support,
      h("p", { class: "muted", attrs: { "data-testid": "details-loading" } }, "Loading quotes…"),
    );
    let whole: GraphEdge | undefined;
    try {
      whole = (await fetchEdgeDetails([{ id, source: s }])).get(id);
    } catch (e) {
      if (my === token) renderEdge(edge, a.sourceCount, a.support, h("p", { class: "error" }, describeError(e)));
      return;
    }
    if (whole) store.keepDetails({ edges: new Map([[id, whole]]) });
    if (my !== token) return;
    if (whole) renderEdge({ ...whole, source: s, target: t }, a.sourceCount, a.support, null);
    else
      renderEdge(
        edge,
        a.sourceCount,
        a.support,
        h("p", { class: "error" }, "This relation is no longer in the database."),
      );
  }
  function renderEdge(edge: GraphEdge, sourceCount: number, support: string, notice: HTMLElement | null): void {
    const g = store.graph;
    const { source: s, target: t } = edge;
    const rest = Object.entries(edge.properties).filter(([k]) => !SHOWN_ELSEWHERE.has(k) && !isEvidenceColumn(k));
    setChildren(
      body,
      h(
        "header",
        { class: "inspector-header" },
        h("h2", { attrs: { "data-testid": "inspector-title" } }, edge.type),
        h("span", { class: "type-chip" }, `${sourceCount} source${sourceCount === 1 ? "" : "s"} · ${support}`),
      ),
      h(
        "p",
        { class: "relation-head" },
        button(g.getNodeAttribute(s, "label"), () => store.select({ kind: "node", id: s }), { class: "link" }),
        ` —${edge.type}→ `,
        button(g.getNodeAttribute(t, "label"), () => store.select({ kind: "node", id: t }), { class: "link" }),
      ),
      rest.length ? propertyTable(rest) : null,
      h("h3", {}, "Evidence"),
      notice,
      evidenceList(edge.evidence, ctx),
    );
  }
  store.on((topics) => {
    if (!topics.has("selection")) return;
    const sel = store.selection;
    if (!sel) return empty();
    ctx.tabs.activate("inspector");
    if (sel.kind === "node") void showNode(sel.id);
    else void showEdge(sel.id);
  });
  empty();
}
