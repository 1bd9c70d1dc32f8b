// A query plan (EXPLAIN/PROFILE) as rows to draw as an indented tree, root first like Neo4j Browser, with the
// numbers an analyst reads: estimated rows, actual rows and db hits (PROFILE only), and the operator's details.
import type { PlanNode } from "../../../contract/api.ts";

export interface PlanRow {
  depth: number;
  operator: string;
  details: string;
  identifiers: string[];
  estimatedRows: number | null;
  rows: number | null;
  dbHits: number | null;
  /** Path of child indexes from the root ("0.1"), a stable key for the row. */
  key: string;
}

function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** Depth-first, parent before children. */
export function flattenPlan(plan: PlanNode): PlanRow[] {
  const out: PlanRow[] = [];
  const visit = (p: PlanNode, depth: number, key: string) => {
    const details = p.arguments.Details;
    out.push({
      depth,
      operator: p.operator,
      details: typeof details === "string" ? details : "",
      identifiers: p.identifiers,
      estimatedRows: num(p.arguments.EstimatedRows),
      rows: p.rows ?? null,
      dbHits: p.dbHits ?? null,
      key,
    });
    p.children.forEach((c, i) => visit(c, depth + 1, key ? `${key}.${i}` : String(i)));
  };
  visit(plan, 0, "");
  return out;
}

/** Sum of db hits over the tree, or null for a plan that was not profiled. */
export function totalDbHits(plan: PlanNode): number | null {
  const rows = flattenPlan(plan);
  if (rows.every((r) => r.dbHits === null)) return null;
  return rows.reduce((s, r) => s + (r.dbHits ?? 0), 0);
}

/** Estimated rows are floats in Neo4j's plan; show them the way Neo4j Browser does. */
export function formatCount(n: number | null): string {
  if (n === null) return "—";
  return Math.round(n).toLocaleString("en");
}
