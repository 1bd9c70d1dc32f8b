// The console's query history: the last queries run (newest first, no repeats), kept in localStorage so it
// survives a reload, bounded so it never grows without limit. Storage is passed in so the logic tests without a DOM.
export const HISTORY_KEY = "kg-explorer.console.history" as const;
export const HISTORY_LIMIT = 50 as const;
/** A longer query is not worth keeping (and could fill the storage quota). */
export const HISTORY_MAX_QUERY_CHARS = 20_000 as const;

export interface HistoryEntry {
  query: string;
  /** The parameters' JSON text as typed ("" when none). */
  params: string;
  /** When it last ran (ms since the epoch). */
  at: number;
}

type ReadStorage = Pick<Storage, "getItem">;
type WriteStorage = Pick<Storage, "setItem">;

/** Puts `entry` first, dropping an earlier run of the same query and text, and cuts the list at `limit`. */
export function addToHistory(
  list: readonly HistoryEntry[],
  entry: HistoryEntry,
  limit: number = HISTORY_LIMIT,
): HistoryEntry[] {
  const query = entry.query.trim();
  if (!query || query.length > HISTORY_MAX_QUERY_CHARS) return [...list];
  const rest = list.filter((e) => !(e.query.trim() === query && e.params.trim() === entry.params.trim()));
  return [{ ...entry, query }, ...rest].slice(0, Math.max(0, limit));
}

function isEntry(v: unknown): v is HistoryEntry {
  if (!v || typeof v !== "object") return false;
  const e = v as Record<string, unknown>;
  return typeof e.query === "string" && typeof e.params === "string" && typeof e.at === "number";
}

/** Reads the history, ignoring anything malformed (an older format, a hand edit, a full quota). */
export function loadHistory(storage: ReadStorage, key: string = HISTORY_KEY): HistoryEntry[] {
  try {
    const raw = storage.getItem(key);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Saves the history; false when the browser refused (private mode, quota). */
export function saveHistory(storage: WriteStorage, list: readonly HistoryEntry[], key: string = HISTORY_KEY): boolean {
  try {
    storage.setItem(key, JSON.stringify(list.slice(0, HISTORY_LIMIT)));
    return true;
  } catch {
    return false;
  }
}
