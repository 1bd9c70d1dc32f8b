// The status bar: how many nodes and relations are in the view and how many are visible after filters and hiding,
// whether the layout runs, and short confirmations. Tests read the counts by their data-testid.
import type { ExplorerContext } from "../explorer-context.ts";
import { h } from "../ui/dom.ts";

export function mountStatusBar(host: HTMLElement, ctx: ExplorerContext, message: HTMLElement): void {
  const { store } = ctx;
  const count = (id: string) => h("span", { class: "count", attrs: { "data-testid": id } }, "0");
  const nodes = count("count-nodes");
  const visibleNodes = count("count-visible-nodes");
  const edges = count("count-edges");
  const visibleEdges = count("count-visible-edges");
  const layout = h("span", { class: "layout-state", attrs: { "data-testid": "layout-state" } });
  host.append(
    h("span", {}, "Nodes ", visibleNodes, " visible of ", nodes),
    h("span", { class: "sep", attrs: { "aria-hidden": "true" } }, "·"),
    h("span", {}, "Relations ", visibleEdges, " visible of ", edges),
    h("span", { class: "sep", attrs: { "aria-hidden": "true" } }, "·"),
    layout,
    message,
  );
  const render = () => {
    const c = store.counts();
    nodes.textContent = String(c.nodes);
    visibleNodes.textContent = String(c.visibleNodes);
    edges.textContent = String(c.edges);
    visibleEdges.textContent = String(c.visibleEdges);
    layout.textContent = store.layoutRunning ? "Layout running…" : "Layout idle";
  };
  store.on((t) => {
    if (t.has("graph") || t.has("visibility") || t.has("layout")) render();
  });
  render();
}
