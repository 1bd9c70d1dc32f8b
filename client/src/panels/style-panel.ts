// The style tab: a small rule editor, "numeric property → colour scale", e.g. colour events by death toll.
// The rule lives in the store; the renderer's reducer applies it and the legend shows its range.
import type { ExplorerContext } from "../explorer-context.ts";
import { button, h } from "../ui/dom.ts";
import { numericValue, SCALES, type ScaleName } from "../state/style-rules.ts";

export function mountStylePanel(host: HTMLElement, ctx: ExplorerContext): void {
  const { store } = ctx;
  const propSelect = h("select", { attrs: { "aria-label": "Property", "data-testid": "style-property" } });
  const scaleSelect = h(
    "select",
    { attrs: { "aria-label": "Colour scale", "data-testid": "style-scale" } },
    (Object.keys(SCALES) as ScaleName[]).map((s) => h("option", { attrs: { value: s } }, s)),
  );
  const note = h("p", { class: "muted small" });
  host.append(
    h(
      "div",
      { class: "style-panel" },
      h("h3", {}, "Colour nodes by a numeric property"),
      h("label", { class: "field" }, "Property ", propSelect),
      h("label", { class: "field" }, "Scale ", scaleSelect),
      h(
        "div",
        { class: "filter-actions" },
        button(
          "Apply",
          () => {
            if (propSelect.value)
              store.setStyleRule({ property: propSelect.value, scale: scaleSelect.value as ScaleName });
          },
          { class: "primary", attrs: { "data-testid": "style-apply" } },
        ),
        button("Clear", () => store.setStyleRule(null)),
      ),
      note,
      h("p", { class: "muted small" }, "Nodes without the property keep their type colour."),
    ),
  );
  const render = () => {
    const counts = new Map<string, number>();
    store.graph.forEachNode((_k, a) => {
      for (const [k, v] of Object.entries(a.properties)) {
        if (numericValue(v) !== null && !k.startsWith("evidence")) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    });
    const current = propSelect.value || store.styleRule?.property || "";
    propSelect.replaceChildren(
      ...[...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => h("option", { attrs: { value: k, selected: k === current } }, `${k} (${n} nodes)`)),
    );
    note.textContent = counts.size ? "" : "No numeric properties on the nodes in view.";
  };
  store.on((t) => {
    if (t.has("graph")) render();
  });
  render();
}
