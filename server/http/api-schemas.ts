// The zod schemas of the HTTP API: request schemas validate (and clamp) what routes receive, response schemas
// describe what they send. The OpenAPI document is generated from these, api-schemas.test.ts checks at compile
// time that they match contract/api.ts, and an integration test validates real responses against them.
import { z } from "zod";
import { PATH_DIRECTIONS, PATH_MODES } from "../services/paths.ts";
import { TIMELINE_EVENT_CAP } from "../services/timeline.ts";

export const apiRegistry = z.registry<{ id: string; description?: string }>();
const named = <T extends z.ZodType>(id: string, schema: T, description?: string): T => {
  apiRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
};

// ---------- requests ----------

/** An integer parameter: not a number is a 400, out of range is clamped (limits are hints, not contracts). */
const clampedInt = (def: number, min: number, max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .optional()
    .transform((v) => Math.min(max, Math.max(min, v ?? def)));

/** `a,b,c` or a repeated parameter; names of labels, types or ids. */
const nameList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200, "each name must be at most 200 characters")).max(100, "at most 100 names"));

/** The starting view's node cap: the explorer is meant to open graphs of 50,000 nodes (npm run bench, #1). */
export const GRAPH_MAX_NODES = 50_000;
export const GraphQuery = z.object({
  limit: clampedInt(300, 1, GRAPH_MAX_NODES),
  labels: nameList,
  types: nameList,
  sources: nameList,
  /** `columns`: the compact GraphColumns form the explorer reads; `json` (default): SubGraph. */
  format: z.enum(["json", "columns"]).default("json"),
  /** Columns form only: leave long text out (`deferred`), keep it (`inline`), or leave it out of big views (`auto`). */
  text: z.enum(["auto", "inline", "deferred"]).default("auto"),
});
export const SearchQuery = z.object({
  q: z.string({ error: "q (the search text) is required" }).trim().min(1, "q must not be empty").max(200),
  limit: clampedInt(20, 1, 100),
});
export const NodeParams = z.object({ id: z.string().min(1).max(2_000) });
export const NeighborsQuery = z.object({
  depth: clampedInt(1, 1, 3),
  limit: clampedInt(100, 1, 1_000),
  types: nameList,
  labels: nameList,
});
export const PathsQuery = z.object({
  from: z.string({ error: "from (a node id) is required" }).min(1).max(2_000),
  to: z.string({ error: "to (a node id) is required" }).min(1).max(2_000),
  maxHops: clampedInt(6, 1, 10),
  k: clampedInt(3, 1, 10),
  mode: z.enum(PATH_MODES).default("shortest"),
  direction: z.enum(PATH_DIRECTIONS).default("both"),
  types: nameList,
  excludeTypes: nameList,
  excludeNodes: nameList,
});
/** Console params deeper than this are refused: converting and packing them recurses, and 5000 levels were a 500. */
export const MAX_PARAM_DEPTH = 32;

/** Iterative, so a hostile depth cannot overflow the check itself. */
function nestedAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth >= max) return false;
    for (const x of Object.values(v as Record<string, unknown>)) stack.push([x, depth + 1]);
  }
  return true;
}

export const CypherBody = named(
  "CypherRequest",
  z.strictObject({
    query: z.string({ error: "query (a Cypher string) is required" }).min(1).max(100_000),
    params: z
      .record(z.string(), z.unknown())
      .refine((p) => nestedAtMost(p, MAX_PARAM_DEPTH), `params may be nested at most ${MAX_PARAM_DEPTH} levels deep`)
      .optional(),
    mode: z.enum(["run", "explain", "profile"]).optional(),
  }),
);

/** The timeline's event cap: the client asks for all of them (the default) and says when they were cut. */
export const TimelineQuery = z.object({ limit: clampedInt(TIMELINE_EVENT_CAP, 1, TIMELINE_EVENT_CAP) });

// ---------- responses ----------

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export const PropertyValue: z.ZodType<JsonValue> = named(
  "PropertyValue",
  z.lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(PropertyValue),
      z.record(z.string(), PropertyValue),
    ]),
  ),
  "JSON value; Neo4j integers beyond 2^53 are strings, temporals ISO strings, points {srid,x,y[,z]}.",
);
const Props = z.record(z.string(), PropertyValue);

