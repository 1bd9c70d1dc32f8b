// Keyboard shortcuts for the whole page. Ignored while typing in a field (except Escape), so `/` or `h` in the
// search box stay text.
import type { ExplorerContext } from "../explorer-context.ts";
import { fitView } from "../render/graph-renderer.ts";

export function installKeyboardShortcuts(ctx: ExplorerContext, searchInput: HTMLInputElement): void {
  const { store } = ctx;
  document.addEventListener("keydown", (e) => {
    const t = e.target as HTMLElement | null;
    const typing =
      !!t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
    if (typing) return;
    if (document.querySelector("dialog[open]")) return;
    const mod = e.ctrlKey || e.metaKey;
    const sel = store.selection?.kind === "node" ? store.selection.id : null;
    if (mod && e.key.toLowerCase() === "z") {
      e.preventDefault();
      if (e.shiftKey) store.redo();
      else store.undo();
    } else if (mod && e.key.toLowerCase() === "y") {
      e.preventDefault();
      store.redo();
    } else if (e.key === "/" && !mod) {
      e.preventDefault();
      searchInput.focus();
      searchInput.select();
    } else if (e.altKey && e.key === "ArrowLeft") {
      e.preventDefault();
      store.back();
    } else if (e.altKey && e.key === "ArrowRight") {
      e.preventDefault();
      store.forward();
    } else if (e.key === "Escape") {
      store.select(null);
    } else if (mod || e.altKey) {
      return;
    } else if (e.key === "f") {
      void fitView(ctx.renderer);
    } else if (sel && e.key === "e") {
      void ctx.expandNode(sel);
    } else if (sel && e.key === "h") {
      store.select(null);
      store.hideNodes([sel]);
    } else if (sel && e.key === "p") {
      store.pinNodes([sel], !store.graph.getNodeAttribute(sel, "fixed"));
    } else if (sel && (e.key === "Delete" || e.key === "Backspace")) {
      store.removeNodes([sel]);
    }
  });
}
