// The filters tab: entity types, relation types, modality and source article, plus the toggle for Source nodes.
// Each list shows "visible / in view" counts that follow the graph. Filters only flip `hidden` through the store.
import type { Modality } from "../../../contract/api.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { button, h } from "../ui/dom.ts";
import { SOURCE_LABEL } from "../state/filters.ts";

const MODALITIES: Modality[] = ["asserted", "claimed", "alleged", "suspected", "disputed", "denied"];

interface CheckList {
  el: HTMLElement;
  update(entries: { key: string; label: string; checked: boolean; count: string; color?: string }[]): void;
}

function checkList(testid: string, onToggle: (key: string, checked: boolean) => void): CheckList {
  const el = h("ul", { class: "check-list", attrs: { "data-testid": testid } });
  const rows = new Map<
    string,
    { li: HTMLLIElement; input: HTMLInputElement; count: HTMLElement; label: HTMLElement }
  >();
  return {
    el,
    update(entries) {
      const keep = new Set(entries.map((e) => e.key));
      for (const [k, r] of rows) {
        if (keep.has(k)) continue;
        r.li.remove();
        rows.delete(k);
      }
      for (const e of entries) {
        let r = rows.get(e.key);
        if (!r) {
          const input = h("input", { attrs: { type: "checkbox", value: e.key } });
          input.addEventListener("change", () => onToggle(e.key, input.checked));
          const count = h("span", { class: "filter-count" });
          const label = h("span", { class: "filter-label" });
          const li = h(
            "li",
            { attrs: { "data-key": e.key } },
            h(
              "label",
              { class: "check" },
              input,
              e.color ? h("span", { class: "swatch", style: { background: e.color } }) : null,
              label,
              count,
            ),
          );
          r = { li, input, count, label };
          rows.set(e.key, r);
        }
        r.input.checked = e.checked;
        r.label.textContent = e.label;
        r.count.textContent = e.count;
        el.append(r.li);
      }
    },
  };
}

export function mountFilterPanel(host: HTMLElement, ctx: ExplorerContext): void {
  const { store } = ctx;
  const g = store.graph;
  const toggleSet = <T>(s: ReadonlySet<T>, k: T, on: boolean) => {
    const next = new Set(s);
    if (on) next.delete(k);
    else next.add(k);
    return next;
  };
  const nodeTypes = checkList("filter-node-types", (k, on) =>
    store.setFilter({ hiddenNodeTypes: toggleSet(store.filters.hiddenNodeTypes, k, on) }),
  );
  const edgeTypes = checkList("filter-edge-types", (k, on) =>
    store.setFilter({ hiddenEdgeTypes: toggleSet(store.filters.hiddenEdgeTypes, k, on) }),
  );
  const modalities = checkList("filter-modalities", (k, on) =>
    store.setFilter({ hiddenModalities: toggleSet(store.filters.hiddenModalities, k as Modality, on) }),
  );
  const sources = checkList("filter-sources", (k, on) => {
    const all = [...ctx.names.sources.keys()];
    const current = store.filters.onlySources ?? new Set(all);
    const next = new Set(current);
    if (on) next.add(k);
    else next.delete(k);
    store.setFilter({ onlySources: next.size === all.length ? null : next });
  });
  const showSources = h("input", { attrs: { type: "checkbox", "data-testid": "toggle-source-nodes" } });
  showSources.addEventListener("change", () => store.setFilter({ showSourceNodes: showSources.checked }));

  host.append(
    h(
      "div",
      { class: "filters" },
      h(
        "div",
        { class: "filter-actions" },
        button(
          "Reset filters",
          () =>
            store.setFilter({
              hiddenNodeTypes: new Set(),
              hiddenEdgeTypes: new Set(),
              hiddenModalities: new Set(),
              onlySources: null,
            }),
          { attrs: { "data-testid": "filter-reset" } },
        ),
        h("label", { class: "check" }, showSources, " Show Source (article) nodes"),
      ),
      h("h3", {}, "Entity types"),
      nodeTypes.el,
      h("h3", {}, "Relation types"),
      edgeTypes.el,
      h("h3", {}, "Modality"),
      h("p", { class: "muted small" }, "A relation stays while any of its evidence passes."),
      modalities.el,
      h("h3", {}, "Source articles"),
      h("p", { class: "muted small" }, "Only relations reported by the checked articles."),
      sources.el,
    ),
  );

  const render = () => {
    const f = store.filters;
    const nt = new Map<string, [number, number]>();
    g.forEachNode((_k, a) => {
      if (a.labels.includes(SOURCE_LABEL) && a.nodeType === SOURCE_LABEL && !f.showSourceNodes) return;
      const c = nt.get(a.nodeType) ?? [0, 0];
      c[1]++;
      if (!a.hidden) c[0]++;
      nt.set(a.nodeType, c);
    });
    nodeTypes.update(
      [...nt.entries()]
        .sort((a, b) => b[1][1] - a[1][1])
        .map(([k, [v, t]]) => ({
          key: k,
          label: k,
          checked: !f.hiddenNodeTypes.has(k),
          count: `${v}/${t}`,
          color: store.colors.colorOf(k),
        })),
    );
    const et = new Map<string, [number, number]>();
    const mod = new Map<string, [number, number]>();
    const src = new Map<string, [number, number]>();
    g.forEachEdge((_k, a) => {
      const c = et.get(a.relType) ?? [0, 0];
      c[1]++;
      if (!a.hidden) c[0]++;
      et.set(a.relType, c);
      for (const m of new Set(a.evidence.map((e) => e.modality))) {
        const mc = mod.get(m) ?? [0, 0];
        mc[1]++;
        if (!a.hidden) mc[0]++;
        mod.set(m, mc);
      }
      for (const s of new Set(a.evidence.map((e) => e.source))) {
        const sc = src.get(s) ?? [0, 0];
        sc[1]++;
        if (!a.hidden) sc[0]++;
        src.set(s, sc);
      }
    });
    edgeTypes.update(
      [...et.entries()]
        .sort((a, b) => b[1][1] - a[1][1])
        .map(([k, [v, t]]) => ({ key: k, label: k, checked: !f.hiddenEdgeTypes.has(k), count: `${v}/${t}` })),
    );
    modalities.update(
      MODALITIES.filter((m) => mod.has(m) || f.hiddenModalities.has(m)).map((m) => {
        const [v, t] = mod.get(m) ?? [0, 0];
        return { key: m, label: m, checked: !f.hiddenModalities.has(m), count: `${v}/${t}` };
      }),
    );
    const srcIds = new Set([...ctx.names.sources.keys(), ...[...src.keys()].filter((s) => s !== "")]);
    sources.update(
      [...srcIds].map((id) => {
        const [v, t] = src.get(id) ?? [0, 0];
        const s = ctx.names.sources.get(id);
        return {
          key: id,
          label: s ? `${s.title}${s.outlet ? ` (${s.outlet})` : ""}` : id,
          checked: f.onlySources === null || f.onlySources.has(id),
          count: `${v}/${t}`,
        };
      }),
    );
    showSources.checked = f.showSourceNodes;
  };
  store.on((t) => {
    if (t.has("graph") || t.has("visibility") || t.has("filters")) render();
  });
  render();
}
