import { describe, expect, it } from "vitest";
import { codeWithoutLiterals, errorSpan } from "./cypher-text.ts";

describe("codeWithoutLiterals", () => {
  it("blanks strings and comments but keeps length, newlines and backticked names", () => {
    const q = "MATCH (n:`My Label`) // note\nWHERE n.name = 'a\\'b' /* x\ny */ RETURN n";
    const out = codeWithoutLiterals(q);
    expect(out).toHaveLength(q.length);
    expect(out.split("\n")).toHaveLength(q.split("\n").length);
    expect(out).toContain("`My Label`");
    expect(out).not.toContain("note");
    expect(out).not.toContain("a\\'b");
    expect(out).toContain("RETURN n");
  });
  it("blanks an unterminated string to the end", () => {
    expect(codeWithoutLiterals("RETURN 'open").trimEnd()).toBe("RETURN");
  });
});

describe("errorSpan", () => {
  it("spans the word at the reported offset", () => {
    const q = "MATCH (n) RETRUN n";
    expect(errorSpan(q, 10)).toEqual({ from: 10, to: 16 });
  });
  it("marks at least one character, and stays inside the text at its end", () => {
    expect(errorSpan("MATCH (n", 8)).toEqual({ from: 7, to: 8 });
    expect(errorSpan("RETURN (", 7)).toEqual({ from: 7, to: 8 });
  });
});
