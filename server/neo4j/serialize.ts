// The one place Neo4j values become JSON: Integers (numbers when safe, strings beyond 2^53), temporals (ISO
// strings), points ({srid,x,y[,z]}), nodes, relationships and paths (the contract's GraphNode/GraphEdge shapes).
// Every service maps records through here, so a value looks the same whichever endpoint returns it.
import neo4j, { type Node, type Path, type Relationship } from "neo4j-driver";
import type { Evidence, GraphEdge, GraphNode, Modality, PropertyValue } from "../../contract/api.ts";
import { idFromElementId, idFromProperty } from "./ids.ts";

const MODALITIES: readonly Modality[] = ["asserted", "claimed", "alleged", "suspected", "denied", "disputed"];

/** The aligned lists the seed loader writes; they become `evidence`, never repeated inside `properties`. */
export const EVIDENCE_KEYS = [
  "evidenceSources",
  "evidenceQuotes",
  "evidenceAttributedTo",
  "evidenceModalities",
  "evidenceReportedAt",
] as const;

/** Properties tried, in order, for a node's display name on any database. */
export const NAME_KEYS = ["name", "title", "label", "caption", "displayName", "fullName", "username", "email"] as const;

export function toJsonValue(v: unknown): PropertyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (neo4j.isInt(v)) return neo4j.integer.inSafeRange(v) ? v.toNumber() : v.toString();
  if (neo4j.isPoint(v)) {
    const p: Record<string, PropertyValue> = { srid: toJsonValue(v.srid), x: v.x, y: v.y };
    if (v.z !== undefined) p.z = v.z;
    return p;
  }
  if (
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isDuration(v)
  ) {
    return v.toString();
  }
  if (Array.isArray(v)) return v.map(toJsonValue);
  if (v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  if (typeof v === "object") {
    const out: Record<string, PropertyValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toJsonValue(x);
    return out;
  }
  return String(v);
}

/**
 * A cheap upper-bound-ish estimate of a raw driver value's JSON size that stops walking once it passes `limit`.
 * The console checks it before converting a record, so one record holding millions of values (RETURN range(1, 5e6))
 * is cut after a few megabytes of walking instead of being converted and stringified whole on the event loop.
 */
export function estimateJsonBytes(v: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0 && total <= limit) {
    const x = stack.pop();
    if (x === null || x === undefined || typeof x === "boolean" || typeof x === "number") total += 8;
    else if (typeof x === "string") total += x.length + 3;
    else if (neo4j.isInt(x)) total += 8;
    else if (Array.isArray(x)) {
      total += 2 + x.length;
      // Each element adds at least a byte, so walking more than the remaining budget's worth cannot change the answer.
      const walk = Math.min(x.length, Math.max(0, limit - total) + 1);
      for (let i = walk - 1; i >= 0; i--) stack.push(x[i]);
    } else if (x instanceof Uint8Array) total += Math.ceil(x.length * 1.34);
    else if (typeof x === "object") {
      const o = x as { properties?: unknown };
      if (neo4j.isNode(x) || neo4j.isRelationship(x)) {
        total += 64;
        stack.push(o.properties);
      } else if (neo4j.isPath(x)) {
        total += 64;
        stack.push((x as { segments: unknown[] }).segments);
      } else
        for (const [k, y] of Object.entries(x as Record<string, unknown>)) {
          total += k.length + 4;
          stack.push(y);
        }
    } else total += 16;
  }
  return total;
}

function stableId(props: Record<string, unknown>, elementId: string): string {
  const id = props.id;
  return typeof id === "string" && id.length > 0 ? idFromProperty(id) : idFromElementId(elementId);
}

export function displayName(labels: string[], props: Record<string, unknown>): string {
  for (const k of NAME_KEYS) {
    const v = props[k];
    if (typeof v === "string" && v.trim()) return v;
    if (typeof v === "number" || neo4j.isInt(v)) return String(v);
  }
  const id = props.id;
  const suffix = id === undefined || id === null ? "" : ` ${String(toJsonValue(id))}`;
  return `${labels[0] ?? "node"}${suffix}`;
}

function jsonProps(props: Record<string, unknown>, skip: readonly string[] = []): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const k of Object.keys(props)) if (!skip.includes(k)) out[k] = toJsonValue(props[k]);
  return out;
}

