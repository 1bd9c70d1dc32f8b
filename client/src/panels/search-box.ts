// The search box: `/` focuses it; suggestions from /api/search as you type (debounced, stale requests aborted);
// arrow keys move through them; Enter or a click brings the node into view, selects it and flies the camera there.
import type { SearchResult } from "../../../contract/api.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { api, describeError } from "../api/api-client.ts";
import { h } from "../ui/dom.ts";
import { primaryType } from "../state/type-colors.ts";

const DEBOUNCE_MS = 180;

export function mountSearchBox(host: HTMLElement, ctx: ExplorerContext): HTMLInputElement {
  const input = h("input", {
    class: "search-input",
    attrs: {
      type: "search",
      placeholder: "Search entities  ( / )",
      "aria-label": "Search entities",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": "search-results",
      autocomplete: "off",
      spellcheck: "false",
      "data-testid": "search-input",
    },
  });
  const list = h("ul", {
    class: "search-results",
    attrs: { id: "search-results", role: "listbox", "data-testid": "search-results" },
  });
  list.hidden = true;
  host.append(input, list);

  let results: SearchResult[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  function close(): void {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function render(message?: string): void {
    list.replaceChildren();
    if (message) list.append(h("li", { class: "search-message", attrs: { role: "presentation" } }, message));
    results.forEach((r, i) => {
      const type = primaryType(r.labels);
      list.append(
        h(
          "li",
          {
            class: `search-result${i === active ? " active" : ""}`,
            attrs: {
              role: "option",
              id: `search-opt-${i}`,
              "aria-selected": String(i === active),
              "data-node-id": r.id,
            },
            on: {
              mousedown: (e) => {
                e.preventDefault();
                void choose(i);
              },
            },
          },
          h("span", { class: "swatch", style: { background: ctx.store.colors.colorOf(type) } }),
          h("span", { class: "result-name" }, r.name),
          h("span", { class: "result-type" }, type),
        ),
      );
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-opt-${active}`);
  }

  async function query(q: string): Promise<void> {
    controller?.abort();
    if (q.trim().length === 0) {
      results = [];
      return close();
    }
    const my = new AbortController();
    controller = my;
    try {
      const res = await api.search(q.trim(), my.signal);
      if (my.signal.aborted) return;
      results = res.results;
      active = results.length ? 0 : -1;
      render(results.length ? undefined : `No entity matches “${q.trim()}”.`);
    } catch (e) {
      if (my.signal.aborted || (e instanceof DOMException && e.name === "AbortError")) return;
      results = [];
      render(`Search failed: ${describeError(e)}`);
    }
  }

  async function choose(i: number): Promise<void> {
    const r = results[i];
    if (!r) return;
    close();
    input.value = r.name;
    ctx.names.remember(r.id, r.name);
    await ctx.focusNode(r.id);
  }

  input.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void query(input.value), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!results.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + results.length) % results.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (timer && results.length === 0) {
        // Enter before the debounce fired: search now, then take the first hit.
        clearTimeout(timer);
        timer = null;
        void query(input.value).then(() => choose(0));
      } else void choose(Math.max(active, 0));
    } else if (e.key === "Escape") {
      close();
      input.blur();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("focus", () => {
    if (results.length) render();
  });
  return input;
}
