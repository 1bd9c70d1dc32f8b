// Line charts (log-scaled x: graph size) drawn as inline SVG in headless chromium and saved as PNG screenshots.
import { join } from "node:path";
import type { Series } from "./results.ts";
import { launchBrowser } from "./browser.ts";

export const CHART_META: Record<string, { title: string; x: string; y: string; logY?: boolean }> = {
  "render-frame": {
    title: "Frame time while panning and zooming",
    x: "nodes (2 edges per node)",
    y: "ms per frame (mean gap)",
    logY: true,
  },
  "render-first-frame": { title: "Time to first frame", x: "nodes (2 edges per node)", y: "ms", logY: true },
  "render-heap": { title: "JS heap after opening", x: "nodes (2 edges per node)", y: "MB" },
  "layout-iteration": {
    title: "ForceAtlas2 in the worker: ms per iteration",
    x: "nodes",
    y: "ms per iteration",
    logY: true,
  },
  "api-latency": { title: "API vs direct driver: p50 latency under load", x: "query", y: "ms (p50)" },
  "ingest-rate": { title: "Ingest: relationships per second", x: "relationships", y: "relationships/s" },
};

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2"];

function svgChart(name: string, series: Series[]): string {
  const meta = CHART_META[name] ?? { title: name, x: "x", y: "y" };
  const W = 760;
  const H = 420;
  const L = 80;
  const R = 200;
  const T = 50;
  const B = 60;
  const xs = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const ys = series.flatMap((s) => s.y).filter((y): y is number => y !== null && Number.isFinite(y) && y > 0);
  const logX = xs.length > 1 && xs[0] > 0 && xs.at(-1)! / xs[0] >= 10;
  const logY = !!meta.logY && ys.length > 0;
  const yMax = Math.max(1, ...ys) * 1.15;
  const yMin = logY ? Math.max(Math.min(...ys) / 1.5, 0.01) : 0;
  const fx = (x: number) => {
    if (xs.length === 1) return L + (W - L - R) / 2;
    const t = logX
      ? (Math.log(x) - Math.log(xs[0])) / (Math.log(xs.at(-1)!) - Math.log(xs[0]))
      : xs.indexOf(x) / (xs.length - 1);
    return L + t * (W - L - R);
  };
  const fy = (y: number) => {
    const t = logY ? (Math.log(y) - Math.log(yMin)) / (Math.log(yMax) - Math.log(yMin)) : (y - yMin) / (yMax - yMin);
    return H - B - t * (H - T - B);
  };
  const parts: string[] = [];
  parts.push(`<text x="${W / 2}" y="28" text-anchor="middle" font-size="18" font-weight="600">${meta.title}</text>`);
  parts.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/>`);
  parts.push(`<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`);
  const ticks = logY
    ? Array.from({ length: 8 }, (_, i) => 10 ** (Math.floor(Math.log10(yMin)) + i)).filter(
        (v) => v >= yMin && v <= yMax,
      )
    : Array.from({ length: 6 }, (_, i) => (yMax / 5) * i);
  for (const v of ticks) {
    const y = fy(v);
    parts.push(`<line x1="${L}" y1="${y}" x2="${W - R}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${L - 6}" y="${y + 4}" text-anchor="end" font-size="12">${fmtTick(v)}</text>`);
  }
  for (const x of xs) {
    parts.push(`<text x="${fx(x)}" y="${H - B + 18}" text-anchor="middle" font-size="12">${fmtTick(x)}</text>`);
  }
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 15}" text-anchor="middle" font-size="13">${meta.x}</text>`);
  parts.push(
    `<text transform="translate(18 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle" font-size="13">${meta.y}${logY ? " (log)" : ""}</text>`,
  );
  series.forEach((s, i) => {
    const c = COLORS[i % COLORS.length];
    const pts = s.x.map((x, j) => [x, s.y[j]] as const).filter(([, y]) => y !== null && Number.isFinite(y) && y > 0);
    if (pts.length > 1)
      parts.push(
        `<polyline fill="none" stroke="${c}" stroke-width="2.5" points="${pts.map(([x, y]) => `${fx(x)},${fy(y!)}`).join(" ")}"/>`,
      );
    for (const [x, y] of pts) {
      parts.push(`<circle cx="${fx(x)}" cy="${fy(y!)}" r="4.5" fill="${c}"/>`);
      // The rightmost value is written to the left of its point, clear of the legend. A value goes above its point
      // when it is the highest at that x, else under it, so two close series do not write over each other.
      const last = x === xs.at(-1) && xs.length > 1;
      const others = series.flatMap((o, k) => (k === i ? [] : [o.y[o.x.indexOf(x)]])).filter((v) => v != null);
      const top = others.every((v) => v! < y! || (v === y && i % 2 === 0));
      const dy = top ? -7 : 15;
      parts.push(
        `<text x="${fx(x) + (last ? -7 : 7)}" y="${fy(y!) + dy}" font-size="11" fill="${c}" text-anchor="${last ? "end" : "start"}">${fmtTick(y!)}</text>`,
      );
    }
    for (const [x, y] of s.x.map((x, j) => [x, s.y[j]] as const).filter(([, y]) => y === null)) {
      void y;
      parts.push(`<text x="${fx(x)}" y="${H - B - 8}" font-size="12" fill="${c}" text-anchor="middle">✕ failed</text>`);
    }
    const ly = T + 10 + i * 22;
    parts.push(`<rect x="${W - R + 15}" y="${ly - 9}" width="14" height="4" fill="${c}"/>`);
    parts.push(`<text x="${W - R + 35}" y="${ly - 3}" font-size="12">${escapeXml(s.label)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif">${parts.join("")}</svg>`;
}

function fmtTick(v: number): string {
  if (v >= 1_000_000) return `${+(v / 1_000_000).toFixed(1)}M`;
  if (v >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  if (v >= 10) return v.toFixed(0);
  return String(+v.toFixed(2));
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);
}

/** Returns the file names written into dir. */
export async function renderCharts(groups: Map<string, Series[]>, dir: string): Promise<string[]> {
  if (groups.size === 0) return [];
  const { browser, close } = await launchBrowser();
  const written: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 760, height: 420 } });
    for (const [name, series] of groups) {
      await page.setContent(`<html><body style="margin:0;background:#fff">${svgChart(name, series)}</body></html>`);
      const file = `${name}.png`;
      await page.locator("svg").screenshot({ path: join(dir, file) });
      written.push(file);
    }
  } finally {
    await close();
  }
  return written;
}
