// Compile-time proof that the zod response schemas and contract/api.ts describe the same shapes (tsc checks the
// expectTypeOf calls), plus a runtime check that request schemas clamp rather than trust.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type * as C from "../../contract/api.ts";
import * as S from "./api-schemas.ts";

describe("the zod schemas and contract/api.ts", () => {
  it("agree on every response type", () => {
    expectTypeOf<z.output<typeof S.GraphNode>>().toEqualTypeOf<C.GraphNode>();
    expectTypeOf<z.output<typeof S.GraphEdge>>().toEqualTypeOf<C.GraphEdge>();
    expectTypeOf<z.output<typeof S.SubGraph>>().toEqualTypeOf<C.SubGraph>();
    expectTypeOf<z.output<typeof S.SchemaResponse>>().toEqualTypeOf<C.SchemaResponse>();
    expectTypeOf<z.output<typeof S.SearchResponse>>().toEqualTypeOf<C.SearchResponse>();
    expectTypeOf<z.output<typeof S.NodeDetail>>().toEqualTypeOf<C.NodeDetail>();
    expectTypeOf<z.output<typeof S.NeighborsResponse>>().toEqualTypeOf<C.NeighborsResponse>();
    expectTypeOf<z.output<typeof S.PathsResponse>>().toEqualTypeOf<C.PathsResponse>();
    expectTypeOf<z.output<typeof S.CypherResponse>>().toEqualTypeOf<C.CypherResponse>();
    expectTypeOf<z.output<typeof S.SourcesResponse>>().toEqualTypeOf<C.SourcesResponse>();
    expectTypeOf<z.output<typeof S.SourceDetail>>().toEqualTypeOf<C.SourceDetail>();
    expectTypeOf<z.output<typeof S.DisagreementsResponse>>().toEqualTypeOf<C.DisagreementsResponse>();
    expectTypeOf<z.output<typeof S.TimelineResponse>>().toEqualTypeOf<C.TimelineResponse>();
    expectTypeOf<z.output<typeof S.QueriesResponse>>().toEqualTypeOf<C.QueriesResponse>();
    expectTypeOf<z.output<typeof S.HealthResponse>>().toEqualTypeOf<C.HealthResponse>();
    expectTypeOf<z.input<typeof S.CypherBody>>().toEqualTypeOf<C.CypherRequest>();
  });

  it("clamps limits, depth and hops instead of trusting them", () => {
    expect(S.NeighborsQuery.parse({ depth: "99", limit: "0" })).toMatchObject({ depth: 3, limit: 1 });
    expect(S.PathsQuery.parse({ from: "a", to: "b", maxHops: "1000", k: "-4" })).toMatchObject({ maxHops: 10, k: 1 });
    expect(S.GraphQuery.parse({ labels: "A,B", types: ["X", "Y,Z"] })).toMatchObject({
      labels: ["A", "B"],
      types: ["X", "Y", "Z"],
    });
    expect(S.GraphQuery.safeParse({ limit: "ten" }).success).toBe(false);
  });
});
