// Text checks on a console query. They can only ADD refusals: what may run is decided by Neo4j's own plan
// (plan-checks.ts). The text is NFKC-normalised (full-width letters become ASCII) and comments, string literals
// and backticked names are blanked first, so keywords are only matched where Cypher would read them as keywords.
import { AppError } from "../../errors.ts";

/** Code without comments; strings and `quoted names` become placeholders so their content cannot match. */
export function codeOnly(query: string): string {
  const s = query.normalize("NFKC");
  let out = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const next = s[i + 1];
    if (c === "/" && next === "/") {
      while (i < s.length && s[i] !== "\n") i++;
      out += " ";
    } else if (c === "/" && next === "*") {
      const end = s.indexOf("*/", i + 2);
      i = end === -1 ? s.length : end + 2;
      out += " ";
    } else if (c === "'" || c === '"') {
      i++;
      while (i < s.length && s[i] !== c) i += s[i] === "\\" ? 2 : 1;
      i++;
      out += " 'str' ";
    } else if (c === "`") {
      i++;
      // `` inside backticks is an escaped backtick.
      while (i < s.length && !(s[i] === "`" && s[i + 1] !== "`")) i += s[i] === "`" ? 2 : 1;
      i++;
      out += " `name` ";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

// Keywords that start administration, schema and transaction-management commands. A word preceded by `.`, `:` or
// `$` is a property, label or parameter, and one followed by `:` a map key, so those are left alone.
const ADMIN =
  /(?<![.:$\w])(SHOW|TERMINATE|GRANT|DENY|REVOKE|ALTER|DROP|RENAME|DEALLOCATE|REALLOCATE|ENABLE\s+SERVER|(?:START|STOP)\s+DATABASE|CREATE\s+(?:OR\s+REPLACE\s+)?(?:USER|ROLE|(?:COMPOSITE\s+)?DATABASE|ALIAS|SERVER|(?:\w+\s+)?INDEX|CONSTRAINT))\b(?!\s*:)/i;
const USE = /(?<![.:$\w])USE\s+[\w`]/i;
const LEADING_PREFIX = /^\s*(EXPLAIN|PROFILE)\b/i;
const CYPHER_PREFIX =
  /^\s*CYPHER\b([^\n]*?)(?=\b(MATCH|OPTIONAL|RETURN|WITH|UNWIND|CALL|CREATE|MERGE|LOAD|USE|SHOW|FOREACH)\b|$)/i;

export function checkQueryText(query: string): void {
  const code = codeOnly(query);
  if (!code.trim()) throw new AppError("BAD_REQUEST", "The query is empty.");
  const statementEnd = code.indexOf(";");
  if (statementEnd !== -1 && code.slice(statementEnd + 1).trim()) {
    throw new AppError("BAD_REQUEST", "Send one statement at a time (the query has more than one).");
  }
  if (LEADING_PREFIX.test(code)) {
    throw new AppError("BAD_REQUEST", 'Use "mode": "explain" or "profile" instead of writing EXPLAIN/PROFILE.');
  }
  const cypher = CYPHER_PREFIX.exec(code);
  if (cypher && !/^\s*(5|25)?\s*$/.test(cypher[1])) {
    throw new AppError("FORBIDDEN", "CYPHER query options are not allowed in the console.");
  }
  const admin = ADMIN.exec(code);
  if (admin) {
    throw new AppError("FORBIDDEN", `Administration and schema commands are not allowed (${admin[1].toUpperCase()}).`);
  }
  if (USE.test(code)) throw new AppError("FORBIDDEN", "USE is not allowed: the console reads the configured database.");
}
