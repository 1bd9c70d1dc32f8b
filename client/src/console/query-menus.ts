// The console's two pick-lists, one click from the editor: the saved query library (GET api/queries, fetched when
// first opened) and the history of queries run here. Picking one loads it into the editor; it does not run it.
import type { SavedQuery } from "../../../contract/api.ts";
import { button, h, setChildren } from "../ui/dom.ts";
import { fetchSavedQueries } from "./console-api.ts";
import type { HistoryEntry } from "./query-history.ts";

export interface QueryMenuHooks {
  history(): readonly HistoryEntry[];
  load(query: string, paramsText?: string): void;
  clearHistory(): void;
}

function firstLine(q: string): string {
  const line = q.trim().split("\n")[0] ?? "";
  return line.length > 90 ? `${line.slice(0, 90)}…` : line;
}

export function mountQueryMenus(host: HTMLElement, hooks: QueryMenuHooks): void {
  let saved: SavedQuery[] | null = null;
  const popover = h("div", { class: "console-popover", attrs: { "data-testid": "console-popover", role: "dialog" } });
  popover.hidden = true;
  let openKind: "library" | "history" | null = null;

  const close = () => {
    popover.hidden = true;
    openKind = null;
    libraryBtn.setAttribute("aria-expanded", "false");
    historyBtn.setAttribute("aria-expanded", "false");
  };
  const item = (title: string, sub: string, onPick: () => void, testid: string) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          class: "console-menu-item",
          attrs: { type: "button", "data-testid": testid },
          on: {
            click: () => {
              onPick();
              close();
            },
          },
        },
        h("span", { class: "console-menu-title" }, title),
        sub ? h("span", { class: "console-menu-sub" }, sub) : null,
      ),
    );

  async function showLibrary(): Promise<void> {
    setChildren(popover, h("p", { class: "muted" }, "Loading the saved queries…"));
    try {
      saved ??= (await fetchSavedQueries()).queries;
    } catch (e) {
      setChildren(popover, h("p", { class: "muted" }, `Could not load the saved queries: ${(e as Error).message}`));
      return;
    }
    if (openKind !== "library") return;
    setChildren(
      popover,
      h("h3", {}, "Saved queries"),
      saved.length === 0
        ? h("p", { class: "muted" }, "The library is empty.")
        : h(
            "ul",
            { class: "console-menu" },
            saved.map((q) =>
              item(q.title, q.description || firstLine(q.query), () => hooks.load(q.query), "console-saved-query"),
            ),
          ),
    );
  }

  function showHistory(): void {
    const list = hooks.history();
    setChildren(
      popover,
      h(
        "div",
        { class: "console-popover-head" },
        h("h3", {}, "History"),
        list.length
          ? button(
              "Clear",
              () => {
                hooks.clearHistory();
                showHistory();
              },
              { class: "link" },
            )
          : null,
      ),
      list.length === 0
        ? h("p", { class: "muted" }, "Queries you run are kept here, in this browser, across reloads.")
        : h(
            "ul",
            { class: "console-menu" },
            list.map((e) =>
              item(
                firstLine(e.query),
                `${new Date(e.at).toLocaleString("en-GB")}${e.params.trim() ? " · with parameters" : ""}`,
                () => hooks.load(e.query, e.params),
                "console-history-item",
              ),
            ),
          ),
    );
  }

  function toggle(kind: "library" | "history"): void {
    if (openKind === kind) return close();
    openKind = kind;
    popover.hidden = false;
    libraryBtn.setAttribute("aria-expanded", String(kind === "library"));
    historyBtn.setAttribute("aria-expanded", String(kind === "history"));
    if (kind === "library") void showLibrary();
    else showHistory();
  }

  const libraryBtn = button("Library", () => toggle("library"), {
    title: "Saved queries",
    attrs: { "data-testid": "console-library", "aria-expanded": "false", "aria-haspopup": "dialog" },
  });
  const historyBtn = button("History", () => toggle("history"), {
    title: "Queries run in this browser",
    attrs: { "data-testid": "console-history", "aria-expanded": "false", "aria-haspopup": "dialog" },
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && openKind) close();
  });
  document.addEventListener("mousedown", (e) => {
    if (openKind && !host.contains(e.target as Node)) close();
  });
  host.append(libraryBtn, historyBtn, popover);
}
