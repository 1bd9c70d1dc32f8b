import { describe, expect, it } from "vitest";
import {
  addToHistory,
  HISTORY_KEY,
  HISTORY_LIMIT,
  loadHistory,
  saveHistory,
  type HistoryEntry,
} from "./query-history.ts";

const entry = (query: string, at = 1, params = ""): HistoryEntry => ({ query, params, at });

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe("addToHistory", () => {
  it("puts the newest query first and moves a repeated one to the top instead of duplicating it", () => {
    let list = addToHistory([], entry("MATCH (a) RETURN a", 1));
    list = addToHistory(list, entry("MATCH (b) RETURN b", 2));
    list = addToHistory(list, entry("  MATCH (a) RETURN a \n", 3));
    expect(list.map((e) => [e.query, e.at])).toEqual([
      ["MATCH (a) RETURN a", 3],
      ["MATCH (b) RETURN b", 2],
    ]);
  });
  it("keeps the same query with different parameters as two entries", () => {
    const list = addToHistory([entry("RETURN $x", 1, '{"x":1}')], entry("RETURN $x", 2, '{"x":2}'));
    expect(list).toHaveLength(2);
  });
  it("is bounded", () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) list = addToHistory(list, entry(`RETURN ${i}`, i));
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0].query).toBe(`RETURN ${HISTORY_LIMIT + 9}`);
  });
  it("ignores empty queries", () => {
    expect(addToHistory([entry("RETURN 1")], entry("   "))).toHaveLength(1);
  });
});

describe("loadHistory / saveHistory", () => {
  it("round-trips through storage", () => {
    const s = memoryStorage();
    expect(saveHistory(s, [entry("RETURN 1", 5)])).toBe(true);
    expect(loadHistory(s)).toEqual([entry("RETURN 1", 5)]);
    expect(s.data.has(HISTORY_KEY)).toBe(true);
  });
  it("treats malformed or foreign content as an empty history, keeping well-formed entries", () => {
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: "{not json" }))).toEqual([]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{"a":1}' }))).toEqual([]);
    const mixed = JSON.stringify([entry("RETURN 1"), { query: 3 }, null]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: mixed }))).toEqual([entry("RETURN 1")]);
  });
  it("reports a storage that refuses to save (quota, private mode)", () => {
    const full = {
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(saveHistory(full, [entry("RETURN 1")])).toBe(false);
  });
});
