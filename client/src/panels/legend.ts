// The legend over the canvas: each node type in view with its colour and count, and how edges encode support
// (width = independent sources, colour = stated / only claimed / contested). Types come from the graph, so an
// unknown label from any database shows up with its generated colour.
import type { ExplorerContext } from "../explorer-context.ts";
import { SUPPORT_COLORS, SUPPORT_LEGEND } from "../state/edge-style.ts";
import { buildScale } from "../state/style-rules.ts";
import { h } from "../ui/dom.ts";

export function mountLegend(host: HTMLElement, ctx: ExplorerContext): void {
  const { store } = ctx;
  const types = h("ul", { class: "legend-types", attrs: { "data-testid": "legend-types" } });
  const rule = h("div", { class: "legend-rule" });
  const edges = h(
    "ul",
    { class: "legend-edges" },
    SUPPORT_LEGEND.map((l) =>
      h("li", {}, h("span", { class: "edge-swatch", style: { background: SUPPORT_COLORS[l.support] } }), l.text),
    ),
    h("li", {}, h("span", { class: "edge-swatch thick" }), "thicker = more independent sources"),
  );
  const toggle = h("button", { class: "legend-toggle", attrs: { type: "button", "aria-expanded": "true" } }, "Legend");
  const body = h("div", { class: "legend-body" }, types, rule, edges);
  toggle.addEventListener("click", () => {
    body.hidden = !body.hidden;
    toggle.setAttribute("aria-expanded", String(!body.hidden));
  });
  host.append(toggle, body);

  const render = () => {
    const byType = new Map<string, { color: string; count: number }>();
    store.graph.forEachNode((_k, a) => {
      const t = byType.get(a.nodeType) ?? { color: store.colors.colorOf(a.nodeType), count: 0 };
      t.count++;
      byType.set(a.nodeType, t);
    });
    types.replaceChildren(
      ...[...byType.entries()]
        .sort((a, b) => b[1].count - a[1].count)
        .map(([type, t]) =>
          h(
            "li",
            { attrs: { "data-type": type } },
            h("span", { class: "swatch", style: { background: t.color } }),
            h("span", { class: "legend-label" }, type),
            h("span", { class: "legend-count" }, String(t.count)),
          ),
        ),
    );
    const r = store.styleRule;
    rule.replaceChildren();
    if (r) {
      const s = buildScale(
        r,
        store.graph.mapNodes((_k, a) => a.properties[r.property]),
      );
      if (s.min !== Infinity) {
        rule.append(
          h("div", { class: "rule-title" }, `Colour by ${r.property}`),
          h(
            "div",
            { class: "rule-scale" },
            h("span", {}, String(s.min)),
            h("span", {
              class: "rule-gradient",
              style: {
                background: `linear-gradient(90deg, ${s.colorOf(s.min)}, ${s.colorOf((s.min + s.max) / 2)}, ${s.colorOf(s.max)})`,
              },
            }),
            h("span", {}, String(s.max)),
          ),
        );
      }
    }
  };
  store.on((t) => {
    if (t.has("graph") || t.has("style")) render();
  });
  render();
}
