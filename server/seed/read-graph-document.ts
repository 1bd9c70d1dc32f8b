// Reads graph documents from files, validates them, merges them and checks that every id they refer to exists.
// Returns every problem at once (file, JSON path, what is wrong) so a user fixes a broken file in one pass.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { AppError } from "../errors.ts";
import { GraphDocumentSchema, type GraphDocument } from "./seed-schema.ts";

export interface Problem {
  file: string;
  path: string;
  message: string;
}

export class GraphDocumentError extends AppError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const shown = problems.slice(0, 20).map((p) => `${p.file}${p.path ? `#${p.path}` : ""}: ${p.message}`);
    super("IMPORT_INVALID", `Invalid graph document (nothing was written):\n  ${shown.join("\n  ")}`, {
      problems: problems.slice(0, 100),
    });
    this.problems = problems;
  }
}

export type Located<T> = T & { file: string; path: string };

export interface MergedDocument {
  sources: Located<GraphDocument["sources"][number]>[];
  entities: Located<GraphDocument["entities"][number]>[];
  relations: Located<GraphDocument["relations"][number]>[];
  claims: Located<GraphDocument["claims"][number]>[];
}

function jsonFilesIn(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(path, f));
}

/** Parses and validates one or more files (a folder means every .json in it), then checks references. */
export function readGraphDocuments(paths: string[], base = process.cwd()): MergedDocument {
  const problems: Problem[] = [];
  const merged: MergedDocument = { sources: [], entities: [], relations: [], claims: [] };
  const files = paths.flatMap((p) => {
    try {
      return jsonFilesIn(p);
    } catch {
      problems.push({ file: relative(base, p), path: "", message: "no such file or folder" });
      return [];
    }
  });
  if (files.length === 0 && problems.length === 0)
    problems.push({ file: paths.join(", "), path: "", message: "no .json files" });
  for (const f of files) {
    const file = relative(base, f) || f;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(f, "utf8"));
    } catch (e) {
      problems.push({ file, path: "", message: `not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const parsed = GraphDocumentSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push({ file, path: "/" + i.path.join("/"), message: i.message });
      continue;
    }
    for (const key of ["sources", "entities", "relations", "claims"] as const) {
      parsed.data[key].forEach((item, i) => (merged[key] as unknown[]).push({ ...item, file, path: `/${key}/${i}` }));
    }
  }
  if (problems.length === 0) checkReferences(merged, problems);
  if (problems.length > 0) throw new GraphDocumentError(problems);
  return merged;
}

function checkReferences(d: MergedDocument, problems: Problem[]): void {
  const seen = new Map<string, string>();
  const all = [...d.sources, ...d.entities, ...d.relations, ...d.claims];
  for (const item of all) {
    const prev = seen.get(item.id);
    if (prev)
      problems.push({
        file: item.file,
        path: `${item.path}/id`,
        message: `duplicate id "${item.id}" (also at ${prev})`,
      });
    else seen.set(item.id, `${item.file}#${item.path}`);
  }
  const sources = new Set(d.sources.map((s) => s.id));
  const entities = new Set(d.entities.map((e) => e.id));
  const ref = (ok: boolean, item: { file: string; path: string }, at: string, what: string) => {
    if (!ok) problems.push({ file: item.file, path: `${item.path}/${at}`, message: what });
  };
  const aliasOwner = new Map<string, string>();
  for (const e of d.entities) {
    e.mentionedIn.forEach((s, i) => ref(sources.has(s), e, `mentionedIn/${i}`, `unknown source "${s}"`));
    for (const a of new Set([e.name, ...e.aliases].map((x) => x.toLowerCase()))) {
      const owner = aliasOwner.get(a);
      if (owner && owner !== e.id)
        problems.push({
          file: e.file,
          path: `${e.path}/aliases`,
          message: `name or alias "${a}" is also used by "${owner}"`,
        });
      else aliasOwner.set(a, e.id);
    }
  }
  const checkEvidence = (item: { file: string; path: string; evidence: { source: string; attributedTo?: string }[] }) =>
    item.evidence.forEach((ev, i) => {
      ref(sources.has(ev.source), item, `evidence/${i}/source`, `unknown source "${ev.source}"`);
      if (ev.attributedTo)
        ref(entities.has(ev.attributedTo), item, `evidence/${i}/attributedTo`, `unknown entity "${ev.attributedTo}"`);
    });
  for (const r of d.relations) {
    ref(entities.has(r.from), r, "from", `unknown entity "${r.from}"`);
    ref(entities.has(r.to), r, "to", `unknown entity "${r.to}"`);
    checkEvidence(r);
  }
  for (const c of d.claims) {
    ref(entities.has(c.subject), c, "subject", `unknown entity "${c.subject}"`);
    checkEvidence(c);
  }
}
