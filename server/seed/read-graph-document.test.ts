import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGraphDocuments, GraphDocumentError } from "./read-graph-document.ts";

function docFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "kg-doc-"));
  const file = join(dir, "g.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function problemsOf(file: string) {
  try {
    readGraphDocuments([file], join(file, ".."));
  } catch (e) {
    expect(e).toBeInstanceOf(GraphDocumentError);
    return (e as GraphDocumentError).problems;
  }
  throw new Error("expected the document to be refused");
}

const entity = (id: string, extra: object = {}) => ({ id, type: "Person", name: id, mentionedIn: ["s"], ...extra });
const source = { id: "s", title: "S" };

describe("readGraphDocuments", () => {
  it("reports invalid JSON with the file name", () => {
    expect(problemsOf(docFile("{ nope"))[0]).toMatchObject({
      file: "g.json",
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it("reports a schema error with its JSON path", () => {
    const p = problemsOf(docFile({ version: 1, entities: [entity("Bad Id")] }));
    expect(p[0]).toMatchObject({ file: "g.json", path: "/entities/0/id" });
  });

  it("refuses an unknown modality", () => {
    const p = problemsOf(
      docFile({
        version: 1,
        sources: [source],
        entities: [entity("a"), entity("b")],
        relations: [
          {
            id: "r",
            type: "FIGHTS",
            from: "a",
            to: "b",
            evidence: [{ source: "s", quote: "a fights b", modality: "rumoured" }],
          },
        ],
      }),
    );
    expect(p[0].path).toBe("/relations/0/evidence/0/modality");
  });

  it("finds duplicate ids, shared aliases and unknown attributions", () => {
    const p = problemsOf(
      docFile({
        version: 1,
        sources: [source],
        entities: [entity("a", { aliases: ["Alpha"] }), entity("b", { aliases: ["alpha"] }), entity("a")],
        relations: [
          {
            id: "r",
            type: "FIGHTS",
            from: "a",
            to: "b",
            evidence: [{ source: "s", quote: "a fights b", modality: "asserted", attributedTo: "ghost" }],
          },
        ],
      }),
    );
    const messages = p.map((x) => x.message);
    expect(messages).toContain('duplicate id "a" (also at g.json#/entities/0)');
    expect(messages.some((m) => m.includes('"alpha" is also used by "a"'))).toBe(true);
    expect(messages).toContain('unknown entity "ghost"');
  });

  it("accepts a valid document and keeps where each item came from", () => {
    const d = readGraphDocuments([docFile({ version: 1, sources: [source], entities: [entity("a")] })]);
    expect(d.entities[0]).toMatchObject({ id: "a", path: "/entities/0", aliases: [], description: "" });
  });
});
