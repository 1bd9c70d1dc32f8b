// One relation's or claim's evidence as the user reads it: the verbatim quote, the article and outlet it comes
// from (a button that opens the article's sub-graph), who asserts it and how (claimed, alleged, denied ...).
import type { Evidence } from "../../../contract/api.ts";
import type { ExplorerContext } from "../explorer-context.ts";
import { h } from "../ui/dom.ts";

export function evidenceList(evidence: readonly Evidence[], ctx: ExplorerContext): HTMLElement {
  if (evidence.length === 0) return h("p", { class: "muted" }, "No evidence recorded for this fact.");
  return h(
    "ul",
    { class: "evidence-list" },
    evidence.map((e) => evidenceItem(e, ctx)),
  );
}

function evidenceItem(e: Evidence, ctx: ExplorerContext): HTMLElement {
  const src = e.source ? ctx.names.sources.get(e.source) : undefined;
  const who = h("span", { class: "who" });
  if (e.attributedTo) {
    who.textContent = ctx.names.nameOf(e.attributedTo) ?? e.attributedTo;
    void ctx.names.resolve(e.attributedTo).then((n) => (who.textContent = n));
  }
  const sourceLabel = src ? `${src.title}${src.outlet ? ` — ${src.outlet}` : ""}` : e.source || "unknown source";
  return h(
    "li",
    { class: "evidence", attrs: { "data-testid": "evidence" } },
    // An empty quote is one a big view left out (never real: imports require one); the inspector fetches it.
    e.quote
      ? h("blockquote", { class: "quote", attrs: { "data-testid": "evidence-quote" } }, `“${e.quote}”`)
      : h("p", { class: "muted", attrs: { "data-testid": "evidence-quote-missing" } }, "Quote not loaded."),
    h(
      "div",
      { class: "evidence-meta" },
      h(
        "span",
        { class: `modality modality-${e.modality}`, attrs: { "data-testid": "evidence-modality" } },
        e.modality,
      ),
      e.attributedTo ? h("span", {}, " by ", who) : h("span", { class: "muted" }, " by the source itself"),
      e.reportedAt ? h("span", { class: "muted" }, ` · ${e.reportedAt}`) : null,
    ),
    e.source
      ? h(
          "button",
          {
            class: "source-link",
            title: "Show everything this article says",
            attrs: { type: "button", "data-testid": "evidence-source", "data-source-id": e.source },
            on: { click: () => void ctx.actions.showSource(e.source) },
          },
          sourceLabel,
        )
      : h("span", { class: "muted" }, sourceLabel),
  );
}
