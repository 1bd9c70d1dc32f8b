// Summaries of repeated measurements: the median is the figure, min–max the spread (few runs: no fake precision).
export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function summarize(samples: number[]): Summary {
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
    samples: samples.map((x) => Math.round(x * 1000) / 1000),
  };
}

export async function repeat(times: number, once: (i: number) => Promise<number>): Promise<Summary> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await once(i));
  return summarize(out);
}

export const ms = (t0: number) => performance.now() - t0;
