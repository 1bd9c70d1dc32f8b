// Keeps the URL in step with the explorer (selection, filters, timeline brush) and the explorer in step with the
// URL: at start (a copied link reopens the same state) and on back/forward. Selection changes add a history entry;
// filter and brush changes replace the current one, so back/forward walk through selections, not checkbox clicks.
import type { ExplorerContext } from "../explorer-context.ts";
import type { Selection } from "../state/graph-store.ts";
import type { TimeFilter } from "../timeline/time-filter.ts";
import { formatRange, parseRange } from "../timeline/partial-dates.ts";
import * as url from "./url-state.ts";
import {
  FILTER_KEYS,
  filtersFromParams,
  filtersToParams,
  hasFilterParams,
  selectionFromParam,
  selectionToParam,
} from "./filter-params.ts";

export interface ShareSync {
  /** Applies the URL's filters, brush and selection (after the view is loaded), then starts following changes. */
  start(): Promise<void>;
}

export function createShareSync(ctx: ExplorerContext, time: TimeFilter): ShareSync {
  const { store } = ctx;
  let applying = false;
  let started = false;

  async function applySelection(sel: Selection | null): Promise<void> {
    applying = true;
    try {
      if (sel?.kind === "node") {
        if (await ctx.actions.bringIntoView(sel.id)) store.select(sel);
      } else if (sel?.kind === "edge") store.select(sel);
      else store.select(null);
    } finally {
      applying = false;
    }
  }

  function applyFilters(): void {
    applying = true;
    try {
      store.setFilter(filtersFromParams(url.get));
      time.setRange(parseRange(url.get(url.SHARE_KEYS.timeRange)));
    } finally {
      applying = false;
    }
  }

  function writeFilters(): void {
    if (!started || applying) return;
    url.setMany({
      ...filtersToParams(store.filters),
      [url.SHARE_KEYS.timeRange]: time.range ? formatRange(time.range) : null,
    });
  }

  store.on((t) => {
    if (!started || applying) return;
    if (t.has("filters")) writeFilters();
    if (t.has("selection")) {
      const v = selectionToParam(store.selection);
      if (v !== url.get(url.SHARE_KEYS.selection)) url.push(url.SHARE_KEYS.selection, v);
    }
  });
  time.onChange(writeFilters);

  url.subscribe((changed) => {
    if (!started) return;
    if (FILTER_KEYS.some((k) => changed.has(k)) || changed.has(url.SHARE_KEYS.timeRange)) applyFilters();
    if (changed.has(url.SHARE_KEYS.selection))
      void applySelection(selectionFromParam(url.get(url.SHARE_KEYS.selection)));
  });

  return {
    async start() {
      if (hasFilterParams(url.get)) {
        applying = true;
        store.setFilter(filtersFromParams(url.get));
        applying = false;
      }
      const range = parseRange(url.get(url.SHARE_KEYS.timeRange));
      if (range) {
        applying = true;
        time.setRange(range);
        applying = false;
      }
      const sel = selectionFromParam(url.get(url.SHARE_KEYS.selection));
      if (sel) await applySelection(sel);
      started = true;
      writeFilters();
    },
  };
}
