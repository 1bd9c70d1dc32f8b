// The visible sub-graph as GraphML (for Gephi, yEd, Cytoscape): keys declared up front, every value XML-escaped,
// and each relation's evidence carried as data (quotes, modalities, source titles) so citations survive the trip.
import type { ExportGraph } from "./export-graph.ts";

// Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/FFFF): dropped, else the
// file is not well-formed.
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(s: string): string {
  return s
    .replace(NOT_XML, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const KEYS = [
  { id: "n_name", for: "node", name: "name", type: "string" },
  { id: "n_labels", for: "node", name: "labels", type: "string" },
  { id: "n_properties", for: "node", name: "properties", type: "string" },
  { id: "n_x", for: "node", name: "x", type: "double" },
  { id: "n_y", for: "node", name: "y", type: "double" },
  { id: "e_type", for: "edge", name: "type", type: "string" },
  { id: "e_properties", for: "edge", name: "properties", type: "string" },
  { id: "e_modalities", for: "edge", name: "modalities", type: "string" },
  { id: "e_quotes", for: "edge", name: "quotes", type: "string" },
  { id: "e_source_titles", for: "edge", name: "sourceTitles", type: "string" },
  { id: "e_evidence", for: "edge", name: "evidence", type: "string" },
] as const;

function data(key: string, value: string | number | undefined): string {
  if (value === undefined || value === "") return "";
  return `      <data key="${key}">${escapeXml(String(value))}</data>\n`;
}

export function toGraphml(g: ExportGraph): string {
  const titles = new Map(g.sources.map((s) => [s.id, s.outlet ? `${s.title} (${s.outlet})` : s.title]));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ',
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  ];
  for (const k of KEYS) out.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>\n`);
  out.push('  <graph id="kg-explorer" edgedefault="directed">\n');
  for (const n of g.nodes) {
    out.push(`    <node id="${escapeXml(n.id)}">\n`);
    out.push(data("n_name", n.name));
    out.push(data("n_labels", n.labels.join(",")));
    out.push(data("n_properties", JSON.stringify(n.properties)));
    out.push(data("n_x", n.x));
    out.push(data("n_y", n.y));
    out.push("    </node>\n");
  }
  for (const e of g.edges) {
    out.push(`    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">\n`);
    out.push(data("e_type", e.type));
    out.push(data("e_properties", JSON.stringify(e.properties)));
    out.push(data("e_modalities", e.evidence.map((ev) => ev.modality).join("\n")));
    out.push(data("e_quotes", e.evidence.map((ev) => ev.quote).join("\n")));
    out.push(data("e_source_titles", e.evidence.map((ev) => titles.get(ev.source) ?? ev.source).join("\n")));
    out.push(
      data(
        "e_evidence",
        JSON.stringify(e.evidence.map((ev) => ({ ...ev, sourceTitle: titles.get(ev.source) ?? null }))),
      ),
    );
    out.push("    </edge>\n");
  }
  out.push("  </graph>\n</graphml>\n");
  return out.join("");
}
