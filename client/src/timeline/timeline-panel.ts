/// <reference types="vite/client" />
// The timeline tab: every event on a time axis, when it happened (each date a source gives, conflicting ones marked)
// and when the sources reported it, each drawn over the span its precision covers. Dragging across the axis or the
// rows brushes a range that filters the graph through the time filter; Clear restores it.
import "./timeline.css";
import type { ExplorerContext } from "../explorer-context.ts";
import { describeError } from "../api/api-client.ts";
import { button, h } from "../ui/dom.ts";
import type { EventDates } from "./event-dates-api.ts";
import { fetchEventDates } from "./event-dates-api.ts";
import { isoDay, spanOf } from "./partial-dates.ts";
import { timeScale, type TimeScale } from "./timeline-scale.ts";
import type { TimeFilter } from "./time-filter.ts";

const SVG = "http://www.w3.org/2000/svg";
const LABEL_W = 220;
const ROW_H = 20;
const AXIS_H = 22;
const DAY = 86_400_000;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Earliest happened-date first; undated events last, by name. */
function byDate(a: EventDates, b: EventDates): number {
  const ta = a.happened.length ? Math.min(...a.happened.map((x) => x.start)) : Infinity;
  const tb = b.happened.length ? Math.min(...b.happened.map((x) => x.start)) : Infinity;
  return ta === tb ? a.name.localeCompare(b.name) : ta - tb;
}

