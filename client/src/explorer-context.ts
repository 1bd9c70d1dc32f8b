// Everything a panel or a later feature (console, path tracer ...) gets handed: the store, the renderer, the
// render-less controllers and the tab registry. Built once in main.ts; nothing here is a global.
import type { GraphStore } from "./state/graph-store.ts";
import type { KgSigma } from "./render/graph-renderer.ts";
import type { LayoutRunner } from "./render/layout-runner.ts";
import type { ExplorerActions } from "./state/explorer-actions.ts";
import type { NameDirectory } from "./state/name-directory.ts";
import type { Notices } from "./ui/notices.ts";
import type { TabRegistry } from "./ui/tab-registry.ts";

export interface ExplorerContext {
  store: GraphStore;
  renderer: KgSigma;
  layout: LayoutRunner;
  actions: ExplorerActions;
  names: NameDirectory;
  notices: Notices;
  tabs: TabRegistry<ExplorerContext>;
  /** Settles once the first view is loaded and the saved workspace and the URL are applied: a panel that adds to
   *  the view from the URL (the path tracer) waits for it, so the starting view does not replace its result. */
  ready: Promise<void>;
  /** Brings a node into view if needed, selects it and moves the camera to it. */
  focusNode(id: string): Promise<void>;
  /** Expands a node, opening the selective-expand dialog when it has many neighbours. */
  expandNode(id: string): Promise<void>;
}
