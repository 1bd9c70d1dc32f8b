// The request/response types of the HTTP API, shared by server and client (types only, `import type`).
// Both sides compile against this file; the OpenAPI document is generated from the zod schemas that mirror it
// and a test checks the two agree, so the contract is never maintained twice by hand.

/** Every error answer: `{error: {code, message, details?}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type Modality = "asserted" | "claimed" | "alleged" | "suspected" | "denied" | "disputed";

/** A partial date as the text gives it: `2015-01` with precision `month`, never an invented day. */
export interface PartialDate {
  value: string;
  precision: "day" | "month" | "year";
  basis?: "stated" | "inferred" | "relative";
}

/** A JSON-safe property value: Neo4j integers beyond 2^53 arrive as strings, temporals as ISO strings. */
export type PropertyValue = string | number | boolean | null | PropertyValue[] | { [k: string]: PropertyValue };

export interface Evidence {
  /** Source node id (a `Source` in the graph), or "" on foreign data. */
  source: string;
  quote: string;
  /** Entity id of who asserts it, or null when the source itself does. */
  attributedTo: string | null;
  modality: Modality;
  /** ISO date (possibly partial) the source reported it, or null. */
  reportedAt: string | null;
}

export interface GraphNode {
  /** Opaque, URL-safe: the `id` property when present, else an encoded elementId. */
  id: string;
  labels: string[];
  /** Display name: `name`, `title`, ... falling back to the first label and id. */
  name: string;
  properties: Record<string, PropertyValue>;
}

/** The one edge shape used everywhere. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, PropertyValue>;
  evidence: Evidence[];
}

export interface SubGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface HealthResponse {
  status: "ok" | "degraded";
  neo4j: {
    connected: boolean;
    version: string | null;
    edition: string | null;
    database: string;
    managed: boolean;
    error?: string;
  };
  uptimeSeconds: number;
}

export interface SchemaResponse {
  labels: { label: string; count: number; color: string }[];
  relationshipTypes: { type: string; count: number }[];
  propertyKeys: string[];
}

export interface SearchResult {
  id: string;
  name: string;
  labels: string[];
  score: number;
}
export interface SearchResponse {
  results: SearchResult[];
}

export interface NodeDetail {
  node: GraphNode;
  degree: number;
  relations: { type: string; direction: "out" | "in"; edges: GraphEdge[]; neighbors: GraphNode[] }[];
  /** Value claims about this node (`:Claim` in the seed model), each with its evidence. */
  claims: ValueClaim[];
  /** true when the node has more relationships than listed (use the neighbors endpoint to page through a hub). */
  truncated?: boolean;
}

export interface NeighborsResponse extends SubGraph {
  counts: { byLabel: Record<string, number>; byType: Record<string, number> };
}

export interface PathsResponse {
  paths: { nodes: GraphNode[]; edges: GraphEdge[] }[];
  /** Set when no path was found: why, in words. */
  reason?: string;
}

export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
  mode?: "run" | "explain" | "profile";
}

export interface PlanNode {
  operator: string;
  identifiers: string[];
  arguments: Record<string, PropertyValue>;
  rows?: number;
  dbHits?: number;
  children: PlanNode[];
}

/**
 * A console cell: plain values as PropertyValue; graph values tagged so they cannot be mistaken for maps:
 * `{$node: GraphNode}`, `{$edge: GraphEdge}`, `{$path: {nodes: GraphNode[], edges: GraphEdge[]}}`, each also
 * collected (once) into `graph`.
 */
export type CypherCell =
  PropertyValue | { $node: GraphNode } | { $edge: GraphEdge } | { $path: { nodes: GraphNode[]; edges: GraphEdge[] } };

export interface CypherResponse {
  columns: string[];
  /** One array per record, aligned with `columns`; cells are CypherCell values. */
  rows: PropertyValue[][];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  summary: {
    queryType: string;
    resultAvailableAfterMs: number | null;
    resultConsumedAfterMs: number | null;
    counters: Record<string, number>;
    notifications: { code: string; title: string; description: string; severity: string }[];
    truncated: boolean;
    truncatedBy?: "rows" | "bytes";
    caps: { rows: number; bytes: number };
    plan?: PlanNode;
  };
}

export interface SourceSummary {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  published: string | null;
  publishedPrecision: string | null;
  factCount: number;
}
export interface SourcesResponse {
  sources: SourceSummary[];
}
export interface SourceDetail {
  source: SourceSummary;
  mentions: GraphNode[];
  edges: GraphEdge[];
  claims: ValueClaim[];
}

export interface ValueClaim {
  id: string;
  subject: string;
  property: string;
  value: PropertyValue;
  unit: string | null;
  precision: string | null;
  basis: string | null;
  note: string | null;
  evidence: Evidence[];
}

