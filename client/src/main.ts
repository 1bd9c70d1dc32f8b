// The explorer's entry: lays out the page, creates the one graph store, the sigma renderer and the layout worker,
// mounts the panels and tabs, then loads the schema, the source list and the seed graph from the API.
import { api, describeError } from "./api/api-client.ts";
import { createGraphStore } from "./state/graph-store.ts";
import { createGraphRenderer, focusCamera, withoutLiveUpdates } from "./render/graph-renderer.ts";
import { createLayoutRunner } from "./render/layout-runner.ts";
import { enableNodeDrag } from "./render/node-drag.ts";
import { createNameDirectory } from "./state/name-directory.ts";
import { createExplorerActions } from "./state/explorer-actions.ts";
import { createNotices } from "./ui/notices.ts";
import { createTabRegistry } from "./ui/tab-registry.ts";
import { installKeyboardShortcuts } from "./ui/keyboard-shortcuts.ts";
import { h } from "./ui/dom.ts";
import type { ExplorerContext } from "./explorer-context.ts";
import { mountToolbar } from "./panels/toolbar.ts";
import { mountStatusBar } from "./panels/status-bar.ts";
import { mountLegend } from "./panels/legend.ts";
import { mountSearchBox } from "./panels/search-box.ts";
import { mountInspector } from "./panels/inspector-panel.ts";
import { mountFilterPanel } from "./panels/filter-panel.ts";
import { mountStylePanel } from "./panels/style-panel.ts";
import { openExpandDialog } from "./panels/expand-dialog.ts";
import { installAnalystTools } from "./workspace/install-analyst-tools.ts";
import { mountConsole } from "./console/console-panel.ts";
import { mountPathTracer } from "./paths/path-tracer-panel.ts";
import { SHARE_KEYS } from "./share/url-state.ts";

declare global {
  interface Window {
    /** For browser tests (read-only use): the graph, the renderer and the store. */
    __kg?: {
      graph: ExplorerContext["store"]["graph"];
      sigma: ExplorerContext["renderer"];
      store: ExplorerContext["store"];
      ready: boolean;
    };
  }
}

const root = document.getElementById("app")!;
const searchHost = h("div", { class: "search" });
const toolbarHost = h("div", { class: "toolbar", attrs: { role: "toolbar", "aria-label": "Graph actions" } });
const banner = h("div", { class: "banner", attrs: { "data-testid": "banner" } });
banner.hidden = true;
const canvas = h("div", {
  class: "graph-canvas",
  attrs: { "data-testid": "graph-canvas", "aria-label": "Graph view", role: "application" },
});
const overlay = h(
  "div",
  { class: "canvas-overlay", attrs: { "data-testid": "canvas-overlay", "aria-live": "polite" } },
  "Loading the graph…",
);
const legendHost = h("div", { class: "legend", attrs: { "data-testid": "legend" } });
const sideHost = h("aside", { class: "side-area", attrs: { "aria-label": "Details" } });
const bottomHost = h("section", { class: "bottom-area", attrs: { "aria-label": "Tools" } });
const statusHost = h("footer", { class: "status-bar", attrs: { "data-testid": "status-bar" } });
const statusMessage = h("span", {
  class: "status-message",
  attrs: { "data-testid": "status-message", "aria-live": "polite" },
});

root.append(
  h("header", { class: "top-bar" }, h("h1", { class: "brand" }, "kg-explorer"), searchHost, toolbarHost),
  banner,
  h("main", { class: "workspace" }, h("div", { class: "canvas-wrap" }, canvas, legendHost, overlay), sideHost),
  bottomHost,
  statusHost,
);

const store = createGraphStore();
const notices = createNotices(banner, statusMessage);
const renderer = createGraphRenderer(canvas, store);
const layout = createLayoutRunner(store);
const names = createNameDirectory(store);
const actions = createExplorerActions(store, names, notices);
const tabs = createTabRegistry<ExplorerContext>();
let markReady = (): void => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

