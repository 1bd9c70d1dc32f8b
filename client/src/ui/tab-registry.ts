// A small registry of tabs so a later feature (Cypher console, path tracer, timeline ...) adds its own tab to the
// side or bottom area by calling `registerTab` from its own module, without editing the existing panels.
import { h } from "./dom.ts";

export type TabArea = "side" | "bottom";

export interface TabSpec<C> {
  id: string;
  title: string;
  area: TabArea;
  /** Lower comes first; the built-in tabs use 10, 20, 30. */
  order?: number;
  /** Builds the tab's content once, when the area mounts it; may return a cleanup. `shown` resolves the first time
   *  the tab is shown, for work only a visible tab needs (a folded bottom area may never be opened). */
  mount(container: HTMLElement, ctx: C, shown: Promise<void>): void | (() => void);
}

export interface TabRegistry<C> {
  registerTab(spec: TabSpec<C>): void;
  /** Shows a tab (opening its area if it was collapsed). */
  activate(id: string): void;
  /** Mounts an area's tabs into `host`. A collapsible area starts folded to its tab strip; clicking the open tab
   *  folds it again (the bottom area, so the graph keeps its height until a tool is wanted). */
  mountArea(area: TabArea, host: HTMLElement, ctx: C, opts?: { collapsible?: boolean }): void;
  active(area: TabArea): string | null;
}

export function createTabRegistry<C>(): TabRegistry<C> {
  const specs: TabSpec<C>[] = [];
  const areas = new Map<
    TabArea,
    { render(): void; activate(id: string): boolean; collapse(): void; active: string | null }
  >();

  const registry: TabRegistry<C> = {
    registerTab(spec) {
      if (specs.some((s) => s.id === spec.id)) throw new Error(`tab-registry: a tab "${spec.id}" already exists`);
      specs.push(spec);
      specs.sort((a, b) => (a.order ?? 50) - (b.order ?? 50));
      areas.get(spec.area)?.render();
    },
    activate(id) {
      for (const a of areas.values()) if (a.activate(id)) return;
    },
    active: (area) => areas.get(area)?.active ?? null,
    mountArea(area, host, ctx, opts = {}) {
      const collapsible = opts.collapsible ?? false;
      const tabList = h("div", { class: "tab-list", attrs: { role: "tablist", "aria-label": `${area} panels` } });
      const panels = h("div", { class: "tab-panels" });
      host.append(tabList, panels);
      const mounted = new Map<string, { button: HTMLButtonElement; panel: HTMLElement; show(): void }>();
      const state = {
        active: null as string | null,
        render() {
          const mine = specs.filter((s) => s.area === area);
          host.hidden = mine.length === 0;
          for (const spec of mine) {
            if (mounted.has(spec.id)) continue;
            const panel = h("div", {
              class: "tab-panel",
              attrs: { role: "tabpanel", id: `tab-${spec.id}`, "data-testid": `tab-${spec.id}` },
            });
            const button = h(
              "button",
              {
                class: "tab",
                attrs: {
                  type: "button",
                  role: "tab",
                  "aria-controls": `tab-${spec.id}`,
                  "data-testid": `tab-button-${spec.id}`,
                },
                on: {
                  click: () => (collapsible && state.active === spec.id ? state.collapse() : state.activate(spec.id)),
                },
              },
              spec.title,
            );
            panel.hidden = true;
            let show = (): void => undefined;
            const shown = new Promise<void>((resolve) => (show = resolve));
            mounted.set(spec.id, { button, panel, show });
            spec.mount(panel, ctx, shown);
          }
          tabList.replaceChildren(...mine.map((s) => mounted.get(s.id)!.button));
          panels.replaceChildren(...mine.map((s) => mounted.get(s.id)!.panel));
          if (!state.active && mine[0] && !collapsible) state.activate(mine[0].id);
          if (collapsible && !state.active) state.collapse();
        },
        collapse() {
          state.active = null;
          for (const m of mounted.values()) {
            m.panel.hidden = true;
            m.button.setAttribute("aria-selected", "false");
            m.button.tabIndex = 0;
          }
          host.classList.add("collapsed");
        },
        activate(id: string): boolean {
          if (!mounted.has(id)) return false;
          state.active = id;
          for (const [k, m] of mounted) {
            m.panel.hidden = k !== id;
            if (k === id) m.show();
            m.button.setAttribute("aria-selected", String(k === id));
            m.button.tabIndex = k === id ? 0 : -1;
          }
          host.hidden = false;
          host.classList.remove("collapsed");
          return true;
        },
      };
      areas.set(area, state);
      state.render();
    },
  };
  return registry;
}
