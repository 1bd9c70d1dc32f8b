import { describe, expect, it } from "vitest";
import { escapeLucene, luceneQuery, searchTokens } from "./lucene-query.ts";

describe("luceneQuery", () => {
  it("keeps no Lucene syntax from the user's text", () => {
    const q = luceneQuery('name:x OR "a" AND (b)~ * \\ /re/')!;
    expect(q).not.toMatch(/\(b\)|\/re\/|\\| \* /);
    expect(q).not.toContain('"a"');
    expect(searchTokens('name:x OR "a"')).toEqual(["name", "x", "or", "a"]);
  });

  it("asks for exact, prefix and fuzzy matches of each token", () => {
    const q = luceneQuery("Wagner")!;
    expect(q).toContain("name:wagner^6");
    expect(q).toContain("aliases:wagner*^3");
    expect(q).toContain("name:wagner~1");
  });

  it("leaves short tokens un-fuzzed and returns null for text without words", () => {
    expect(luceneQuery("isk")).not.toContain("~");
    expect(luceneQuery("  -- ** ")).toBeNull();
  });

  it("escapes every Lucene special character", () => {
    expect(escapeLucene('a+b-c:d"e*f?g~h\\i/j')).toBe('a\\+b\\-c\\:d\\"e\\*f\\?g\\~h\\\\i\\/j');
  });

  it("folds full-width letters and case", () => {
    expect(searchTokens("ＩＳＩＳ")).toEqual(["isis"]);
  });
});
