// Console parameters are typed as a JSON object; this checks them before anything is sent, and names the `$params`
// the query uses but the object does not define, so the user gets a clear message instead of a Neo4j error.
import { codeWithoutLiterals } from "./cypher-text.ts";

export type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

/** Parses the parameters box: empty means none; anything but a JSON object is refused with a reason. */
export function parseParams(text: string): ParamsResult {
  if (!text.trim()) return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `The parameters are not valid JSON: ${detail}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const kind = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    return {
      ok: false,
      message: `The parameters must be a JSON object such as {"id": "wagner-group"}, not ${kind}.`,
    };
  }
  return { ok: true, params: value as Record<string, unknown> };
}

/** Names of `$param` (or `$`backticked``) references in the query, outside strings and comments, in order. */
export function referencedParams(query: string): string[] {
  const names = new Set<string>();
  for (const m of codeWithoutLiterals(query).matchAll(/\$(?:([A-Za-z_][\w]*)|`([^`]+)`)/g)) names.add(m[1] ?? m[2]);
  return [...names];
}

/** The query's parameters missing from `params`. */
export function missingParams(query: string, params: Record<string, unknown>): string[] {
  return referencedParams(query).filter((n) => !Object.hasOwn(params, n));
}
