// Writes what the bench measured: results.json (everything), results.md (the table a reader checks), and charts
// as PNG, drawn as SVG in the same headless chromium and screenshotted (no charting service, no new dependency).
import { writeFileSync, mkdirSync } from "node:fs";
import { format } from "prettier";
import { join } from "node:path";
import type { BenchResults, ResultRow, Series } from "./results.ts";
import { renderCharts } from "./charts.ts";

function fmt(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  if (a >= 10_000) return Math.round(x).toLocaleString("en-US");
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

function cell(s: ResultRow["value"]): string {
  if (!s) return "–";
  if (s.runs <= 1) return `${fmt(s.median)} (1 run)`;
  return `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}, n=${s.runs})`;
}

export function markdown(r: BenchResults, charts: string[]): string {
  const lines = [
    `# kg-explorer bench results (${r.mode} run)`,
    "",
    `Run ${r.startedAt} → ${r.finishedAt ?? "?"}, wall time ${r.wallSeconds ?? "?"} s. ` +
      `Machine: ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ` +
      `load average ${r.machine.loadAverageAtStart} at start. Values: median (min–max, n = runs).`,
    "",
    "| # | figure | unit | measured | compared with (same run) | target | verdict |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const row of r.rows) {
    const cmp = row.compare ? `${row.compare.label}: ${cell(row.compare.value)}` : "";
    const verdict = row.pass === null ? "reported" : row.pass ? "PASS" : "FAIL";
    const note = row.note ? ` — ${row.note}` : "";
    lines.push(
      `| ${row.section} | ${row.figure} | ${row.unit} | ${cell(row.value)} | ${cmp} | ${row.target} | ${verdict}${note} |`,
    );
  }
  if (r.notes.length) lines.push("", "## Notes", "", ...r.notes.map((n) => `- ${n}`));
  if (r.errors.length) lines.push("", "## Errors", "", ...r.errors.map((e) => "- `" + e.replaceAll("\n", " ") + "`"));
  if (charts.length) lines.push("", "## Charts", "", ...charts.map((c) => `![${c}](charts/${c})`));
  return lines.join("\n") + "\n";
}

export async function writeReport(
  r: BenchResults,
  o: { benchDir: string; outDir: string; partial: boolean; log: (m: string) => void },
): Promise<void> {
  // A partial run (--only) writes beside the committed results, never over them.
  const dir = o.partial ? join(o.outDir, "partial") : o.benchDir;
  mkdirSync(join(dir, "charts"), { recursive: true });
  let charts: string[] = [];
  try {
    charts = await renderCharts(groupSeries(r.series), join(dir, "charts"));
  } catch (e) {
    r.errors.push(`charts: ${String(e)}`);
  }
  // Formatted as the repository's prettier check expects, so committed results pass `npm run lint`.
  writeFileSync(join(dir, "results.json"), await format(JSON.stringify(r), { parser: "json", printWidth: 120 }));
  writeFileSync(join(dir, "results.md"), markdown(r, charts));
  o.log(`wrote ${join(dir, "results.md")}`);
}

export function groupSeries(series: Series[]): Map<string, Series[]> {
  const m = new Map<string, Series[]>();
  for (const s of series) m.set(s.chart, [...(m.get(s.chart) ?? []), s]);
  return m;
}
