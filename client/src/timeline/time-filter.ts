// The timeline's brush as a graph filter (render-less): events whose dates all fall outside the brushed range are
// handed to the store as `excludedNodes`, so the store flips their `hidden` attribute and sigma never rebuilds.
// Events without a known date stay visible unless `hideUndated` is on. Re-applied when nodes enter the view.
import type { GraphStore } from "../state/graph-store.ts";
import type { EventDates } from "./event-dates-api.ts";
import { overlaps } from "./partial-dates.ts";

export interface TimeRange {
  start: number;
  end: number;
}

export const EVENT_TYPE = "Event";

export interface TimeFilter {
  readonly range: TimeRange | null;
  readonly hideUndated: boolean;
  readonly events: ReadonlyMap<string, EventDates>;
  setEvents(list: readonly EventDates[]): void;
  setRange(range: TimeRange | null): void;
  setHideUndated(on: boolean): void;
  /** Called after any change of range, options or events; returns the unsubscribe function. */
  onChange(fn: () => void): () => void;
}

export function createTimeFilter(store: GraphStore): TimeFilter {
  let range: TimeRange | null = null;
  let hideUndated = false;
  let events = new Map<string, EventDates>();
  const listeners = new Set<() => void>();

  function excluded(): Set<string> {
    const out = new Set<string>();
    if (!range) return out;
    const r = range;
    store.graph.forEachNode((id, a) => {
      const ev = events.get(id);
      if (ev && ev.happened.length) {
        if (!ev.happened.some((h) => overlaps(h, r))) out.add(id);
      } else if (hideUndated && a.nodeType === EVENT_TYPE) out.add(id);
    });
    return out;
  }

  function apply(): void {
    const next = excluded();
    const now = store.filters.excludedNodes ?? new Set<string>();
    if (next.size === now.size && [...next].every((k) => now.has(k))) return;
    store.setFilter({ excludedNodes: next });
  }

  function changed(): void {
    apply();
    for (const l of [...listeners]) l();
  }

  store.on((topics) => {
    if (topics.has("graph") && range) apply();
  });

  return {
    get range() {
      return range;
    },
    get hideUndated() {
      return hideUndated;
    },
    get events() {
      return events;
    },
    setEvents(list) {
      events = new Map(list.map((e) => [e.id, e]));
      changed();
    },
    setRange(r) {
      range = r && r.end > r.start ? { start: r.start, end: r.end } : null;
      changed();
    },
    setHideUndated(on) {
      hideUndated = on;
      changed();
    },
    onChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
