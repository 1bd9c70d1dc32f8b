// The workspaces controller (render-less): snapshots the view into the current workspace as the analyst works
// (debounced), restores one at start or on switch, and creates, renames, deletes, exports and imports them.
import type { ExplorerContext } from "../explorer-context.ts";
import type { TimeFilter } from "../timeline/time-filter.ts";
import { formatRange, parseRange } from "../timeline/partial-dates.ts";
import {
  filtersToFile,
  parseWorkspaceFile,
  savedViewOf,
  WORKSPACE_FORMAT,
  WORKSPACE_VERSION,
  type WorkspaceFile,
} from "./workspace-file.ts";
import {
  newWorkspaceId,
  readEntry,
  readIndex,
  removeEntry,
  writeEntry,
  writeIndex,
  type WorkspaceIndex,
} from "./workspace-storage.ts";

export const AUTOSAVE_DELAY_MS = 600;
/** Above this many nodes the view is not saved in the browser (localStorage holds ~5 MB; a file has no such cap). */
export const AUTOSAVE_MAX_NODES = 5_000;

export interface WorkspaceSession {
  readonly index: WorkspaceIndex;
  /** False when the page was opened on one entity (`?node=`): the view is not saved over a workspace. */
  readonly autosave: boolean;
  /** Why the view is not being saved in the browser right now (too big, storage full), or null. */
  readonly notSaving: string | null;
  /** Restores the current workspace if it has a saved view; true when it did. */
  restoreCurrent(): boolean;
  startAutosave(): void;
  saveNow(): void;
  create(name: string): void;
  switchTo(id: string): void;
  rename(id: string, name: string): void;
  remove(id: string): void;
  snapshot(name?: string): WorkspaceFile;
  /** Opens a workspace file as a new workspace; throws a WorkspaceFileError and changes nothing when it is bad. */
  importText(text: string): WorkspaceFile;
  onChange(fn: () => void): () => void;
}

