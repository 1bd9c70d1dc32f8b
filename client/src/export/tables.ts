// The tables an analyst takes to a spreadsheet, as header + rows for toCsv: entities in view, one row per piece of
// evidence on the relations in view, and one row per source version of each disagreement.
import type { Disagreement, SourceSummary } from "../../../contract/api.ts";
import type { ExportGraph } from "./export-graph.ts";

export interface Table {
  header: string[];
  rows: unknown[][];
}

export function nodesTable(g: ExportGraph): Table {
  return {
    header: ["id", "name", "labels", "properties"],
    rows: g.nodes.map((n) => [n.id, n.name, n.labels.join(","), JSON.stringify(n.properties)]),
  };
}

export function evidenceTable(g: ExportGraph): Table {
  const names = new Map(g.nodes.map((n) => [n.id, n.name]));
  const sources = new Map(g.sources.map((s) => [s.id, s]));
  const rows: unknown[][] = [];
  for (const e of g.edges) {
    const base = [e.id, names.get(e.source) ?? e.source, e.type, names.get(e.target) ?? e.target];
    if (e.evidence.length === 0) rows.push([...base, "", "", "", "", "", ""]);
    for (const ev of e.evidence) {
      const s = sources.get(ev.source);
      rows.push([
        ...base,
        ev.modality,
        ev.quote,
        ev.attributedTo ? (names.get(ev.attributedTo) ?? ev.attributedTo) : "",
        s?.title ?? ev.source,
        s?.outlet ?? "",
        ev.reportedAt ?? "",
      ]);
    }
  }
  return {
    header: ["relation", "from", "type", "to", "modality", "quote", "attributedTo", "source", "outlet", "reportedAt"],
    rows,
  };
}

export function disagreementsTable(list: readonly Disagreement[], sources: ReadonlyMap<string, SourceSummary>): Table {
  const rows: unknown[][] = [];
  for (const d of list)
    for (const v of d.versions)
      for (const ev of v.evidence) {
        const s = sources.get(ev.source);
        rows.push([
          d.subject.name,
          d.property,
          d.kind,
          v.value,
          ev.modality,
          ev.quote,
          s?.title ?? ev.source,
          s?.outlet ?? "",
          ev.reportedAt ?? s?.published ?? "",
        ]);
      }
  return {
    header: ["subject", "property", "kind", "value", "modality", "quote", "source", "outlet", "reportedAt"],
    rows,
  };
}