export function toGraphNode(n: Node): GraphNode {
  return {
    id: stableId(n.properties, n.elementId),
    labels: [...n.labels],
    name: displayName(n.labels, n.properties),
    properties: jsonProps(n.properties),
  };
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string => (v === null || v === undefined ? "" : String(toJsonValue(v)));

/** Evidence from the aligned lists (empty on databases that have none). Ids become opaque like every other id. */
export function evidenceOf(props: Record<string, unknown>, idOf: (raw: string) => string = idFromProperty): Evidence[] {
  const sources = asList(props.evidenceSources);
  const quotes = asList(props.evidenceQuotes);
  const by = asList(props.evidenceAttributedTo);
  const modalities = asList(props.evidenceModalities);
  const reported = asList(props.evidenceReportedAt);
  return sources.map((s, i) => {
    const modality = text(modalities[i]) as Modality;
    const attributedTo = text(by[i]);
    const reportedAt = text(reported[i]);
    const source = text(s);
    return {
      source: source ? idOf(source) : "",
      quote: text(quotes[i]),
      attributedTo: attributedTo ? idOf(attributedTo) : null,
      modality: MODALITIES.includes(modality) ? modality : "asserted",
      reportedAt: reportedAt || null,
    };
  });
}

/**
 * Collects the nodes and relationships of a result into one de-duplicated graph. A relationship knows only its
 * endpoints' elementIds, so an endpoint not (yet) seen gets a provisional id that `resolve` patches in place.
 */
interface CollectedEdge {
  edge: GraphEdge;
  /** The endpoints' elementIds, for resolve(). */
  start: string;
  end: string;
}

export class GraphCollector {
  private readonly nodesByEid = new Map<string, GraphNode>();
  private edgesByEid = new Map<string, CollectedEdge>();
  /** Evidence names a few sources and actors many times over: each one's id is made once. */
  private readonly evidenceIds = new Map<string, string>();
  private readonly evidenceId = (raw: string): string => {
    let id = this.evidenceIds.get(raw);
    if (id === undefined) this.evidenceIds.set(raw, (id = idFromProperty(raw)));
    return id;
  };

  addNode(n: Node): GraphNode {
    let g = this.nodesByEid.get(n.elementId);
    if (!g) {
      g = toGraphNode(n);
      this.nodesByEid.set(n.elementId, g);
    }
    return g;
  }

  addRelationship(r: Relationship): GraphEdge {
    const known = this.edgesByEid.get(r.elementId);
    if (known) return known.edge;
    const edge: GraphEdge = {
      id: stableId(r.properties, r.elementId),
      type: r.type,
      source: this.endpointId(r.startNodeElementId),
      target: this.endpointId(r.endNodeElementId),
      properties: jsonProps(r.properties, EVIDENCE_KEYS),
      evidence: evidenceOf(r.properties, this.evidenceId),
    };
    this.edgesByEid.set(r.elementId, { edge, start: r.startNodeElementId, end: r.endNodeElementId });
    return edge;
  }

  addPath(p: Path): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const nodes = [this.addNode(p.start)];
    const edges: GraphEdge[] = [];
    for (const seg of p.segments) {
      this.addNode(seg.end);
      edges.push(this.addRelationship(seg.relationship));
      nodes.push(this.addNode(seg.end));
    }
    return { nodes, edges };
  }

  /** Any Cypher value: graph values are collected and tagged (`$node`, `$edge`, `$path`), the rest is plain JSON. */
  addValue(v: unknown): PropertyValue {
    if (neo4j.isNode(v)) return { $node: this.addNode(v) as unknown as PropertyValue };
    if (neo4j.isRelationship(v)) return { $edge: this.addRelationship(v) as unknown as PropertyValue };
    if (neo4j.isPath(v)) return { $path: this.addPath(v) as unknown as PropertyValue };
    if (Array.isArray(v)) return v.map((x) => this.addValue(x));
    if (v && typeof v === "object" && (v as object).constructor === Object) {
      const out: Record<string, PropertyValue> = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.addValue(x);
      return out;
    }
    return toJsonValue(v);
  }

  /** Keeps only these relationships, in this order (their elementIds; unknown ones are skipped): a capped view. */
  retainEdges(elementIds: readonly string[]): void {
    const kept = new Map<string, CollectedEdge>();
    for (const id of elementIds) {
      const e = this.edgesByEid.get(id);
      if (e) kept.set(id, e);
    }
    this.edgesByEid = kept;
  }

  hasNode(elementId: string): boolean {
    return this.nodesByEid.has(elementId);
  }

  /** elementIds of relationship endpoints whose nodes the result did not contain. */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const { start, end } of this.edgesByEid.values()) {
      if (!this.nodesByEid.has(start)) missing.add(start);
      if (!this.nodesByEid.has(end)) missing.add(end);
    }
    return [...missing];
  }

  /** Adds fetched endpoint nodes and rewrites provisional edge endpoints to the nodes' real ids. */
  resolve(endpoints: Node[]): void {
    for (const n of endpoints) this.addNode(n);
    for (const { edge, start, end } of this.edgesByEid.values()) {
      edge.source = this.endpointId(start);
      edge.target = this.endpointId(end);
    }
  }

  nodeIdOf(elementId: string): string {
    return this.endpointId(elementId);
  }

  get nodeCount(): number {
    return this.nodesByEid.size;
  }

  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    return { nodes: [...this.nodesByEid.values()], edges: [...this.edgesByEid.values()].map((e) => e.edge) };
  }

  private endpointId(elementId: string): string {
    return this.nodesByEid.get(elementId)?.id ?? idFromElementId(elementId);
  }
}