const ctx: ExplorerContext = {
  store,
  renderer,
  layout,
  actions,
  names,
  notices,
  tabs,
  ready,
  async focusNode(id) {
    if (!(await actions.bringIntoView(id))) return;
    store.select({ kind: "node", id });
    // The node may have just been added: let sigma index it before reading its display position.
    requestAnimationFrame(() => void focusCamera(renderer, id));
  },
  async expandNode(id) {
    const choice = await actions.expand(id);
    if (choice) openExpandDialog(ctx, choice);
  },
};

enableNodeDrag(renderer, store, layout);
renderer.on("doubleClickNode", (e) => {
  e.preventSigmaDefault();
  void ctx.expandNode(e.node);
});

tabs.registerTab({ id: "inspector", title: "Inspector", area: "side", order: 10, mount: mountInspector });
tabs.registerTab({ id: "filters", title: "Filters", area: "side", order: 20, mount: mountFilterPanel });
tabs.registerTab({ id: "style", title: "Style", area: "side", order: 30, mount: mountStylePanel });
tabs.registerTab({ id: "console", title: "Cypher console", area: "bottom", order: 10, mount: mountConsole });
tabs.registerTab({ id: "paths", title: "Paths", area: "side", order: 40, mount: mountPathTracer });
const analystTools = installAnalystTools(ctx);
tabs.mountArea("side", sideHost, ctx);
tabs.mountArea("bottom", bottomHost, ctx, { collapsible: true });

mountToolbar(toolbarHost, ctx);
mountStatusBar(statusHost, ctx, statusMessage);
mountLegend(legendHost, ctx);
const searchInput = mountSearchBox(searchHost, ctx);
installKeyboardShortcuts(ctx, searchInput);

window.__kg = { graph: store.graph, sigma: renderer, store, ready: false };

async function loadExplorer(): Promise<void> {
  overlay.hidden = false;
  overlay.replaceChildren("Loading the graph…");
  try {
    // `?node=<id>` opens the explorer on one entity (a shareable starting point) instead of the starting view.
    const query = new URLSearchParams(window.location.search);
    const startNode = query.get("node");
    // `?limit=<n>` opens a bigger (or smaller) starting view than the server's default: large graphs (up to 50,000).
    const limit = Number(query.get(SHARE_KEYS.viewLimit)) || undefined;
    performance.mark("kg:fetch");
    const [schema, graph] = await Promise.all([
      api.schema(),
      startNode
        ? api.node(startNode).then((d) => ({ nodes: [d.node], edges: [], truncated: false }))
        : api.graph({ limit }),
      names.loadSources(),
    ]);
    // Phases of the first load, for profiles and npm run bench (#1): fetch + decode, then the graph store.
    performance.measure("kg:fetch", "kg:fetch");
    performance.mark("kg:load");
    // `?layout=off` opens the view as loaded, without the first layout run (the user starts it from the toolbar):
    // for views already laid out, and for npm run bench (#2), which compares the page with and without it.
    const firstLayout = graph.nodes.length > 0 && query.get("layout") !== "off";
    withoutLiveUpdates(renderer, () => {
      store.setTypeColors(schema.labels);
      store.loadGraph(graph);
      // Started before sigma re-attaches, so its first frame is already drawn as a running layout wants it (a draft
      // in software WebGL, a big view's edges paused) and asks for no frame of its own.
      if (firstLayout) layout.start({ record: false });
    });
    performance.measure("kg:load", "kg:load");
    if (startNode && graph.nodes.length) store.select({ kind: "node", id: graph.nodes[0].id });
    if (graph.nodes.length === 0) {
      overlay.replaceChildren(
        h("strong", {}, "The database is empty."),
        h(
          "span",
          {},
          " Load the seed graph with `npm run seed`, or your own data with `npm run import -- <file>`, then reload.",
        ),
      );
    } else {
      overlay.hidden = true;
      if (graph.truncated) notices.info(`Showing the first ${graph.nodes.length} nodes; search or expand to see more.`);
    }
  } catch (e) {
    overlay.replaceChildren(
      h("strong", {}, "Could not load the graph. "),
      h("span", {}, describeError(e)),
      h("button", { class: "primary", attrs: { type: "button" }, on: { click: () => void loadExplorer() } }, "Retry"),
    );
  } finally {
    window.__kg!.ready = true;
  }
}

void loadExplorer()
  .then(() => analystTools.start())
  .finally(markReady);
