// The selective expand: when a node has many neighbours, a dialog lists them by type and by relation (with counts
// from the API) and adds only what the user picks, instead of flooding the view.
import type { ExplorerContext } from "../explorer-context.ts";
import type { ExpandChoice } from "../state/explorer-actions.ts";
import { button, h } from "../ui/dom.ts";

export function openExpandDialog(ctx: ExplorerContext, choice: ExpandChoice): HTMLDialogElement {
  const { counts } = choice.response;
  const name = ctx.store.graph.getNodeAttribute(choice.nodeId, "label");
  const labels = new Set<string>();
  const types = new Set<string>();
  const group = (title: string, entries: Record<string, number>, chosen: Set<string>, kind: string) =>
    h(
      "fieldset",
      { class: "expand-group" },
      h("legend", {}, title),
      Object.entries(entries)
        .filter(([k]) => k !== "Entity")
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) =>
          h(
            "label",
            { class: "check" },
            h("input", {
              attrs: { type: "checkbox", "data-kind": kind, value: k },
              on: {
                change: (e) => ((e.target as HTMLInputElement).checked ? chosen.add(k) : chosen.delete(k), update()),
              },
            }),
            ` ${k} `,
            h("span", { class: "muted" }, `(${n})`),
          ),
        ),
    );
  const addButton = button(
    "Add selected",
    () => {
      dialog.close();
      void ctx.actions.expandSelected(choice, labels, types);
    },
    { class: "primary", attrs: { "data-testid": "expand-add" } },
  );
  const update = () => {
    addButton.disabled = labels.size === 0 || types.size === 0;
  };
  const dialog = h(
    "dialog",
    { class: "expand-dialog", attrs: { "data-testid": "expand-dialog", "aria-label": `Expand ${name}` } },
    h("h2", {}, `Expand “${name}”`),
    h("p", {}, `${choice.newCount} neighbours are not in view yet. Choose which types and relations to add.`),
    h(
      "div",
      { class: "expand-groups" },
      group("Neighbour types", counts.byLabel, labels, "label"),
      group("Relation types", counts.byType, types, "type"),
    ),
    h(
      "div",
      { class: "dialog-actions" },
      button("Select all", () => {
        dialog.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((c) => {
          c.checked = true;
          (c.dataset.kind === "label" ? labels : types).add(c.value);
        });
        update();
      }),
      button("Cancel", () => dialog.close()),
      addButton,
    ),
  );
  update();
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
