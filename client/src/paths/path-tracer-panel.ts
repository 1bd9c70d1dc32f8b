// The path tracer tab: two entities, max hops, direction, allowed relation types and shortest / all shortest / k
// shortest (GET api/paths). The current path is added to the view through the store (undoable) and highlighted
// through the store's highlight state (the rest dimmed by the renderer's reducers); each path reads as a sentence
// and hop by hop with its evidence. Excluding a relation type or a node re-runs; "no path" offers more hops.
// Each search goes into the shareable URL (`?path=`, a history entry); a link, back and forward re-run it.
import "./paths.css";
import type { PathsResponse } from "../../../contract/api.ts";
import { api, describeError } from "../api/api-client.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { evidenceList } from "../panels/evidence-list.ts";
import { button, h, setChildren } from "../ui/dom.ts";
import { createEntityPicker } from "./entity-picker.ts";
import { findPaths, MAX_HOPS, MAX_K, type PathDirection, type PathMode, type PathRequest } from "./paths-api.ts";
import { hopArrow, pathHops, pathSentence, typesOnPaths, type ApiPath } from "./path-steps.ts";
import { decodePathParam, DEFAULT_K, DEFAULT_MAX_HOPS, encodePathParam, type SharedPath } from "./path-url.ts";
import * as url from "../share/url-state.ts";

/** On the seed model these link sources and claims, not entities; the server skips them unless types are given. */
const SEED_NON_RELATIONS = ["MENTIONS", "ABOUT", "CITES"] as const;
/** How many more hops "widen the search" asks for. */
const WIDEN_BY = 2;
/** The tab's id in main.ts: a shared link with a path opens it. */
const PATHS_TAB = "paths";

