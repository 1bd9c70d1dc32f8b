// Picks one entity for the path tracer: search-as-you-type over GET api/search (stale answers aborted), or the
// node selected in the graph. Keyboard: arrows move through the suggestions, Enter picks, Escape closes.
import { api } from "../api/api-client.ts";
import type { GraphStore } from "../state/graph-store.ts";
import { button, h } from "../ui/dom.ts";

export interface PickedEntity {
  id: string;
  name: string;
}

export interface EntityPicker {
  element: HTMLElement;
  value(): PickedEntity | null;
  set(v: PickedEntity | null): void;
}

const SEARCH_DELAY_MS = 180;

export function createEntityPicker(
  label: string,
  testid: string,
  store: GraphStore,
  onChange: (v: PickedEntity | null) => void,
): EntityPicker {
  let picked: PickedEntity | null = null;
  let pending: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let options: PickedEntity[] = [];
  let active = -1;
  const listId = `${testid}-options`;

  const input = h("input", {
    class: "path-picker-input",
    attrs: {
      type: "search",
      placeholder: "Type a name…",
      autocomplete: "off",
      role: "combobox",
      "aria-expanded": "false",
      "aria-controls": listId,
      "aria-label": label,
      "data-testid": `${testid}-input`,
    },
  });
  const list = h("ul", { class: "path-picker-options", attrs: { id: listId, role: "listbox" } });
  list.hidden = true;

  function set(v: PickedEntity | null, notify = true): void {
    picked = v;
    input.value = v?.name ?? "";
    input.dataset.entityId = v?.id ?? "";
    closeList();
    if (notify) onChange(v);
  }
  function closeList(): void {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }
  function renderOptions(): void {
    list.replaceChildren(
      ...options.map((o, i) =>
        h(
          "li",
          {
            class: "path-picker-option",
            attrs: {
              role: "option",
              "aria-selected": String(i === active),
              "data-testid": `${testid}-option`,
              "data-entity-id": o.id,
            },
            // mousedown, not click: picking must happen before the input's blur closes the list.
            on: {
              mousedown: (e) => {
                e.preventDefault();
                set(o);
              },
            },
          },
          o.name,
        ),
      ),
    );
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
  }
  async function search(q: string): Promise<void> {
    pending?.abort();
    const ctl = new AbortController();
    pending = ctl;
    try {
      const res = await api.search(q, ctl.signal);
      if (ctl.signal.aborted) return;
      options = res.results.map((r) => ({ id: r.id, name: r.name }));
      active = options.length ? 0 : -1;
      renderOptions();
    } catch {
      if (!ctl.signal.aborted) {
        options = [];
        renderOptions();
      }
    }
  }

  input.addEventListener("input", () => {
    if (picked) {
      picked = null;
      onChange(null);
    }
    if (timer) clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return closeList();
    timer = setTimeout(() => void search(q), SEARCH_DELAY_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + options.length) % options.length;
      renderOptions();
    } else if (e.key === "Enter" && options[active]) {
      e.preventDefault();
      set(options[active]);
    } else if (e.key === "Escape") closeList();
  });
  input.addEventListener("blur", closeList);

  const useSelected = button(
    "Use selected",
    () => {
      const sel = store.selection;
      if (sel?.kind !== "node") return;
      set({ id: sel.id, name: store.graph.getNodeAttribute(sel.id, "label") });
    },
    { title: "Use the node selected in the graph", attrs: { "data-testid": `${testid}-use-selected` } },
  );
  const refresh = () => (useSelected.disabled = store.selection?.kind !== "node");
  refresh();
  store.on((t) => t.has("selection") && refresh());

  const element = h(
    "div",
    { class: "path-picker" },
    h("label", { class: "path-picker-label", attrs: { for: `${testid}-field` } }, label),
    h("div", { class: "path-picker-row" }, h("div", { class: "path-picker-field" }, input, list), useSelected),
  );
  input.id = `${testid}-field`;
  return { element, value: () => picked, set: (v) => set(v, false) };
}
