// Builds the Lucene query behind search from user text. The text is split into word tokens (so no Lucene syntax
// survives) and every token is escaped anyway; each token matches exactly, as a prefix (`term*`) and fuzzily
// (`term~`), with exact and name matches boosted, so `wagn`, `iskp` and `Suleimani` all land.
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/** Lower-case word tokens; Lucene's wildcard and fuzzy terms bypass the analyser, so we fold case ourselves. */
export function searchTokens(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? []
  );
}

function tokenClause(t: string): string {
  const e = escapeLucene(t);
  // Names and aliases outrank descriptions: a short description that mentions "Daesh" is not Daesh.
  const parts = [`name:${e}^6`, `aliases:${e}^6`, `name:${e}*^3`, `aliases:${e}*^3`, e, `${e}*`];
  // Fuzzy only where an edit is a small share of the word: `ira~` would match half the index.
  if (t.length >= 4) {
    const d = t.length >= 8 ? 2 : 1;
    parts.push(`name:${e}~${d}^2`, `aliases:${e}~${d}^2`);
  }
  return `(${parts.join(" OR ")})`;
}

/** null when the text has no searchable token. */
export function luceneQuery(text: string): string | null {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return null;
  const phrase = tokens.map(escapeLucene).join(" ");
  const clauses = tokens.map(tokenClause);
  const all = clauses.length > 1 ? `(${clauses.join(" AND ")})^2` : clauses[0];
  const any = clauses.length > 1 ? ` OR ${clauses.join(" OR ")}` : "";
  return `name:"${phrase}"^8 OR aliases:"${phrase}"^6 OR ${all}${any}`;
}
