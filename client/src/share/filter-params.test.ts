import { describe, expect, it } from "vitest";
import { EMPTY_FILTERS } from "../state/filters.ts";
import { filtersFromParams, filtersToParams, selectionFromParam, selectionToParam } from "./filter-params.ts";

const read = (p: Record<string, string | null>) => (k: string) => p[k] ?? null;

describe("filter params", () => {
  it("write nothing for the default filters", () => {
    expect(Object.values(filtersToParams(EMPTY_FILTERS)).every((v) => v === null)).toBe(true);
  });

  it("round-trip every filter, including an empty source list", () => {
    const f = {
      hiddenNodeTypes: new Set(["Place", "Person"]),
      hiddenEdgeTypes: new Set(["LOCATED_IN"]),
      hiddenModalities: new Set(["denied" as const]),
      onlySources: new Set<string>(),
      showSourceNodes: true,
    };
    expect(filtersFromParams(read(filtersToParams(f)))).toEqual(f);
  });

  it("keep a comma inside a value", () => {
    const f = { ...EMPTY_FILTERS, hiddenNodeTypes: new Set(["A,B"]) };
    expect(filtersFromParams(read(filtersToParams(f))).hiddenNodeTypes).toEqual(new Set(["A,B"]));
  });

  it("ignore unknown modalities", () => {
    expect(filtersFromParams(read({ hideModalities: "denied,bogus" })).hiddenModalities).toEqual(new Set(["denied"]));
  });
});

describe("selection param", () => {
  it("round-trips nodes and edges and rejects anything else", () => {
    expect(selectionFromParam(selectionToParam({ kind: "node", id: "isis-k" }))).toEqual({
      kind: "node",
      id: "isis-k",
    });
    expect(selectionFromParam("edge:a:b")).toEqual({ kind: "edge", id: "a:b" });
    expect(selectionFromParam("junk")).toBeNull();
  });
});
