// Partial dates as the texts give them (`2015`, `2015-01`, `2015-09-30`) turned into the time span they cover, so the
// timeline draws a month as a month-long bar and a year as a year-long bar instead of inventing a day. All in UTC.

export type Precision = "day" | "month" | "year";

export interface Span {
  /** Inclusive start, ms since the epoch (UTC). */
  start: number;
  /** Exclusive end. */
  end: number;
  precision: Precision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision a value's shape shows (`2015-01` → month), or null when it is not a partial date. */
export function precisionOf(value: string): Precision | null {
  const m = PARTIAL_DATE.exec(value.trim());
  if (!m) return null;
  return m[3] ? "day" : m[2] ? "month" : "year";
}

/**
 * The span a partial date covers. A stated precision coarser than the value's shape wins (`2015-01-01` given as a
 * year is the year 2015); a finer one than the value holds cannot be honoured and falls back to the shape.
 */
export function spanOf(value: string, precision?: string | null): Span | null {
  const m = PARTIAL_DATE.exec(value.trim());
  if (!m) return null;
  const shape = precisionOf(value)!;
  const rank = { year: 0, month: 1, day: 2 } as const;
  const stated = precision === "day" || precision === "month" || precision === "year" ? precision : shape;
  const p: Precision = rank[stated] <= rank[shape] ? stated : shape;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 0;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 0 || mo > 11 || d < 1 || d > 31) return null;
  if (p === "year") return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), precision: p };
  if (p === "month") return { start: Date.UTC(y, mo, 1), end: Date.UTC(y, mo + 1, 1), precision: p };
  return { start: Date.UTC(y, mo, d), end: Date.UTC(y, mo, d + 1), precision: p };
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && a.end > b.start;
}

/** `YYYY-MM-DD` of a UTC instant. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A brushed range as the URL keeps it: `2024-01-01..2024-12-31`, both days included. */
export function formatRange(r: { start: number; end: number }): string {
  return `${isoDay(r.start)}..${isoDay(r.end - 86_400_000)}`;
}

export function parseRange(text: string | null): { start: number; end: number } | null {
  if (!text) return null;
  const [a, b] = text.split("..");
  const from = a ? spanOf(a) : null;
  const to = b ? spanOf(b) : null;
  if (!from || !to || to.end <= from.start) return null;
  return { start: from.start, end: to.end };
}
