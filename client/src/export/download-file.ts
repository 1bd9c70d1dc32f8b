// Hands a text or a blob to the browser as a file download (an object URL on a temporary link, revoked after).
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  // A BOM makes spreadsheets read UTF-8 CSV correctly (names and quotes are full of non-ASCII letters).
  const body = type.startsWith("text/csv") ? `\uFEFF${text}` : text;
  downloadBlob(new Blob([body], { type }), filename);
}

/** A file-name-safe stamp like 2024-03-22T10-05. */
export function fileStamp(d = new Date()): string {
  return d.toISOString().slice(0, 16).replaceAll(":", "-");
}