export const ErrorBody = named(
  "ErrorBody",
  z.strictObject({
    error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
);
export const Modality = z.enum(["asserted", "claimed", "alleged", "suspected", "denied", "disputed"]);
export const Evidence = named(
  "Evidence",
  z.strictObject({
    source: z.string(),
    quote: z.string(),
    attributedTo: z.string().nullable(),
    modality: Modality,
    reportedAt: z.string().nullable(),
  }),
);
export const GraphNode = named(
  "GraphNode",
  z.strictObject({ id: z.string(), labels: z.array(z.string()), name: z.string(), properties: Props }),
);
export const GraphEdge = named(
  "GraphEdge",
  z.strictObject({
    id: z.string(),
    type: z.string(),
    source: z.string(),
    target: z.string(),
    properties: Props,
    evidence: z.array(Evidence),
  }),
);
const graphShape = { nodes: z.array(GraphNode), edges: z.array(GraphEdge) };
export const SubGraph = named("SubGraph", z.strictObject({ ...graphShape, truncated: z.boolean() }));
export const HealthResponse = named(
  "HealthResponse",
  z.strictObject({
    status: z.enum(["ok", "degraded"]),
    neo4j: z.strictObject({
      connected: z.boolean(),
      version: z.string().nullable(),
      edition: z.string().nullable(),
      database: z.string(),
      managed: z.boolean(),
      error: z.string().optional(),
    }),
    uptimeSeconds: z.number(),
  }),
);
export const SchemaResponse = named(
  "SchemaResponse",
  z.strictObject({
    labels: z.array(z.strictObject({ label: z.string(), count: z.number(), color: z.string() })),
    relationshipTypes: z.array(z.strictObject({ type: z.string(), count: z.number() })),
    propertyKeys: z.array(z.string()),
  }),
);
export const SearchResponse = named(
  "SearchResponse",
  z.strictObject({
    results: z.array(
      z.strictObject({ id: z.string(), name: z.string(), labels: z.array(z.string()), score: z.number() }),
    ),
  }),
);
export const ValueClaim = named(
  "ValueClaim",
  z.strictObject({
    id: z.string(),
    subject: z.string(),
    property: z.string(),
    value: PropertyValue,
    unit: z.string().nullable(),
    precision: z.string().nullable(),
    basis: z.string().nullable(),
    note: z.string().nullable(),
    evidence: z.array(Evidence),
  }),
);
export const NodeDetail = named(
  "NodeDetail",
  z.strictObject({
    node: GraphNode,
    degree: z.number(),
    relations: z.array(
      z.strictObject({
        type: z.string(),
        direction: z.enum(["out", "in"]),
        edges: z.array(GraphEdge),
        neighbors: z.array(GraphNode),
      }),
    ),
    claims: z.array(ValueClaim),
    truncated: z.boolean().optional(),
  }),
);
export const NeighborsResponse = named(
  "NeighborsResponse",
  z.strictObject({
    ...graphShape,
    truncated: z.boolean(),
    counts: z.strictObject({
      byLabel: z.record(z.string(), z.number()),
      byType: z.record(z.string(), z.number()),
    }),
  }),
);
export const PathsResponse = named(
  "PathsResponse",
  z.strictObject({
    paths: z.array(z.strictObject(graphShape)),
    reason: z.string().optional(),
  }),
);
export type PlanNodeShape = {
  operator: string;
  identifiers: string[];
  arguments: Record<string, JsonValue>;
  rows?: number;
  dbHits?: number;
  children: PlanNodeShape[];
};
export const PlanNode: z.ZodType<PlanNodeShape> = named(
  "PlanNode",
  z.lazy(() =>
    z.strictObject({
      operator: z.string(),
      identifiers: z.array(z.string()),
      arguments: Props,
      rows: z.number().optional(),
      dbHits: z.number().optional(),
      children: z.array(PlanNode),
    }),
  ),
);
export const CypherResponse = named(
  "CypherResponse",
  z.strictObject({
    columns: z.array(z.string()),
    rows: z.array(z.array(PropertyValue)),
    graph: z.strictObject(graphShape),
    summary: z.strictObject({
      queryType: z.string(),
      resultAvailableAfterMs: z.number().nullable(),
      resultConsumedAfterMs: z.number().nullable(),
      counters: z.record(z.string(), z.number()),
      notifications: z.array(
        z.strictObject({ code: z.string(), title: z.string(), description: z.string(), severity: z.string() }),
      ),
      truncated: z.boolean(),
      truncatedBy: z.enum(["rows", "bytes"]).optional(),
      caps: z.strictObject({ rows: z.number(), bytes: z.number() }),
      plan: PlanNode.optional(),
    }),
  }),
);
export const SourceSummary = named(
  "SourceSummary",
  z.strictObject({
    id: z.string(),
    title: z.string(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string().nullable(),
    publishedPrecision: z.string().nullable(),
    factCount: z.number(),
  }),
);
export const SourcesResponse = named("SourcesResponse", z.strictObject({ sources: z.array(SourceSummary) }));
export const SourceDetail = named(
  "SourceDetail",
  z.strictObject({
    source: SourceSummary,
    mentions: z.array(GraphNode),
    edges: z.array(GraphEdge),
    claims: z.array(ValueClaim),
  }),
);
export const DisagreementsResponse = named(
  "DisagreementsResponse",
  z.strictObject({
    disagreements: z.array(
      z.strictObject({
        id: z.string(),
        kind: z.enum(["value", "relation"]),
        subject: GraphNode,
        property: z.string(),
        versions: z.array(
          z.strictObject({
            value: PropertyValue,
            claimId: z.string().optional(),
            edgeId: z.string().optional(),
            entity: GraphNode.optional(),
            evidence: z.array(Evidence),
          }),
        ),
      }),
    ),
  }),
);
export const TimelineResponse = named(
  "TimelineResponse",
  z.strictObject({
    events: z.array(z.strictObject({ event: GraphNode, dates: z.array(ValueClaim), reports: z.array(SourceSummary) })),
    truncated: z.boolean(),
  }),
);
export const QueriesResponse = named(
  "QueriesResponse",
  z.strictObject({
    queries: z.array(
      z.strictObject({ name: z.string(), title: z.string(), description: z.string(), query: z.string() }),
    ),
  }),
);
