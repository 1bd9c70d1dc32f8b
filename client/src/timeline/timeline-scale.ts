// The time axis of the timeline strip: the domain every mark fits in (padded to whole years) and the year ticks,
// with the pixel mapping both ways so a brush in pixels becomes a range in time.
import type { Span } from "./partial-dates.ts";

export interface TimeScale {
  start: number;
  end: number;
  left: number;
  width: number;
  x(t: number): number;
  t(x: number): number;
  /** Years to label, thinned so labels never crowd (about one per 60 px). */
  ticks(): number[];
}

export function timeScale(spans: Iterable<Pick<Span, "start" | "end">>, left: number, width: number): TimeScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of spans) {
    lo = Math.min(lo, s.start);
    hi = Math.max(hi, s.end);
  }
  if (lo === Infinity) {
    const y = new Date().getUTCFullYear();
    lo = Date.UTC(y - 1, 0, 1);
    hi = Date.UTC(y + 1, 0, 1);
  }
  const y0 = new Date(lo).getUTCFullYear();
  const y1 = new Date(hi - 1).getUTCFullYear() + 1;
  const start = Date.UTC(y0, 0, 1);
  const end = Date.UTC(Math.max(y1, y0 + 1), 0, 1);
  const w = Math.max(width, 1);
  return {
    start,
    end,
    left,
    width: w,
    x: (t) => left + ((t - start) / (end - start)) * w,
    t: (x) => start + ((x - left) / w) * (end - start),
    ticks() {
      const years = new Date(end).getUTCFullYear() - y0;
      const step = [1, 2, 5, 10, 20, 50, 100].find((s) => (w / years) * s >= 60) ?? 100;
      const out: number[] = [];
      for (let y = Math.ceil(y0 / step) * step; y <= y0 + years; y += step) out.push(Date.UTC(y, 0, 1));
      return out;
    },
  };
}
