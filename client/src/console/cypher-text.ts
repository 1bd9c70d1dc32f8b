// Reading a Cypher text without a parser: blanks comments and string literals (keeping offsets) so that simple
// scans, like finding `$param` references, never match inside them. Backticked names are kept as they are.
export function codeWithoutLiterals(query: string): string {
  let out = "";
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    const next = query[i + 1];
    let end: number;
    if (c === "/" && next === "/") {
      end = query.indexOf("\n", i);
      if (end === -1) end = query.length;
    } else if (c === "/" && next === "*") {
      const close = query.indexOf("*/", i + 2);
      end = close === -1 ? query.length : close + 2;
    } else if (c === "'" || c === '"') {
      end = i + 1;
      while (end < query.length && query[end] !== c) end += query[end] === "\\" ? 2 : 1;
      end = Math.min(query.length, end + 1);
    } else if (c === "`") {
      const close = query.indexOf("`", i + 1);
      end = close === -1 ? query.length : close + 1;
      out += query.slice(i, end);
      i = end;
      continue;
    } else {
      out += c;
      i++;
      continue;
    }
    // Keep newlines so line/column positions stay where they were.
    out += query.slice(i, end).replace(/[^\n]/g, " ");
    i = end;
  }
  return out;
}

/** The span to underline: from the reported offset to the end of the word there (at least one character). */
export function errorSpan(text: string, offset: number): { from: number; to: number } {
  const from = Math.min(Math.max(0, offset), Math.max(0, text.length - 1));
  let to = from;
  while (to < text.length && /[\w$`.]/.test(text[to])) to++;
  return { from, to: Math.max(to, Math.min(from + 1, text.length)) };
}
