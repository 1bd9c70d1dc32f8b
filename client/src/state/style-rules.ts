// User style rules: "colour nodes by a numeric property" (e.g. events by death toll). Pure: given the rule and the
// values present, returns a colour per value on a sequential, colour-blind-safe scale (viridis stops).

export interface StyleRule {
  property: string;
  /** Nodes lacking the property keep their type colour unless a type limits the rule. */
  scale: ScaleName;
}

export const SCALES = {
  viridis: ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"],
  cividis: ["#00204d", "#414d6b", "#7c7b78", "#bcaf6f", "#ffea46"],
  oranges: ["#fee6ce", "#fdae6b", "#f16913", "#d94801", "#7f2704"],
} as const;
export type ScaleName = keyof typeof SCALES;

/** Numbers, and numeric strings (Neo4j integers beyond 2^53 arrive as strings), else null. */
export function numericValue(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa
    .map((x, i) =>
      Math.round(x + (pb[i] - x) * t)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

export function colorOnScale(scale: ScaleName, t: number): string {
  const stops = SCALES[scale];
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  return mix(stops[i], stops[i + 1], x - i);
}

export interface ScaleFn {
  min: number;
  max: number;
  colorOf(v: unknown): string | null;
}

/** Builds the value → colour function over the values present (linear between min and max). */
export function buildScale(rule: StyleRule, values: Iterable<unknown>): ScaleFn {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    const n = numericValue(v);
    if (n === null) continue;
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  return {
    min,
    max,
    colorOf(v) {
      const n = numericValue(v);
      if (n === null || min === Infinity) return null;
      return colorOnScale(rule.scale, max === min ? 1 : (n - min) / (max - min));
    },
  };
}
