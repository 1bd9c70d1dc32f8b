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
