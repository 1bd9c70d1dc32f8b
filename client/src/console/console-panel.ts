// The Cypher console tab: an editor that knows the database's schema, Run / Stop / Explain / Profile, parameters
// as JSON, history and the saved query library, and the answer as graph (into the view through the store, so undo
// works), table, JSON or plan. The server decides what may run (read-only); this panel explains its refusals.
// The query last run goes into the shareable URL (`?query=`); a link opens it in the editor but never runs it.
import "./console.css";
import type { CypherResponse } from "../../../contract/api.ts";
import { api } from "../api/api-client.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { button, h, setChildren } from "../ui/dom.ts";
import { ConsoleRequestError, runCypher } from "./console-api.ts";
import { describeConsoleError, type ConsoleProblem } from "./console-errors.ts";
import type { CypherEditor } from "./cypher-editor.ts";
import { mountQueryMenus } from "./query-menus.ts";
import { addToHistory, loadHistory, saveHistory, type HistoryEntry } from "./query-history.ts";
import { missingParams, parseParams } from "./query-params.ts";
import { renderJson, renderPlan, renderTable } from "./result-views.ts";
import * as url from "../share/url-state.ts";

type Mode = "run" | "explain" | "profile";
type View = "table" | "graph" | "json" | "plan";
type GraphMode = "add" | "replace" | "none";

const VIEWS: readonly { id: View; title: string }[] = [
  { id: "table", title: "Table" },
  { id: "graph", title: "Graph" },
  { id: "json", title: "JSON" },
  { id: "plan", title: "Plan" },
] as const;

const STARTER_QUERY = "MATCH (a:Entity)-[r]->(b:Entity)\nRETURN a, r, b\nLIMIT 25";
/** The tab's id in main.ts: a shared link with a query opens it. */
const CONSOLE_TAB = "console";
/** Longer queries stay out of the URL: a link must fit the server's (and proxies') request-line limits. */
const MAX_SHARED_QUERY_CHARS = 4_000;
const SHARE_DELAY_MS = 300;

