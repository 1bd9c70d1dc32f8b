// Part 3 of the explorer in one call from main.ts: the disagreements, timeline and workspace tabs (bottom area), the
// time filter, workspaces saved as you work and the shareable URL. `start()` runs once the first view is loaded: it
// restores the current workspace, then applies what the URL says, then starts saving.
import type { ExplorerContext } from "../explorer-context.ts";
import { mountDisagreements } from "../disagreements/disagreements-panel.ts";
import { mountTimeline } from "../timeline/timeline-panel.ts";
import { createTimeFilter } from "../timeline/time-filter.ts";
import { createShareSync } from "../share/share-sync.ts";
import * as url from "../share/url-state.ts";
import { createWorkspaceSession } from "./workspace-session.ts";
import { mountWorkspacePanel } from "./workspace-panel.ts";

export function installAnalystTools(ctx: ExplorerContext): { start(): Promise<void> } {
  const time = createTimeFilter(ctx.store);
  // `?node=` opens the explorer on one entity: that view must not overwrite the analyst's saved workspace.
  const openedOnOneEntity = url.get(url.SHARE_KEYS.startNode) !== null;
  const session = createWorkspaceSession(ctx, time, { autosave: !openedOnOneEntity });
  const share = createShareSync(ctx, time);

  ctx.tabs.registerTab({
    id: "disagreements",
    title: "Disagreements",
    area: "bottom",
    order: 30,
    mount: mountDisagreements,
  });
  ctx.tabs.registerTab({
    id: "timeline",
    title: "Timeline",
    area: "bottom",
    order: 40,
    mount: (host, c) => mountTimeline(host, c, time),
  });
  ctx.tabs.registerTab({
    id: "workspace",
    title: "Workspace",
    area: "bottom",
    order: 50,
    mount: (host, c) => mountWorkspacePanel(host, c, session),
  });

  return {
    async start() {
      try {
        if (!openedOnOneEntity) session.restoreCurrent();
        await share.start();
      } finally {
        session.startAutosave();
        // For browser tests: the saved workspace and the URL have been applied.
        document.documentElement.dataset.session = "ready";
      }
    },
  };
}