/** One source's version. `entity` is set when the value is an entity's id (claimedBy: isis-k). */
export interface DisagreementVersion {
  value: PropertyValue;
  claimId?: string;
  edgeId?: string;
  entity?: GraphNode;
  evidence: Evidence[];
}
export interface Disagreement {
  /** `value:<subject>:<property>` for differing values, `relation:<edgeId>` for conflicting modalities. */
  id: string;
  kind: "value" | "relation";
  subject: GraphNode;
  property: string;
  versions: DisagreementVersion[];
}
export interface DisagreementsResponse {
  disagreements: Disagreement[];
}

/** An Event on the timeline: when it happened by each source (date claims) and which dated sources report it. */
export interface TimelineEvent {
  event: GraphNode;
  /** Its date claims (day, month or year precision); several values when the sources disagree. */
  dates: ValueClaim[];
  /** Sources with a publication date that mention it. */
  reports: SourceSummary[];
}
export interface TimelineResponse {
  events: TimelineEvent[];
  /** true when there were more events than the limit. */
  truncated: boolean;
}

export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  query: string;
}
export interface QueriesResponse {
  queries: SavedQuery[];
}

// ---------- the view graph, column by column (GET /api/graph?format=columns) ----------
// The explorer opens views of up to 50,000 nodes / 200,000 edges: as SubGraph that is ~50 MB of JSON repeating the
// same keys, labels, types and sources on every element. The columns form sends each field once per column,
// repeated values as dictionary codes and endpoints as node indexes, and in big views leaves long text (evidence
// quotes, long string properties) to be fetched on demand (POST /api/details). Decoding yields SubGraph again.

/**
 * Opaque ids `<kind>.<base64url(raw)>` ("i" = the `id` property, "e" = the elementId), column-wise: either all
 * of one kind with a shared text prefix and a canonical integer suffix (`bn-7` → prefix `bn-`, 7), sent as
 * deltas from the previous element's integer, or the opaque ids as they are.
 */
export type IdColumn = { kind: "i" | "e"; prefix: string; deltas: number[] } | { opaque: string[] };

/**
 * One property key over the nodes (or edges), for the elements `has` marks ("1" at the element's position; absent
 * when every element has it). A key may appear in several columns, each holding the elements it fits:
 * `plain` values in element order; `dict` codes into the distinct values; `name` = the element's display name;
 * `id` = the raw value its id was made from; `deferred` = long text left out (fetch the element's details).
 */
export type PropertyColumn = { key: string; has?: string } & (
  | { enc: "plain"; values: PropertyValue[] }
  | { enc: "dict"; dict: PropertyValue[]; codes: number[] }
  | { enc: "name" }
  | { enc: "id" }
  | { enc: "deferred" }
);

/** Repeated strings: each distinct value once, elements as indexes into `dict` (-1 = null). */
export interface DictColumn<T = string> {
  dict: T[];
  codes: number[];
}

export interface NodeColumns {
  ids: IdColumn;
  labelSets: DictColumn<string[]>;
  names: string[];
  properties: PropertyColumn[];
}

export interface EdgeColumns {
  ids: IdColumn;
  types: DictColumn;
  /** Edges come ordered by source node: each its source's node index minus the previous edge's (the first: itself). */
  sourceDeltas: number[];
  /** Node indexes. */
  targets: number[];
  properties: PropertyColumn[];
  /** Evidence of all edges in edge order; `counts[i]` items belong to edge i. */
  evidence: {
    counts: number[];
    sources: DictColumn;
    modalities: DictColumn<Modality>;
    /** A node index (≥ 0) when the entity is in view, -1 for null, else `-2 - k` for `attributedToIds[k]`. */
    attributedTo: number[];
    attributedToIds: string[];
    reportedAt: DictColumn;
    /** Absent when quotes are deferred: fetch the edge's details to read them. */
    quotes?: string[];
  };
}

export interface GraphColumns {
  format: "columns";
  truncated: boolean;
  /** true when long text was left out of this answer (big views, or `text=deferred`). */
  deferred: boolean;
  nodes: NodeColumns;
  edges: EdgeColumns;
}

/** Set by the client's decoder on nodes and edges of a deferred view whose long text was left out. */
export interface DeferredMark {
  detailsDeferred?: true;
}

/** POST /api/details: the full elements (all properties, evidence with quotes) of a view's nodes and edges. */
export interface DetailsRequest {
  nodes?: string[];
  /** Each edge with its source node's id: relationships are found from their start node (no scan of them all). */
  edges?: { id: string; source: string }[];
}
export interface DetailsResponse {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
