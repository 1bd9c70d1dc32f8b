// The shape of what the bench measured: rows for the table (figure, median and spread, what it is compared with,
// target, verdict) and series for the charts. Every section appends here; report.ts turns it into files.
import type { Summary } from "./stats.ts";

export interface ResultRow {
  section: string;
  figure: string;
  unit: string;
  value: Summary | null;
  /** The other side of the side-by-side comparison, measured in the same run. */
  compare?: { label: string; value: Summary | null };
  target: string;
  pass: boolean | null;
  note?: string;
}

export interface Series {
  chart: string;
  label: string;
  x: number[];
  y: (number | null)[];
}

export interface BenchResults {
  startedAt: string;
  finishedAt?: string;
  wallSeconds?: number;
  mode: "quick" | "full";
  machine: Record<string, string | number>;
  rows: ResultRow[];
  series: Series[];
  notes: string[];
  errors: string[];
}
