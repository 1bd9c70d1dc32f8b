// The zod schemas of the view graph's columns form (GET /api/graph?format=columns) and of POST /api/details, which
// hands out what a deferred view left out. Kept apart from api-schemas.ts, whose shared parts they reuse.
import { z } from "zod";
import { apiRegistry, GraphEdge, GraphNode, Modality, PropertyValue, SubGraph } from "./api-schemas.ts";

const named = <T extends z.ZodType>(id: string, schema: T, description: string): T => {
  apiRegistry.add(schema, { id, description });
  return schema;
};

const int = z.number().int();
const IdColumn = z.union([
  z.strictObject({ kind: z.enum(["i", "e"]), prefix: z.string(), deltas: z.array(int) }),
  z.strictObject({ opaque: z.array(z.string()) }),
]);
const dict = <T extends z.ZodType>(value: T) => z.strictObject({ dict: z.array(value), codes: z.array(int) });
const column = {
  key: z.string(),
  has: z
    .string()
    .regex(/^[01]*$/)
    .optional(),
};
const PropertyColumn = z.discriminatedUnion("enc", [
  z.strictObject({ ...column, enc: z.literal("plain"), values: z.array(PropertyValue) }),
  z.strictObject({ ...column, enc: z.literal("dict"), dict: z.array(PropertyValue), codes: z.array(int) }),
  z.strictObject({ ...column, enc: z.literal("name") }),
  z.strictObject({ ...column, enc: z.literal("id") }),
  z.strictObject({ ...column, enc: z.literal("deferred") }),
]);

export const GraphColumns = named(
  "GraphColumns",
  z.strictObject({
    format: z.literal("columns"),
    truncated: z.boolean(),
    deferred: z.boolean(),
    nodes: z.strictObject({
      ids: IdColumn,
      labelSets: dict(z.array(z.string())),
      names: z.array(z.string()),
      properties: z.array(PropertyColumn),
    }),
    edges: z.strictObject({
      ids: IdColumn,
      types: dict(z.string()),
      sourceDeltas: z.array(int),
      targets: z.array(int),
      properties: z.array(PropertyColumn),
      evidence: z.strictObject({
        counts: z.array(int),
        sources: dict(z.string()),
        modalities: dict(Modality),
        attributedTo: z.array(int),
        attributedToIds: z.array(z.string()),
        reportedAt: dict(z.string()),
        quotes: z.array(z.string()).optional(),
      }),
    }),
  }),
  "The view graph column by column (format=columns): ids as prefix + integer deltas (or opaque), repeated values " +
    "as dictionary codes, edge endpoints as node indexes (edges ordered by source, sent as deltas). In a deferred " +
    "view (more than 2,000 edges, or text=deferred) evidence quotes and string properties over 40 characters are " +
    "left out: POST /api/details returns them. Decodes to the same graph as SubGraph.",
);

export const GraphResponse = named(
  "GraphResponse",
  z.union([SubGraph, GraphColumns]),
  "SubGraph (format=json, the default) or GraphColumns (format=columns).",
);

/** Elements per details request: a view's export asks in batches of this many (the body stays far below 256 kB). */
export const DETAILS_MAX_IDS = 500;
const opaqueId = z.string().min(1).max(400);
export const DetailsBody = named(
  "DetailsRequest",
  z.strictObject({
    nodes: z.array(opaqueId).max(DETAILS_MAX_IDS, `at most ${DETAILS_MAX_IDS} nodes`).optional(),
    edges: z
      .array(z.strictObject({ id: opaqueId, source: opaqueId }))
      .max(DETAILS_MAX_IDS, `at most ${DETAILS_MAX_IDS} edges`)
      .optional(),
  }),
  "Nodes and edges of a view whose text was deferred; each edge with its source node's id, from which it is found.",
);
export const DetailsResponse = named(
  "DetailsResponse",
  z.strictObject({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) }),
  "The elements asked for that exist, whole (every property, evidence with quotes); unknown ids are left out.",
);