export function mountPathTracer(container: HTMLElement, ctx: ExplorerContext): () => void {
  const { store } = ctx;
  let allTypes: string[] = [];
  let neverWalk: string[] = [];
  const excludedTypes = new Set<string>();
  const excludedNodes = new Map<string, string>();
  let paths: ApiPath[] = [];
  let current = 0;
  let pending: AbortController | null = null;
  const testid = (id: string) => ({ "data-testid": id });

  const from = createEntityPicker("From", "path-from", store, () => undefined);
  const to = createEntityPicker("To", "path-to", store, () => undefined);
  const hops = h("input", {
    attrs: {
      type: "number",
      min: 1,
      max: MAX_HOPS,
      value: DEFAULT_MAX_HOPS,
      ...testid("path-max-hops"),
      "aria-label": "Max hops",
    },
  });
  const direction = h(
    "select",
    { attrs: { ...testid("path-direction"), "aria-label": "Direction" } },
    h("option", { attrs: { value: "both" } }, "either direction"),
    h("option", { attrs: { value: "out" } }, "From → To only"),
    h("option", { attrs: { value: "in" } }, "To → From only"),
  );
  const mode = h(
    "select",
    { attrs: { ...testid("path-mode"), "aria-label": "Which paths" } },
    h("option", { attrs: { value: "shortest" } }, "shortest path"),
    h("option", { attrs: { value: "allShortest" } }, "all shortest paths"),
    h("option", { attrs: { value: "kShortest" } }, "k shortest paths"),
  );
  const k = h("input", {
    attrs: { type: "number", min: 1, max: MAX_K, value: DEFAULT_K, ...testid("path-k"), "aria-label": "k" },
  });
  const typeBox = h("div", { class: "path-types", attrs: testid("path-types") });
  const excludedBox = h("div", { class: "path-excluded", attrs: testid("path-excluded") });
  const results = h("div", { class: "path-results", attrs: { ...testid("path-results"), "aria-live": "polite" } });
  const findBtn = button("Find paths", () => void run(), { class: "primary", attrs: testid("path-find") });
  const clearBtn = button("Clear highlight", () => store.setHighlight(null), { attrs: testid("path-clear") });
  const swap = button(
    "⇅ Swap",
    () => {
      const a = from.value();
      from.set(to.value());
      to.set(a);
    },
    { title: "Swap From and To" },
  );

  const syncK = () => (k.hidden = mode.value !== "kShortest");
  mode.addEventListener("change", syncK);
  syncK();

  container.classList.add("path-tracer");
  container.append(
    h("h2", { class: "path-title" }, "Trace paths"),
    from.element,
    to.element,
    h("div", { class: "path-row" }, h("label", {}, "Max hops ", hops), h("label", {}, "Find ", mode, " ", k)),
    h("div", { class: "path-row" }, h("label", {}, "Follow ", direction), swap),
    h("details", { class: "path-types-details" }, h("summary", {}, "Relation types"), typeBox),
    excludedBox,
    h("div", { class: "path-row" }, findBtn, clearBtn),
    results,
  );

  void api
    .schema()
    .then((s) => {
      const isSeed = s.labels.some((l) => l.label === "Entity");
      neverWalk = isSeed ? [...SEED_NON_RELATIONS] : [];
      allTypes = s.relationshipTypes.map((t) => t.type).filter((t) => !neverWalk.includes(t));
      renderTypes();
    })
    .catch(() => undefined);

  function renderTypes(): void {
    setChildren(
      typeBox,
      allTypes.map((t) => {
        const box = h("input", {
          attrs: { type: "checkbox", "data-type": t, ...testid("path-type") },
        });
        box.checked = !excludedTypes.has(t);
        box.addEventListener("change", () => {
          if (box.checked) excludedTypes.delete(t);
          else excludedTypes.add(t);
          renderExcluded();
        });
        return h("label", { class: "path-type" }, box, ` ${t}`);
      }),
    );
  }

  function renderExcluded(): void {
    const chips = [
      ...[...excludedTypes].map((t) =>
        chip(`no ${t}`, () => {
          excludedTypes.delete(t);
          renderTypes();
          renderExcluded();
          void run();
        }),
      ),
      ...[...excludedNodes].map(([id, name]) =>
        chip(`avoid ${name}`, () => {
          excludedNodes.delete(id);
          renderExcluded();
          void run();
        }),
      ),
    ];
    setChildren(excludedBox, chips.length ? [h("span", { class: "muted" }, "Excluded: "), ...chips] : []);
  }
  function chip(text: string, onRemove: () => void): HTMLElement {
    return h(
      "span",
      { class: "path-chip", attrs: testid("path-excluded-chip") },
      text,
      button("×", onRemove, { class: "path-chip-remove", title: `Allow again (${text})` }),
    );
  }

  function request(): PathRequest | null {
    const a = from.value();
    const b = to.value();
    if (!a || !b) {
      setChildren(results, h("p", { class: "muted" }, "Pick both entities first (type a name and choose one)."));
      return null;
    }
    const maxHops = Math.min(MAX_HOPS, Math.max(1, Math.trunc(Number(hops.value) || DEFAULT_MAX_HOPS)));
    hops.value = String(maxHops);
    // Exclusions go to the server, so "the shortest path avoiding X" is exact, not a filter over a few found paths.
    return {
      from: a.id,
      to: b.id,
      maxHops,
      mode: mode.value as PathMode,
      k: Math.min(MAX_K, Math.max(1, Math.trunc(Number(k.value) || DEFAULT_K))),
      direction: direction.value as PathDirection,
      types: [],
      excludeTypes: [...excludedTypes],
      excludeNodes: [...excludedNodes.keys()],
    };
  }

  /** Runs the search the form describes; `share` false when the search came from the URL (link, back/forward). */
  async function run(share = true): Promise<void> {
    const req = request();
    if (!req) return;
    if (share) {
      const value = encodePathParam(req);
      if (value !== url.get(url.SHARE_KEYS.path)) url.push(url.SHARE_KEYS.path, value);
    }
    pending?.abort();
    const ctl = new AbortController();
    pending = ctl;
    findBtn.disabled = true;
    setChildren(results, h("p", { class: "muted", attrs: testid("path-searching") }, "Searching…"));
    try {
      const res: PathsResponse = await findPaths(req, ctl.signal);
      if (ctl.signal.aborted) return;
      paths = res.paths;
      current = 0;
      if (paths.length === 0) return showNone(req, res);
      for (const p of paths) for (const n of p.nodes) ctx.names.remember(n.id, n.name);
      showPath();
    } catch (e) {
      if (ctl.signal.aborted) return;
      store.setHighlight(null);
      setChildren(results, h("p", { class: "path-error", attrs: { role: "alert" } }, describeError(e)));
    } finally {
      if (pending === ctl) {
        pending = null;
        findBtn.disabled = false;
      }
    }
  }

  function showNone(req: PathRequest, res: PathsResponse): void {
    store.setHighlight(null);
    const reason = res.reason ?? `No path within ${req.maxHops} hops.`;
    const wider = Math.min(MAX_HOPS, req.maxHops + WIDEN_BY);
    setChildren(
      results,
      h("p", { class: "path-reason", attrs: testid("path-reason") }, reason),
      req.maxHops < MAX_HOPS
        ? button(
            `Search up to ${wider} hops`,
            () => {
              hops.value = String(wider);
              void run();
            },
            { attrs: testid("path-widen") },
          )
        : h("p", { class: "muted" }, `${MAX_HOPS} hops is the most the server searches.`),
    );
  }

  function highlightCurrent(): void {
    const p = paths[current];
    const added = store.addSubgraph(p, { label: `Show path ${pathSentence(p)}` });
    if (added.nodes) ctx.layout.start({ record: false });
    store.setHighlight({ nodes: p.nodes.map((n) => n.id), edges: p.edges.map((e) => e.id) });
  }

  function showPath(): void {
    highlightCurrent();
    const p = paths[current];
    const hopsList = pathHops(p);
    const nav =
      paths.length > 1
        ? h(
            "div",
            { class: "path-nav" },
            button("◀ Previous", () => step(-1), { attrs: { ...testid("path-prev"), disabled: current === 0 } }),
            h("span", { attrs: testid("path-position") }, `Path ${current + 1} of ${paths.length}`),
            button("Next ▶", () => step(1), {
              attrs: { ...testid("path-next"), disabled: current === paths.length - 1 },
            }),
          )
        : h("p", { class: "muted", attrs: testid("path-position") }, "1 path");
    setChildren(
      results,
      nav,
      h("p", { class: "path-sentence", attrs: testid("path-sentence") }, pathSentence(p)),
      h(
        "ol",
        { class: "path-hops" },
        hopsList.map((hop) =>
          h(
            "li",
            { class: "path-hop", attrs: { ...testid("path-hop"), "data-edge-id": hop.edge.id } },
            h(
              "div",
              { class: "path-hop-head" },
              nodeButton(hop.from.id, hop.from.name),
              h("span", { class: "path-arrow", attrs: testid("path-hop-arrow") }, ` ${hopArrow(hop)} `),
              nodeButton(hop.to.id, hop.to.name),
            ),
            h(
              "div",
              { class: "path-hop-actions" },
              button(`Exclude ${hop.edge.type}`, () => excludeType(hop.edge.type), {
                class: "link",
                attrs: { ...testid("path-exclude-type"), "data-type": hop.edge.type },
              }),
              hop.to.id !== p.nodes[p.nodes.length - 1].id
                ? button(`Avoid ${hop.to.name}`, () => excludeNode(hop.to.id, hop.to.name), {
                    class: "link",
                    attrs: { ...testid("path-exclude-node"), "data-node-id": hop.to.id },
                  })
                : null,
            ),
            evidenceList(hop.edge.evidence, ctx),
          ),
        ),
      ),
      h(
        "div",
        { class: "path-row" },
        paths.length > 1
          ? button(
              `Add all ${paths.length} paths to the view`,
              () => {
                const nodes = paths.flatMap((x) => x.nodes);
                const edges = paths.flatMap((x) => x.edges);
                const r = store.addSubgraph({ nodes, edges }, { label: "Add paths to view" });
                store.setHighlight({ nodes: nodes.map((n) => n.id), edges: edges.map((e) => e.id) });
                ctx.notices.info(`Added ${r.nodes} nodes and ${r.edges} relations.`);
              },
              { attrs: testid("path-add-all") },
            )
          : null,
        typesOnPaths(paths).length
          ? h("span", { class: "muted" }, `Types on these paths: ${typesOnPaths(paths).join(", ")}`)
          : null,
      ),
    );
  }

  function nodeButton(id: string, name: string): HTMLElement {
    return button(name, () => void ctx.focusNode(id), { class: "link path-node", title: `Focus ${name}` });
  }
  function step(delta: number): void {
    current = Math.min(paths.length - 1, Math.max(0, current + delta));
    showPath();
  }
  function excludeType(t: string): void {
    excludedTypes.add(t);
    renderTypes();
    renderExcluded();
    void run();
  }
  function excludeNode(id: string, name: string): void {
    excludedNodes.set(id, name);
    renderExcluded();
    void run();
  }

  /** Fills the form from a shared search (names from the API) and runs it. */
  async function applyShared(p: SharedPath): Promise<void> {
    ctx.tabs.activate(PATHS_TAB);
    const [fromName, toName, ...avoidNames] = await Promise.all(
      [p.from, p.to, ...p.excludeNodes].map((id) => ctx.names.resolve(id)),
    );
    from.set({ id: p.from, name: fromName });
    to.set({ id: p.to, name: toName });
    hops.value = String(p.maxHops);
    mode.value = p.mode;
    k.value = String(p.k);
    direction.value = p.direction;
    syncK();
    excludedTypes.clear();
    for (const t of p.excludeTypes) excludedTypes.add(t);
    excludedNodes.clear();
    p.excludeNodes.forEach((id, i) => excludedNodes.set(id, avoidNames[i]));
    renderTypes();
    renderExcluded();
    await run(false);
  }

  function clearResults(): void {
    pending?.abort();
    paths = [];
    store.setHighlight(null);
    results.replaceChildren();
  }

  // A link's search runs once the starting view is in, so loading the view does not replace the path.
  const shared = decodePathParam(url.get(url.SHARE_KEYS.path));
  if (shared) void ctx.ready.then(() => applyShared(shared));
  const unsubscribe = url.subscribe((changed) => {
    if (!changed.has(url.SHARE_KEYS.path)) return;
    const p = decodePathParam(url.get(url.SHARE_KEYS.path));
    if (p) void applyShared(p);
    else clearResults();
  });

  return () => {
    pending?.abort();
    unsubscribe();
    store.setHighlight(null);
  };
}
