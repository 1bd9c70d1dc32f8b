import { describe, expect, it } from "vitest";
import { decodePathParam, encodePathParam, type SharedPath } from "./path-url.ts";

const base: SharedPath = {
  from: "i.d2FnbmVyLWdyb3Vw",
  to: "i.aXNpcy1r",
  maxHops: 4,
  mode: "shortest",
  k: 3,
  direction: "both",
  excludeTypes: [],
  excludeNodes: [],
};

describe("encodePathParam", () => {
  it("writes only the endpoints when every option is at its default", () => {
    expect(encodePathParam(base)).toBe("i.d2FnbmVyLWdyb3Vw..i.aXNpcy1r");
  });

  it("adds hops, direction, mode and exclusions as short parts", () => {
    const v = encodePathParam({
      ...base,
      maxHops: 6,
      direction: "out",
      mode: "kShortest",
      k: 5,
      excludeTypes: ["SUPPORTS"],
      excludeNodes: ["i.cnVzc2lh"],
    });
    expect(v).toBe("i.d2FnbmVyLWdyb3Vw..i.aXNpcy1r..h6..out..k5..no-SUPPORTS..avoid-i.cnVzc2lh");
  });

  it("leaves k out unless the mode is k shortest", () => {
    expect(encodePathParam({ ...base, mode: "allShortest", k: 7 })).toBe("i.d2FnbmVyLWdyb3Vw..i.aXNpcy1r..all");
  });
});

describe("decodePathParam", () => {
  it("reads back every search it wrote", () => {
    const cases: SharedPath[] = [
      base,
      { ...base, maxHops: 10, direction: "in", mode: "allShortest" },
      { ...base, mode: "kShortest", k: 2, excludeTypes: ["A", "B_C"], excludeNodes: ["i.eA", "i.eQ"] },
    ];
    for (const c of cases) expect(decodePathParam(encodePathParam(c))).toEqual(c);
  });

  it("keeps ids and types with dots, runs of dots and percent signs intact", () => {
    const odd = { ...base, from: "a..b.", to: ".x%2Ey%", excludeTypes: ["t..."], excludeNodes: ["..."] };
    const v = encodePathParam(odd);
    expect(v.split("..")).toHaveLength(4);
    expect(decodePathParam(v)).toEqual(odd);
  });

  it("clamps hops and k to the server's limits and ignores unknown parts", () => {
    expect(decodePathParam("a..b..h99..k0..zzz")).toMatchObject({ maxHops: 10, mode: "kShortest", k: 1 });
  });

  it("answers null for a value without two endpoints", () => {
    expect(decodePathParam(null)).toBeNull();
    expect(decodePathParam("")).toBeNull();
    expect(decodePathParam("only-one")).toBeNull();
    expect(decodePathParam("..b")).toBeNull();
  });
});
