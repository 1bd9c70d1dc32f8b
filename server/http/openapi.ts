// The OpenAPI 3.1 document of /api, generated from the zod schemas in api-schemas.ts (z.toJSONSchema), so the
// document, the validation and contract/api.ts cannot drift apart. ENDPOINTS is the one table of what exists;
// a test checks every route the app serves appears here.
import { z } from "zod";
import * as S from "./api-schemas.ts";
import * as G from "./api-schemas-graph-columns.ts";

interface Endpoint {
  method: "get" | "post";
  /** OpenAPI form: /nodes/{id} */
  path: string;
  summary: string;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  errors: number[];
}

const DB_ERRORS = [503];
export const ENDPOINTS: Endpoint[] = [
  { method: "get", path: "/health", summary: "Server and Neo4j status", response: S.HealthResponse, errors: [] },
  {
    method: "get",
    path: "/schema",
    summary: "Labels, relationship types, property keys",
    response: S.SchemaResponse,
    errors: DB_ERRORS,
  },
  {
    method: "get",
    path: "/graph",
    summary: "The starting view (format=columns: compact, long text of big views deferred to POST /details)",
    query: S.GraphQuery,
    response: G.GraphResponse,
    errors: [400, ...DB_ERRORS],
  },
  {
    method: "get",
    path: "/search",
    summary: "Full-text search for nodes",
    query: S.SearchQuery,
    response: S.SearchResponse,
    errors: [400, ...DB_ERRORS],
  },
  {
    method: "get",
    path: "/nodes/{id}",
    summary: "A node with its relations and claims",
    pathParams: S.NodeParams,
    response: S.NodeDetail,
    errors: [404, ...DB_ERRORS],
  },
  {
    method: "post",
    path: "/details",
    summary: "Whole nodes and edges whose long text a view deferred",
    body: G.DetailsBody,
    response: G.DetailsResponse,
    errors: [400, 413, 415, ...DB_ERRORS],
  },
  {
    method: "get",
    path: "/nodes/{id}/neighbors",
    summary: "Expand a node",
    pathParams: S.NodeParams,
    query: S.NeighborsQuery,
    response: S.NeighborsResponse,
    errors: [400, 404, ...DB_ERRORS],
  },
  {
    method: "get",
    path: "/paths",
    summary: "Paths between two nodes",
    query: S.PathsQuery,
    response: S.PathsResponse,
    errors: [400, 404, ...DB_ERRORS],
  },
  {
    method: "post",
    path: "/cypher",
    summary: "Read-only Cypher console",
    body: S.CypherBody,
    response: S.CypherResponse,
    errors: [400, 403, 413, 415, 422, 429, 504, ...DB_ERRORS],
  },
  { method: "get", path: "/sources", summary: "The articles", response: S.SourcesResponse, errors: DB_ERRORS },
  {
    method: "get",
    path: "/sources/{id}",
    summary: "An article and what it supports",
    pathParams: S.NodeParams,
    response: S.SourceDetail,
    errors: [404, ...DB_ERRORS],
  },
  {
    method: "get",
    path: "/disagreements",
    summary: "Where sources differ",
    response: S.DisagreementsResponse,
    errors: DB_ERRORS,
  },
  {
    method: "get",
    path: "/timeline",
    summary: "Events with their dates and reports",
    query: S.TimelineQuery,
    response: S.TimelineResponse,
    errors: [400, ...DB_ERRORS],
  },
  { method: "get", path: "/queries", summary: "The saved query library", response: S.QueriesResponse, errors: [] },
  {
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    response: z.record(z.string(), z.unknown()),
    errors: [],
  },
];

const REF = (id: string) => `#/components/schemas/${id}`;

/** A schema as JSON Schema: registered schemas become $refs into components. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const id = S.apiRegistry.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  const js = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete js.$schema;
  return js;
}

function parameters(schema: z.ZodObject | undefined, where: "query" | "path") {
  if (!schema) return [];
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(): Record<string, unknown> {
  const components = z.toJSONSchema(S.apiRegistry, { uri: REF, io: "output", unrepresentable: "any" }).schemas;
  for (const s of Object.values(components)) {
    delete (s as Record<string, unknown>).$schema;
    delete (s as Record<string, unknown>).$id;
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const responses: Record<string, unknown> = {
      "200": { description: "OK", content: { "application/json": { schema: jsonSchema(e.response, "output") } } },
    };
    for (const status of e.errors) {
      responses[String(status)] = {
        description: "Error",
        content: { "application/json": { schema: { $ref: REF("ErrorBody") } } },
      };
    }
    paths[e.path] = {
      ...paths[e.path],
      [e.method]: {
        summary: e.summary,
        parameters: [...parameters(e.pathParams, "path"), ...parameters(e.query, "query")],
        ...(e.body
          ? {
              requestBody: { required: true, content: { "application/json": { schema: jsonSchema(e.body, "input") } } },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "kg-explorer API", version: "1" },
    servers: [{ url: "/api" }],
    paths,
    components: { schemas: components },
  };
}
