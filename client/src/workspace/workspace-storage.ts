// Named workspaces in localStorage: an index (names, which one is current) and one entry per workspace. Every
// read is validated like a file, so a damaged entry is reported and skipped instead of breaking the page.
import { parseWorkspaceFile, type WorkspaceFile } from "./workspace-file.ts";

const INDEX_KEY = "kg-explorer.workspaces.v1";
const ENTRY_PREFIX = "kg-explorer.workspace.v1.";

export interface WorkspaceEntry {
  id: string;
  name: string;
  savedAt: string | null;
}

export interface WorkspaceIndex {
  current: string | null;
  list: WorkspaceEntry[];
}

export function readIndex(): WorkspaceIndex {
  try {
    const raw = JSON.parse(localStorage.getItem(INDEX_KEY) ?? "null") as WorkspaceIndex | null;
    if (raw && Array.isArray(raw.list))
      return {
        current: typeof raw.current === "string" ? raw.current : null,
        list: raw.list.filter((e) => typeof e?.id === "string" && typeof e?.name === "string"),
      };
  } catch {
    // A damaged index starts afresh; the entries stay in storage.
  }
  return { current: null, list: [] };
}

export function writeIndex(index: WorkspaceIndex): void {
  localStorage.setItem(INDEX_KEY, JSON.stringify(index));
}

export function readEntry(id: string): WorkspaceFile | null {
  const text = localStorage.getItem(ENTRY_PREFIX + id);
  return text === null ? null : parseWorkspaceFile(text);
}

/** Throws the browser's QuotaExceededError when storage is full; the caller says so. */
export function writeEntry(id: string, file: WorkspaceFile): void {
  localStorage.setItem(ENTRY_PREFIX + id, JSON.stringify(file));
}

export function removeEntry(id: string): void {
  localStorage.removeItem(ENTRY_PREFIX + id);
}

export function newWorkspaceId(): string {
  return `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
