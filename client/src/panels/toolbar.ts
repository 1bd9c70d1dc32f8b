// The toolbar: history (undo/redo, back/forward through selections), what to do with the selected node (expand,
// hide, pin, remove), view-wide actions (reveal relations, show hidden) and the layout and camera buttons.
import type { ExplorerContext } from "../explorer-context.ts";
import { fitView } from "../render/graph-renderer.ts";
import { h } from "../ui/dom.ts";

export function mountToolbar(host: HTMLElement, ctx: ExplorerContext): void {
  const { store, layout, renderer } = ctx;
  const g = store.graph;
  const selectedNode = () => (store.selection?.kind === "node" ? store.selection.id : null);

  const btn = (id: string, label: string, title: string, onClick: () => void) =>
    h(
      "button",
      {
        class: "tool",
        title,
        attrs: { type: "button", "data-testid": id, "aria-label": title },
        on: { click: onClick },
      },
      label,
    );

  const undo = btn("undo", "↶", "Undo (Ctrl+Z)", () => store.undo());
  const redo = btn("redo", "↷", "Redo (Ctrl+Shift+Z)", () => store.redo());
  const back = btn("back", "←", "Previous selection (Alt+←)", () => store.back());
  const fwd = btn("forward", "→", "Next selection (Alt+→)", () => store.forward());
  const expand = btn("expand", "Expand", "Expand the selected node's neighbours (double-click, E)", () => {
    const id = selectedNode();
    if (id) void ctx.expandNode(id);
  });
  const hide = btn("hide", "Hide", "Hide the selected node (H)", () => {
    const id = selectedNode();
    if (id) {
      store.select(null);
      store.hideNodes([id]);
    }
  });
  const pin = btn("pin", "Pin", "Pin the selected node: the layout leaves it in place (P)", () => {
    const id = selectedNode();
    if (id) store.pinNodes([id], !g.getNodeAttribute(id, "fixed"));
  });
  const remove = btn("remove", "Remove", "Remove the selected node from the view (Delete)", () => {
    const id = selectedNode();
    if (id) store.removeNodes([id]);
  });
  const reveal = btn("reveal", "Reveal", "Add the relations among the nodes on screen", () => {
    reveal.disabled = true;
    void ctx.actions.revealRelations().finally(() => (reveal.disabled = false));
  });
  const showHidden = btn("show-hidden", "Show hidden", "Show the nodes you hid", () => store.showHiddenNodes());
  const layoutBtn = btn("layout-toggle", "Run layout", "Start or stop the ForceAtlas2 layout", () => layout.toggle());
  const fit = btn("fit", "Fit", "Fit the graph to the view (F)", () => void fitView(renderer));

  host.append(
    h("div", { class: "tool-group", attrs: { role: "group", "aria-label": "History" } }, undo, redo, back, fwd),
    h(
      "div",
      { class: "tool-group", attrs: { role: "group", "aria-label": "Selected node" } },
      expand,
      hide,
      pin,
      remove,
    ),
    h(
      "div",
      { class: "tool-group", attrs: { role: "group", "aria-label": "View" } },
      reveal,
      showHidden,
      layoutBtn,
      fit,
    ),
  );

  const render = () => {
    const u = store.undoLabel();
    const r = store.redoLabel();
    undo.disabled = !u;
    redo.disabled = !r;
    undo.title = u ? `Undo: ${u} (Ctrl+Z)` : "Nothing to undo";
    redo.title = r ? `Redo: ${r} (Ctrl+Shift+Z)` : "Nothing to redo";
    back.disabled = !store.canBack();
    fwd.disabled = !store.canForward();
    const id = selectedNode();
    for (const b of [expand, hide, pin, remove]) b.disabled = !id;
    pin.textContent = id && g.getNodeAttribute(id, "fixed") ? "Unpin" : "Pin";
    const hiddenCount = g.filterNodes((_k, a) => a.userHidden).length;
    showHidden.disabled = hiddenCount === 0;
    showHidden.textContent = hiddenCount ? `Show hidden (${hiddenCount})` : "Show hidden";
    layoutBtn.textContent = store.layoutRunning ? "■ Stop layout" : "▶ Layout";
    layoutBtn.setAttribute("aria-pressed", String(store.layoutRunning));
  };
  store.on(render);
  render();
}
