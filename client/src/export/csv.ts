// Tables as CSV that are safe to open in a spreadsheet: every field quoted, quotes doubled, and text cells that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) neutralised with a leading apostrophe.
// Quotes from news articles routinely start with a dash or an equals sign; a CSV must never turn them into code.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text: lists joined with "; ", objects as JSON, null/undefined empty. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(cellText).join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Quotes one field; text (not numbers or booleans) that would start a formula gets a leading `'`. */
export function csvField(v: unknown): string {
  let s = cellText(v);
  if (typeof v !== "number" && typeof v !== "boolean" && FORMULA_START.test(s)) s = `'${s}`;
  return `"${s.replaceAll('"', '""')}"`;
}

/** A header row and data rows as CSV text (RFC 4180 line ends). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
