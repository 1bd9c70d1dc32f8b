// The console's Cypher editor: Neo4j's own CodeMirror 6 integration (@neo4j-cypher/codemirror: highlighting, lint,
// completion of keywords, functions and the database's labels, relationship types and property keys), plus
// Mod-Enter to run and a mark at the position where Neo4j reported an error.
import { createCypherEditor, type EditorApi } from "@neo4j-cypher/codemirror";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";
import { Prec, StateEffect, StateField, type Extension } from "@codemirror/state";
import { Decoration, EditorView, keymap, type DecorationSet } from "@codemirror/view";
import type { SchemaResponse } from "../../../contract/api.ts";
import { errorSpan } from "./cypher-text.ts";

export interface CypherEditor {
  value(): string;
  setValue(text: string): void;
  focus(): void;
  setSchema(schema: SchemaResponse): void;
  /** Marks the 0-based character offset (to the end of its word) as the error; null clears the mark. */
  markError(offset: number | null): void;
  view: EditorView;
}

const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();
const errorMark = Decoration.mark({ class: "console-error-mark", attributes: { "data-testid": "console-error-mark" } });

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorMark))
        return e.value ? Decoration.set([errorMark.range(e.value.from, e.value.to)]) : Decoration.none;
    }
    // Any edit makes the server's position stale.
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function mountCypherEditor(
  host: HTMLElement,
  opts: { value: string; onRun(): void; onChange?(text: string): void },
): CypherEditor {
  const runKeys: Extension = Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        run: () => {
          opts.onRun();
          return true;
        },
      },
    ]),
  );
  // Version 1.0.3 returns `{editor: EditorApi}` although its typings promise the EditorApi itself.
  const created = createCypherEditor(host, {
    value: opts.value,
    theme: "light",
    lineNumbers: true,
    lineWrapping: true,
    autocomplete: true,
    autocompleteCloseOnBlur: true,
    closeBrackets: true,
    lint: true,
    history: true,
    tabKey: false,
    tooltipAbsolute: false,
    placeholder: "MATCH (n) RETURN n LIMIT 25   — Ctrl/Cmd+Enter runs",
    preExtensions: [runKeys],
    postExtensions: [errorField],
  }) as EditorApi | { editor: EditorApi };
  const api: EditorApi = "editor" in created ? created.editor : created;
  if (opts.onChange) api.onValueChanged((v) => opts.onChange!(v));
  // The package's typings resolve CodeMirror's CommonJS declarations; at run time it is the same ES module.
  const view = api.codemirror as unknown as EditorView;
  return {
    view,
    value: () => view.state.doc.toString(),
    setValue(text) {
      api.setValue(text);
    },
    focus: () => api.focus(),
    setSchema(schema) {
      api.setSchema({
        labels: schema.labels.map((l) => l.label),
        relationshipTypes: schema.relationshipTypes.map((t) => t.type),
        propertyKeys: schema.propertyKeys,
      });
    },
    markError(offset) {
      const text = view.state.doc.toString();
      const effect = setErrorMark.of(offset === null || text.length === 0 ? null : errorSpan(text, offset));
      view.dispatch({ effects: effect });
    },
  };
}