export function mountTimeline(host: HTMLElement, ctx: ExplorerContext, filter: TimeFilter): void {
  const { store } = ctx;
  const rangeText = h("span", { class: "timeline-range", attrs: { "data-testid": "timeline-range" } });
  const fromInput = h("input", { attrs: { type: "date", "aria-label": "From", "data-testid": "timeline-from" } });
  const toInput = h("input", { attrs: { type: "date", "aria-label": "To", "data-testid": "timeline-to" } });
  const undated = h("input", { attrs: { type: "checkbox", "data-testid": "timeline-hide-undated" } });
  const clearBtn = button("Clear", () => filter.setRange(null), { attrs: { "data-testid": "timeline-clear" } });
  const axis = svg("svg", { class: "timeline-axis", "data-testid": "timeline-axis", height: AXIS_H });
  const rows = svg("svg", { class: "timeline-rows", "data-testid": "timeline-rows" });
  const message = h("div", { class: "timeline-message muted" }, "Loading event dates…");
  const root = h(
    "div",
    { class: "timeline", attrs: { "data-testid": "timeline" } },
    h(
      "div",
      { class: "timeline-head" },
      h(
        "div",
        { class: "timeline-controls" },
        h("span", { class: "muted" }, "Drag across the axis to filter events by date:"),
        fromInput,
        "–",
        toInput,
        rangeText,
        clearBtn,
        h("label", { class: "check" }, undated, " hide undated events while filtering"),
        h(
          "span",
          { class: "timeline-legend" },
          h("span", { class: "lg-happened" }, "happened"),
          h("span", { class: "lg-conflict" }, "sources disagree"),
          h("span", { class: "lg-reported" }, "reported"),
        ),
      ),
      axis,
    ),
    message,
    rows,
  );
  host.append(root);

  let list: EventDates[] = [];
  let scale: TimeScale | null = null;
  let drag: { x0: number; x1: number } | null = null;

  const applyInputs = () => {
    const a = spanOf(fromInput.value);
    const b = spanOf(toInput.value);
    if (a && b && b.end > a.start) filter.setRange({ start: a.start, end: b.end });
  };
  fromInput.addEventListener("change", applyInputs);
  toInput.addEventListener("change", applyInputs);
  undated.addEventListener("change", () => filter.setHideUndated(undated.checked));

  function drawBrush(target: SVGSVGElement, height: number): void {
    if (!scale) return;
    let x0: number | null = null;
    let x1: number | null = null;
    if (drag) [x0, x1] = [Math.min(drag.x0, drag.x1), Math.max(drag.x0, drag.x1)];
    else if (filter.range) [x0, x1] = [scale.x(filter.range.start), scale.x(filter.range.end)];
    if (x0 === null || x1 === null) return;
    target.append(
      svg("rect", {
        class: "brush",
        "data-testid": "timeline-brush",
        x: x0,
        y: 0,
        width: Math.max(1, x1 - x0),
        height,
      }),
    );
  }

  function render(): void {
    const width = Math.max(root.clientWidth, 400);
    const spans = list.flatMap((e) => [...e.happened, ...e.reported]);
    scale = timeScale(spans, LABEL_W, width - LABEL_W - 12);
    const s = scale;
    const r = filter.range;
    rangeText.textContent = r ? `${isoDay(r.start)} – ${isoDay(r.end - DAY)}` : "no date filter";
    clearBtn.disabled = !r;
    if (document.activeElement !== fromInput) fromInput.value = r ? isoDay(r.start) : "";
    if (document.activeElement !== toInput) toInput.value = r ? isoDay(r.end - DAY) : "";
    undated.checked = filter.hideUndated;

    for (const el of [axis, rows]) {
      el.setAttribute("width", String(width));
      el.dataset.domainStart = isoDay(s.start);
      el.dataset.domainEnd = isoDay(s.end);
      el.dataset.plotLeft = String(s.left);
      el.dataset.plotWidth = String(s.width);
    }
    axis.replaceChildren();
    for (const t of s.ticks()) {
      const x = s.x(t);
      const g = svg("g", { class: "tick" });
      g.append(
        svg("line", { x1: x, x2: x, y1: AXIS_H - 6, y2: AXIS_H }),
        svg("text", { x: x + 3, y: 12 }, String(new Date(t).getUTCFullYear())),
      );
      axis.append(g);
    }
    axis.append(
      svg("line", { x1: s.left, x2: s.left + s.width, y1: AXIS_H - 0.5, y2: AXIS_H - 0.5, stroke: "#9aa1ab" }),
    );
    drawBrush(axis, AXIS_H);

    const height = list.length * ROW_H + 4;
    rows.setAttribute("height", String(height));
    rows.replaceChildren();
    for (const t of s.ticks()) {
      const x = s.x(t);
      rows.append(svg("line", { x1: x, x2: x, y1: 0, y2: height, stroke: "#f1f1f3" }));
    }
    const g = store.graph;
    list.forEach((ev, i) => {
      const y = i * ROW_H;
      const row = svg("g", { class: "timeline-row", "data-event-id": ev.id });
      const inView = g.hasNode(ev.id);
      const filtered = inView && !!store.filters.excludedNodes?.has(ev.id);
      const label = svg(
        "text",
        {
          class: `row-label${inView ? "" : " absent"}${filtered ? " filtered" : ""}`,
          x: 4,
          y: y + 14,
          "data-testid": "timeline-label",
        },
        ev.name.length > 32 ? `${ev.name.slice(0, 31)}…` : ev.name,
      );
      label.append(svg("title", {}, `${ev.name}${inView ? "" : " (not in view)"} — click to show it on the graph`));
      label.addEventListener("click", () => void ctx.focusNode(ev.id));
      row.append(label);
      for (const m of ev.reported) {
        const x = s.x(m.start);
        const rect = svg("rect", {
          class: "mark-reported",
          "data-kind": "reported",
          "data-precision": m.precision,
          "data-value": m.value,
          x,
          y: y + 12,
          width: Math.max(3, s.x(m.end) - x),
          height: 4,
          rx: 1,
        });
        rect.append(svg("title", {}, `Reported ${m.value} (${m.precision}) by ${m.title}`));
        row.append(rect);
      }
      for (const m of ev.happened) {
        const x = s.x(m.start);
        const rect = svg("rect", {
          class: `mark-happened${ev.conflicting ? " conflict" : ""}`,
          "data-kind": "happened",
          "data-precision": m.precision,
          "data-value": m.value,
          x,
          y: y + 3,
          width: Math.max(3, s.x(m.end) - x),
          height: 8,
          rx: 1,
        });
        const who = m.sources.map((id) => ctx.names.sources.get(id)?.title ?? id).join("; ");
        rect.append(
          svg(
            "title",
            {},
            `${m.property} ${m.value} (${m.precision})${ev.conflicting ? " — sources disagree" : ""}: ${who}`,
          ),
        );
        row.append(rect);
      }
      rows.append(row);
    });
    drawBrush(rows, height);
  }

  // Brushing: press, drag, release on either svg; a click without a drag leaves the range as it is.
  for (const target of [axis, rows]) {
    target.addEventListener("pointerdown", (e) => {
      if (!scale || e.button !== 0) return;
      const x = e.clientX - target.getBoundingClientRect().left;
      if (x < scale.left) return;
      target.setPointerCapture(e.pointerId);
      drag = { x0: x, x1: x };
      e.preventDefault();
    });
    target.addEventListener("pointermove", (e) => {
      if (!drag) return;
      drag.x1 = e.clientX - target.getBoundingClientRect().left;
      render();
    });
    target.addEventListener("pointerup", (e) => {
      if (!drag || !scale) return;
      const d = drag;
      drag = null;
      target.releasePointerCapture(e.pointerId);
      if (Math.abs(d.x1 - d.x0) < 4) return render();
      const s = scale;
      const a = s.t(Math.max(s.left, Math.min(d.x0, d.x1)));
      const b = s.t(Math.min(s.left + s.width, Math.max(d.x0, d.x1)));
      // Whole days: the brush says "from this day to that day".
      const start = Math.floor(a / DAY) * DAY;
      const end = Math.max(start + DAY, Math.ceil(b / DAY) * DAY);
      filter.setRange({ start, end });
    });
  }

  filter.onChange(render);
  store.on((t) => {
    if (t.has("graph") || t.has("visibility")) render();
  });
  new ResizeObserver(() => render()).observe(root);

  const load = async () => {
    try {
      list = (await fetchEventDates()).sort(byDate);
      message.hidden = list.length > 0;
      message.replaceChildren(list.length ? "" : "No events with dates in this database.");
      filter.setEvents(list);
      root.dataset.loaded = "true";
    } catch (e) {
      message.hidden = false;
      message.replaceChildren(
        h("span", { class: "error" }, `Could not load the event dates. ${describeError(e)} `),
        button("Retry", () => void load()),
      );
    }
    render();
  };
  void load();
}
