// Loads the Cypher the app runs from cypher/*.cypher by name, so queries live in files a reader can run
// in any Neo4j tool, and are always parameterised rather than built from strings.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../config.ts";

export const CYPHER_DIR = join(PROJECT_ROOT, "cypher");
const cache = new Map<string, string>();

/** `cypher("seed/merge-entities")` reads cypher/seed/merge-entities.cypher. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Splits a file of several `;`-terminated statements (schema.cypher), dropping `//` comment lines. */
export function statements(name: string): string[] {
  return cypher(name)
    .split("\n")
    .filter((l) => !l.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface SavedQueryFile {
  name: string;
  title: string;
  description: string;
  query: string;
}

/** The saved query library: each file opens with `// title:` and `// description:` header lines. */
export function savedQueries(dir = join(CYPHER_DIR, "queries")): SavedQueryFile[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith(".cypher"))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => {
    const text = readFileSync(join(dir, f), "utf8");
    const header = (key: string) => new RegExp(`^//\\s*${key}:\\s*(.+)$`, "mi").exec(text)?.[1].trim() ?? "";
    const query = text
      .split("\n")
      .filter((l) => !/^\/\/\s*(title|description):/i.test(l))
      .join("\n")
      .trim()
      .replace(/;\s*$/, "");
    return { name: f.replace(/\.cypher$/, ""), title: header("title") || f, description: header("description"), query };
  });
}
