// The console's table as data: each cell as readable text (nodes, relationships and paths shortened the way
// Cypher writes them), rows sorted by a column (numbers as numbers, empties last), and the table as TSV to paste
// into a spreadsheet.
import type { GraphEdge, GraphNode, PropertyValue } from "../../../contract/api.ts";

export type SortDirection = "asc" | "desc";

type Tagged = { $node: GraphNode } | { $edge: GraphEdge } | { $path: { nodes: GraphNode[]; edges: GraphEdge[] } };

function tagged(v: unknown): Tagged | null {
  if (!v || typeof v !== "object" || Array.isArray(v)) return null;
  const keys = Object.keys(v);
  if (keys.length !== 1) return null;
  return keys[0] === "$node" || keys[0] === "$edge" || keys[0] === "$path" ? (v as Tagged) : null;
}

const nodeText = (n: GraphNode) => `(${n.labels.map((l) => `:${l}`).join("")} ${n.name})`;

/** A cell as one line of text. */
export function cellText(v: PropertyValue): string {
  if (v === null || v === undefined) return "";
  const t = tagged(v);
  if (t && "$node" in t) return nodeText(t.$node);
  if (t && "$edge" in t) return `[:${t.$edge.type}]`;
  if (t && "$path" in t) {
    const { nodes, edges } = t.$path;
    let s = nodes[0] ? nodeText(nodes[0]) : "";
    edges.forEach((e, i) => {
      const next = nodes[i + 1];
      const forward = !next || e.target === next.id;
      s += forward ? `-[:${e.type}]->` : `<-[:${e.type}]-`;
      if (next) s += nodeText(next);
    });
    return s;
  }
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v))
    return `[${v.map((x) => (typeof x === "string" ? JSON.stringify(x) : cellText(x))).join(", ")}]`;
  return JSON.stringify(v);
}

function sortKey(v: PropertyValue): { empty: boolean; num: number | null; text: string } {
  if (v === null || v === undefined) return { empty: true, num: null, text: "" };
  if (typeof v === "number") return { empty: false, num: v, text: "" };
  return { empty: false, num: null, text: cellText(v) };
}

/** A sorted copy of `rows` by column `index`; empty cells last in both directions, stable for ties. */
export function sortRows(rows: readonly PropertyValue[][], index: number, dir: SortDirection): PropertyValue[][] {
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, key: sortKey(row[index]) }))
    .sort((a, b) => {
      if (a.key.empty !== b.key.empty) return a.key.empty ? 1 : -1;
      let c: number;
      if (a.key.num !== null && b.key.num !== null) c = a.key.num - b.key.num;
      else if (a.key.num !== null) c = -1;
      else if (b.key.num !== null) c = 1;
      else c = a.key.text.localeCompare(b.key.text, "en", { numeric: true });
      return c === 0 ? a.i - b.i : c * sign;
    })
    .map((x) => x.row);
}

/** Tabs and line breaks inside a cell would break the TSV's rows and columns. */
const tsvCell = (s: string) => s.replace(/[\t\r\n]+/g, " ");

export function toTsv(columns: readonly string[], rows: readonly PropertyValue[][]): string {
  return [columns.map(tsvCell).join("\t"), ...rows.map((r) => r.map((c) => tsvCell(cellText(c))).join("\t"))].join(
    "\n",
  );
}
