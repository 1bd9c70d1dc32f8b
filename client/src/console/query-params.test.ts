import { describe, expect, it } from "vitest";
import { missingParams, parseParams, referencedParams } from "./query-params.ts";

describe("parseParams", () => {
  it("reads an empty box as no parameters", () => {
    expect(parseParams("  \n")).toEqual({ ok: true, params: {} });
  });
  it("accepts a JSON object", () => {
    expect(parseParams('{"id": "wagner-group", "n": 3}')).toEqual({ ok: true, params: { id: "wagner-group", n: 3 } });
  });
  it("refuses invalid JSON with the parser's reason", () => {
    const r = parseParams("{id: wagner}");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^The parameters are not valid JSON: /);
  });
  it("refuses JSON that is not an object, naming what it is", () => {
    for (const [text, kind] of [
      ["[1,2]", "an array"],
      ["null", "null"],
      ['"x"', "a string"],
      ["42", "a number"],
    ]) {
      const r = parseParams(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`not ${kind}`);
    }
  });
});

describe("referencedParams / missingParams", () => {
  it("finds $name and $`quoted name` references once each, in order", () => {
    expect(referencedParams("MATCH (n {id: $id}) WHERE n.x > $min AND n.y = $`odd name` RETURN $id")).toEqual([
      "id",
      "min",
      "odd name",
    ]);
  });
  it("ignores $ inside strings and comments", () => {
    expect(referencedParams("RETURN '$notParam', \"$nope\" // $comment\n/* $block */ + $real")).toEqual(["real"]);
  });
  it("lists the references the parameters do not define", () => {
    expect(missingParams("MATCH (n {id: $id}) RETURN n LIMIT $limit", { id: "x" })).toEqual(["limit"]);
    expect(missingParams("RETURN 1", {})).toEqual([]);
  });
});