export function createWorkspaceSession(ctx: ExplorerContext, time: TimeFilter, opts: { autosave: boolean }) {
  const { store, renderer, layout, notices } = ctx;
  let index = readIndex();
  let autosave = opts.autosave;
  let started = false;
  let notSaving: string | null = null;
  let quotaReported = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  if (!index.list.length) {
    const id = newWorkspaceId();
    index = { current: id, list: [{ id, name: "Workspace 1", savedAt: null }] };
    writeIndex(index);
  }
  if (!index.current || !index.list.some((e) => e.id === index.current)) index.current = index.list[0].id;

  const currentEntry = () => index.list.find((e) => e.id === index.current)!;

  function snapshot(name = currentEntry().name): WorkspaceFile {
    const g = store.graph;
    return {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      name,
      savedAt: new Date().toISOString(),
      nodes: g.mapNodes((id, a) => ({
        id,
        labels: [...a.labels],
        name: a.label,
        properties: a.properties,
        x: a.x,
        y: a.y,
        userHidden: a.userHidden,
        fixed: a.fixed,
        ...(a.detailsDeferred ? { detailsDeferred: true as const } : {}),
      })),
      edges: g.mapEdges((id, a, source, target) => ({
        id,
        type: a.relType,
        source,
        target,
        properties: a.properties,
        evidence: a.evidence,
        ...(a.detailsDeferred ? { detailsDeferred: true as const } : {}),
      })),
      filters: filtersToFile(store.filters),
      styleRule: store.styleRule,
      timeRange: time.range ? formatRange(time.range) : null,
      hideUndated: time.hideUndated,
      camera: renderer.getCamera().getState(),
    };
  }

  function saveNow(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const entry = currentEntry();
    if (store.graph.order > AUTOSAVE_MAX_NODES) {
      notSaving = `The view has more than ${AUTOSAVE_MAX_NODES.toLocaleString("en")} nodes: too big to keep in the browser. Use “Save to file”.`;
      return changed();
    }
    const file = snapshot(entry.name);
    try {
      writeEntry(entry.id, file);
      entry.savedAt = file.savedAt;
      writeIndex(index);
      notSaving = null;
      document.documentElement.dataset.workspaceSavedAt = file.savedAt;
    } catch (e) {
      notSaving =
        "The browser's storage is full: this view is not being saved. Use “Save to file”, or delete workspaces.";
      // Said once per page: autosave retries on every change and must not flood the banner.
      if (!quotaReported)
        notices.error(
          `Could not save the workspace in this browser (${e instanceof Error ? e.name : "error"}). ` +
            "Export it as a file, or delete workspaces you no longer need.",
        );
      quotaReported = true;
    }
    changed();
  }

  function schedule(): void {
    if (!autosave || !started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
  }

  function apply(file: WorkspaceFile): void {
    layout.stop();
    store.restoreView(savedViewOf(file));
    time.setHideUndated(file.hideUndated);
    time.setRange(parseRange(file.timeRange));
    if (file.camera) renderer.getCamera().setState(file.camera);
  }

  store.on((t) => {
    // Positions change silently while the layout runs: it is saved when the run stops ("layout").
    if (
      t.has("graph") ||
      t.has("visibility") ||
      t.has("filters") ||
      t.has("style") ||
      t.has("history") ||
      t.has("layout")
    )
      schedule();
  });
  time.onChange(schedule);
  renderer.getCamera().on("updated", schedule);
  // Leaving the page flushes a pending save.
  window.addEventListener("pagehide", () => {
    if (timer) saveNow();
  });

  const session: WorkspaceSession = {
    get index() {
      return index;
    },
    get autosave() {
      return autosave;
    },
    get notSaving() {
      return notSaving;
    },
    restoreCurrent() {
      let file: WorkspaceFile | null = null;
      try {
        file = readEntry(currentEntry().id);
      } catch (e) {
        notices.error(`The saved workspace could not be read and was skipped. ${e instanceof Error ? e.message : ""}`);
      }
      if (!file || file.nodes.length === 0) return false;
      apply(file);
      return true;
    },
    startAutosave() {
      started = true;
    },
    saveNow,
    create(name) {
      if (autosave) saveNow();
      const id = newWorkspaceId();
      index.list.push({ id, name, savedAt: null });
      index.current = id;
      autosave = true;
      saveNow();
    },
    switchTo(id) {
      if (id === index.current || !index.list.some((e) => e.id === id)) return;
      if (autosave) saveNow();
      let file: WorkspaceFile | null;
      try {
        file = readEntry(id);
      } catch (e) {
        notices.error(`That workspace could not be read. ${e instanceof Error ? e.message : ""}`);
        return;
      }
      index.current = id;
      writeIndex(index);
      autosave = true;
      if (file) apply(file);
      saveNow();
    },
    rename(id, name) {
      const e = index.list.find((x) => x.id === id);
      if (!e || !name.trim()) return;
      e.name = name.trim();
      writeIndex(index);
      if (id === index.current) saveNow();
      else changed();
    },
    remove(id) {
      if (index.list.length <= 1) return;
      index.list = index.list.filter((e) => e.id !== id);
      removeEntry(id);
      if (index.current === id) {
        index.current = index.list[0].id;
        writeIndex(index);
        const file = readEntry(index.current);
        if (file) apply(file);
      } else writeIndex(index);
      changed();
    },
    snapshot,
    importText(text) {
      const file = parseWorkspaceFile(text);
      if (autosave) saveNow();
      const id = newWorkspaceId();
      const taken = new Set(index.list.map((e) => e.name));
      let name = file.name;
      for (let i = 2; taken.has(name); i++) name = `${file.name} (${i})`;
      index.list.push({ id, name, savedAt: file.savedAt });
      index.current = id;
      autosave = true;
      apply(file);
      saveNow();
      return file;
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return session;
}
