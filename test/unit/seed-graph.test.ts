// The curated seed graph's own rules, beyond the file format: coverage, attribution and evidence that is verbatim.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../server/config.ts";
import { readGraphDocuments } from "../../server/seed/read-graph-document.ts";

const seed = readGraphDocuments([join(PROJECT_ROOT, "seeds")], PROJECT_ROOT);
const SHARED = join(PROJECT_ROOT, "..", "shared");

describe("the seed graph", () => {
  it("validates against the graph-document schema with every reference resolved", () => {
    expect(seed.sources).toHaveLength(5);
    expect(seed.entities.length).toBeGreaterThan(100);
    expect(seed.relations.length).toBeGreaterThan(200);
  });

  it("gives every entity at least one relation and at least one mentioning source", () => {
    const related = new Set(seed.relations.flatMap((r) => [r.from, r.to]));
    expect(seed.entities.filter((e) => !related.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(seed.entities.filter((e) => e.mentionedIn.length === 0).map((e) => e.id)).toEqual([]);
  });

  it("holds the three relation types the product is built around, each with evidence on every relation", () => {
    const types = new Set(seed.relations.map((r) => r.type));
    for (const t of ["FIGHTS", "SUPPORTS", "CLAIMS"]) expect(types).toContain(t);
    expect(seed.relations.filter((r) => r.evidence.length === 0).map((r) => r.id)).toEqual([]);
  });

  it("keeps one relation per (from, type, to) fact", () => {
    const keys = seed.relations.map((r) => `${r.from}|${r.type}|${r.to}`);
    expect(keys.length - new Set(keys).size).toBe(0);
  });

  it("records the same relation with different modalities when sources differ, not one flattened value", () => {
    const mixed = seed.relations.filter((r) => new Set(r.evidence.map((e) => e.modality)).size > 1);
    expect(mixed.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(join(SHARED, "tools", "check-evidence.mjs")))(
    "quotes every piece of evidence verbatim from its article (shared check-evidence tool; skipped only where ../shared is absent)",
    () => {
      const r = spawnSync(process.execPath, [join(SHARED, "tools", "check-evidence.mjs"), "seeds"], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
      });
      expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed$/);
      expect(r.status).toBe(0);
    },
  );
});