export function mountConsole(container: HTMLElement, ctx: ExplorerContext, shown: Promise<void>): () => void {
  const { store, notices } = ctx;
  let history: HistoryEntry[] = loadHistory(localStorage);
  let running: AbortController | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;
  let last: { res: CypherResponse; mode: Mode } | null = null;
  let view: View = "table";
  // The query as the URL holds it, so back/forward only replace the editor's text when the analyst has not edited it.
  let sharedQuery = url.get(url.SHARE_KEYS.consoleQuery);
  let shareTimer: ReturnType<typeof setTimeout> | null = null;

  const testid = (id: string) => ({ "data-testid": id });
  const runBtn = button("Run", () => void run("run"), {
    class: "primary",
    title: "Run the query (Ctrl/Cmd+Enter)",
    attrs: testid("console-run"),
  });
  const stopBtn = button("Stop", () => running?.abort(), {
    title: "Cancel the running query: the server ends its transaction",
    attrs: { ...testid("console-stop"), disabled: true },
  });
  const explainBtn = button("Explain", () => void run("explain"), {
    title: "Show the plan without running the query",
    attrs: testid("console-explain"),
  });
  const profileBtn = button("Profile", () => void run("profile"), {
    title: "Run the query and show the plan with actual rows and db hits",
    attrs: testid("console-profile"),
  });
  const graphMode = h(
    "select",
    { attrs: { ...testid("console-graph-mode"), "aria-label": "What a result does to the graph view" } },
    h("option", { attrs: { value: "add" } }, "Add results to the view"),
    h("option", { attrs: { value: "replace" } }, "Replace the view with results"),
    h("option", { attrs: { value: "none" } }, "Leave the view as it is"),
  );
  const paramsBox = h("textarea", {
    class: "console-params-text",
    attrs: {
      ...testid("console-params"),
      rows: 3,
      spellcheck: "false",
      placeholder: '{"id": "wagner-group"}',
      "aria-label": "Query parameters as a JSON object",
    },
  });
  const params = h("details", { class: "console-params" }, h("summary", {}, "Parameters (JSON)"), paramsBox);
  const problem = h("div", { class: "console-problem", attrs: { ...testid("console-problem"), role: "alert" } });
  problem.hidden = true;
  const status = h("div", { class: "console-status", attrs: { ...testid("console-status"), "aria-live": "polite" } });
  const viewTabs = h("div", { class: "console-view-tabs", attrs: { role: "tablist", "aria-label": "Result views" } });
  const viewHost = h("div", { class: "console-view", attrs: testid("console-view") });
  const editorHost = h("div", { class: "console-editor", attrs: testid("console-editor") });
  const menuHost = h("span", { class: "console-menus" });

  // The editor (CodeMirror with Neo4j's Cypher grammar) is most of the client's code: it loads in its own chunk when
  // the console is first opened, and the buttons wait for it. Mounted at start, behind the folded bottom area, its
  // ~200 ms task had landed in the first layout's frames.
  let editor: CypherEditor | null = null;
  const editorReady = shown
    .then(() => import("./cypher-editor.ts"))
    .then(({ mountCypherEditor }) => {
      editor = mountCypherEditor(editorHost, {
        value: sharedQuery ?? history[0]?.query ?? STARTER_QUERY,
        onRun: () => void run("run"),
      });
      return editor;
    });
  editorReady.catch((e: unknown) =>
    showProblem({ title: "The editor did not load", message: e instanceof Error ? e.message : String(e) }),
  );
  mountQueryMenus(menuHost, {
    history: () => history,
    load(query, paramsText) {
      editor?.setValue(query);
      if (paramsText !== undefined) {
        paramsBox.value = paramsText;
        params.open = paramsText.trim() !== "";
      }
      editor?.focus();
    },
    clearHistory() {
      history = [];
      saveHistory(localStorage, history);
    },
  });
  // A link with a query shows it, not run (after the tab areas are mounted, so the activation sticks).
  if (sharedQuery !== null) queueMicrotask(() => ctx.tabs.activate(CONSOLE_TAB));
  const unsubscribe = url.subscribe((changed) => {
    if (!changed.has(url.SHARE_KEYS.consoleQuery)) return;
    const next = url.get(url.SHARE_KEYS.consoleQuery);
    if (next !== null && editor && editor.value() === sharedQuery) editor.setValue(next);
    sharedQuery = next;
  });
  function shareQuery(query: string): void {
    if (shareTimer) clearTimeout(shareTimer);
    shareTimer = setTimeout(() => {
      shareTimer = null;
      sharedQuery = query.length <= MAX_SHARED_QUERY_CHARS ? query : null;
      url.set(url.SHARE_KEYS.consoleQuery, sharedQuery);
    }, SHARE_DELAY_MS);
  }
  void editorReady.then(async (ed) => ed.setSchema(await api.schema())).catch(() => undefined);

  container.classList.add("console-tab");
  container.append(
    h(
      "div",
      { class: "console" },
      h(
        "div",
        { class: "console-left" },
        h("div", { class: "console-toolbar" }, runBtn, stopBtn, explainBtn, profileBtn, menuHost, graphMode),
        editorHost,
        params,
        problem,
      ),
      h("div", { class: "console-right" }, status, viewTabs, viewHost),
    ),
  );

  function showProblem(p: ConsoleProblem | null, query = ""): void {
    problem.hidden = !p;
    if (!p) return problem.replaceChildren();
    const where = p.position ? `Line ${p.position.line}, column ${p.position.column}: ` : "";
    const lineText = p.position ? (query.split("\n")[p.position.line - 1] ?? "") : "";
    setChildren(
      problem,
      h("strong", { attrs: testid("console-problem-title") }, p.title),
      h("p", { attrs: testid("console-problem-message") }, where + p.message),
      p.position
        ? h(
            "pre",
            { class: "console-problem-excerpt", attrs: testid("console-problem-excerpt") },
            `${lineText}\n${" ".repeat(Math.max(0, p.position.column - 1))}^`,
          )
        : null,
      p.hint ? h("p", { class: "console-problem-hint", attrs: testid("console-problem-hint") }, p.hint) : null,
    );
    editor?.markError(p.position ? p.position.offset : null);
  }

  function setRunning(on: boolean): void {
    runBtn.disabled = on;
    explainBtn.disabled = on;
    profileBtn.disabled = on;
    stopBtn.disabled = !on;
    container.toggleAttribute("data-running", on);
    if (ticker) clearInterval(ticker);
    ticker = null;
    if (on) {
      const started = performance.now();
      const tick = () => (status.textContent = `Running… ${((performance.now() - started) / 1000).toFixed(1)} s`);
      tick();
      ticker = setInterval(tick, 200);
    }
  }

  function renderViewTabs(): void {
    viewTabs.replaceChildren(
      ...VIEWS.map((v) =>
        button(
          v.title,
          () => {
            view = v.id;
            renderViewTabs();
            renderView();
          },
          {
            class: "console-view-tab",
            attrs: { role: "tab", "aria-selected": String(view === v.id), ...testid(`console-view-${v.id}`) },
          },
        ),
      ),
    );
  }

  function applyToGraph(res: CypherResponse, how: GraphMode): string {
    if (how === "none" || res.graph.nodes.length === 0) return "";
    for (const n of res.graph.nodes) ctx.names.remember(n.id, n.name);
    if (how === "replace") {
      const r = store.replaceSubgraph(res.graph, "Console result (replace view)");
      if (r.nodes) ctx.layout.start({ record: false });
      return `View replaced: ${r.removed} removed, ${r.nodes} nodes and ${r.edges} relations added.`;
    }
    const r = store.addSubgraph(res.graph, { label: "Console result" });
    if (r.nodes) ctx.layout.start({ record: false });
    return r.nodes + r.edges
      ? `Added ${r.nodes} nodes and ${r.edges} relations to the view.`
      : "Everything was already in view.";
  }

  function renderView(): void {
    if (!last) return setChildren(viewHost, h("p", { class: "muted" }, "Run a query to see its answer here."));
    const { res, mode } = last;
    if (view === "table")
      return setChildren(
        viewHost,
        renderTable(res, (m) => notices.info(m)),
      );
    if (view === "json") return setChildren(viewHost, renderJson(res));
    if (view === "plan") return setChildren(viewHost, renderPlan(res.summary.plan, mode));
    const { nodes, edges } = res.graph;
    setChildren(
      viewHost,
      h(
        "div",
        { class: "console-graph-view" },
        h("p", {}, `${nodes.length} nodes and ${edges.length} relations in this answer.`),
        nodes.length
          ? h(
              "div",
              { class: "console-view-actions" },
              button("Add to view", () => notices.info(applyToGraph(res, "add")), {
                attrs: testid("console-add-to-view"),
              }),
              button("Replace view", () => notices.info(applyToGraph(res, "replace")), {
                attrs: testid("console-replace-view"),
              }),
              button("Undo", () => store.undo(), { title: "Undo the last change to the view (Ctrl+Z)" }),
            )
          : h("p", { class: "muted" }, "Return nodes, relationships or paths to see them in the graph."),
        nodes.length
          ? h(
              "ul",
              { class: "console-node-list" },
              nodes.slice(0, 200).map((n) =>
                h(
                  "li",
                  {},
                  button(n.name, () => void ctx.focusNode(n.id), { class: "link", title: n.labels.join(", ") }),
                ),
              ),
            )
          : null,
      ),
    );
  }

  function describeResult(res: CypherResponse, mode: Mode, graphNote: string): void {
    const s = res.summary;
    const timing =
      s.resultAvailableAfterMs === null ? "" : ` in ${s.resultAvailableAfterMs + (s.resultConsumedAfterMs ?? 0)} ms`;
    const main =
      mode === "explain"
        ? `Plan of ${res.columns.length ? res.columns.join(", ") : "the query"} (not run).`
        : `${res.rows.length.toLocaleString("en")} rows${timing}. ${res.graph.nodes.length} nodes, ${res.graph.edges.length} relations.`;
    const truncated = s.truncated
      ? h(
          "span",
          { class: "console-truncated", attrs: testid("console-truncated") },
          s.truncatedBy === "bytes"
            ? `Cut at the size cap: answers stop at ${(s.caps.bytes / 1_048_576).toFixed(1)} MB (caps: ${s.caps.rows} rows, ${s.caps.bytes.toLocaleString("en")} bytes).`
            : `Cut at the row cap: answers stop at ${s.caps.rows.toLocaleString("en")} rows (caps: ${s.caps.rows} rows, ${s.caps.bytes.toLocaleString("en")} bytes). Add a LIMIT or aggregate.`,
        )
      : null;
    setChildren(
      status,
      h("span", { attrs: testid("console-summary") }, main),
      graphNote ? h("span", { class: "muted" }, ` ${graphNote}`) : null,
      truncated,
      s.notifications.length
        ? h(
            "ul",
            { class: "console-notifications" },
            s.notifications.map((n) => h("li", { title: n.description }, `${n.severity}: ${n.title}`)),
          )
        : null,
    );
  }

  async function run(mode: Mode): Promise<void> {
    if (running) return;
    const query = (await editorReady).value();
    if (!query.trim()) return showProblem({ title: "Nothing to run", message: "Type a Cypher query first." });
    const parsed = parseParams(paramsBox.value);
    if (!parsed.ok) {
      params.open = true;
      return showProblem({ title: "Parameters not sent", message: parsed.message });
    }
    const missing = missingParams(query, parsed.params);
    if (missing.length) {
      params.open = true;
      const names = missing.map((m) => `$${m}`).join(", ");
      return showProblem({
        title: "Parameters not sent",
        message: `The query uses ${names}, which the parameters do not define. Add ${missing.length > 1 ? "them" : "it"} to the JSON object, e.g. {"${missing[0]}": "…"}.`,
      });
    }
    showProblem(null);
    history = addToHistory(history, { query, params: paramsBox.value, at: Date.now() });
    saveHistory(localStorage, history);
    shareQuery(query);
    const abort = new AbortController();
    running = abort;
    setRunning(true);
    try {
      const res = await runCypher({ query, params: parsed.params, mode }, abort.signal);
      last = { res, mode };
      const graphNote = mode === "explain" ? "" : applyToGraph(res, graphMode.value as GraphMode);
      if (mode !== "run") view = "plan";
      else if (view === "plan") view = "table";
      setRunning(false);
      describeResult(res, mode, graphNote);
      renderViewTabs();
      renderView();
    } catch (e) {
      setRunning(false);
      if (e instanceof DOMException && e.name === "AbortError") {
        status.replaceChildren(
          h(
            "span",
            { attrs: testid("console-stopped") },
            "Stopped. The server rolled the query's transaction back; nothing else changed.",
          ),
        );
      } else if (e instanceof ConsoleRequestError) {
        status.textContent = "The query did not run.";
        showProblem(describeConsoleError(e), query);
      } else {
        status.textContent = "The query did not run.";
        showProblem({ title: "Error", message: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      if (running === abort) running = null;
    }
  }

  renderViewTabs();
  renderView();
  return () => {
    running?.abort();
    if (ticker) clearInterval(ticker);
    if (shareTimer) clearTimeout(shareTimer);
    unsubscribe();
  };
}
