// The view graph column by column (GET /api/graph?format=columns, the shapes in contract/api.ts): a 50,000-node
// SubGraph is ~50 MB of JSON that repeats every key, label set, type and source on each element; as columns each
// field is sent once, repeats become dictionary codes, endpoints node indexes, and in big views long text is left
// for POST /api/details. The client's decoder (client/src/api/decode-graph-columns.ts) rebuilds the SubGraph.
import type {
  DictColumn,
  EdgeColumns,
  GraphColumns,
  GraphEdge,
  GraphNode,
  IdColumn,
  PropertyColumn,
  PropertyValue,
  SubGraph,
} from "../../contract/api.ts";

/** Views with more edges than this leave long text out unless asked: the seed graph (340 edges) never does. */
export const DEFER_TEXT_ABOVE_EDGES = 2_000;
/** Longer strings are deferred in a deferred view: names, types, dates and codes fit; sentences do not. */
export const LONG_TEXT_CHARS = 40;

export type TextMode = "auto" | "inline" | "deferred";

export function defersText(mode: TextMode, edges: number): boolean {
  return mode === "deferred" || (mode === "auto" && edges > DEFER_TEXT_ABOVE_EDGES);
}

interface RawId {
  kind: "i" | "e";
  raw: string;
}

/** The opaque id's two parts (see ids.ts): anything else is kept opaque. */
function rawId(opaque: string): RawId | null {
  const m = /^([ie])\.([A-Za-z0-9_-]+)$/.exec(opaque);
  if (!m) return null;
  const raw = Buffer.from(m[2], "base64url").toString("utf8");
  return Buffer.from(raw, "utf8").toString("base64url") === m[2] ? { kind: m[1] as "i" | "e", raw } : null;
}

const INT_SUFFIX = /^(.*?)(0|[1-9]\d{0,14})$/;

interface CompactIds {
  kind: "i" | "e";
  prefix: string;
  nums: number[];
}

/** Ids as prefix + integer when every one is of one kind, shares the prefix and ends in a canonical integer. */
function compactIds(ids: readonly (RawId | null)[]): CompactIds | null {
  if (ids.length === 0) return null;
  const nums = new Array<number>(ids.length);
  let kind: "i" | "e" | null = null;
  let prefix: string | null = null;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const m = id && INT_SUFFIX.exec(id.raw);
    if (!id || !m || (kind !== null && id.kind !== kind) || (prefix !== null && m[1] !== prefix)) return null;
    kind = id.kind;
    prefix = m[1];
    nums[i] = Number(m[2]);
  }
  return { kind: kind!, prefix: prefix!, nums };
}

/** The id column of elements taken in `order`: integers as deltas from the previous element's, or opaque ids. */
function idColumn(opaque: readonly string[], compact: CompactIds | null, order: readonly number[]): IdColumn {
  if (!compact) return { opaque: order.map((i) => opaque[i]) };
  const { kind, prefix, nums } = compact;
  return { kind, prefix, deltas: order.map((i, k) => nums[i] - (k ? nums[order[k - 1]] : 0)) };
}

const deltas = (xs: readonly number[]) => xs.map((x, i) => x - (i ? xs[i - 1] : 0));

function dictColumn<T>(values: readonly (T | null)[], keyOf: (v: T) => unknown = (v) => v): DictColumn<T> {
  const dict: T[] = [];
  const index = new Map<unknown, number>();
  const codes = values.map((v) => {
    if (v === null || v === undefined) return -1;
    const k = keyOf(v);
    let c = index.get(k);
    if (c === undefined) {
      c = dict.length;
      index.set(k, c);
      dict.push(v);
    }
    return c;
  });
  return { dict, codes };
}

/** Distinct scalars and codes in one pass (a Map keeps 1 and "1" apart); null when a value is a list or map. */
function scalarDict(values: readonly PropertyValue[]): DictColumn<PropertyValue> | null {
  const index = new Map<PropertyValue, number>();
  const dict: PropertyValue[] = [];
  const codes = new Array<number>(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return null;
    let c = index.get(v);
    if (c === undefined) {
      c = dict.length;
      index.set(v, c);
      dict.push(v);
    }
    codes[k] = c;
  }
  return { dict, codes };
}

/**
 * Each key's values split by how they are cheapest to send: equal to the element's name or raw id (nothing sent),
 * long text in a deferred view (left out), the rest as a dictionary when values repeat, else as they are.
 */
function propertyColumns(
  props: readonly Record<string, PropertyValue>[],
  o: { names?: readonly string[]; rawIds?: readonly (string | null)[]; defer: boolean },
): PropertyColumn[] {
  const keys = new Set<string>();
  for (const p of props) for (const k in p) keys.add(k);
  const out: PropertyColumn[] = [];
  const n = props.length;
  for (const key of keys) {
    const groups = { name: [] as number[], id: [] as number[], deferred: [] as number[], rest: [] as number[] };
    for (let i = 0; i < n; i++) {
      if (!(key in props[i])) continue;
      const v = props[i][key];
      if (o.names && v === o.names[i]) groups.name.push(i);
      else if (o.rawIds && typeof v === "string" && v === o.rawIds[i]) groups.id.push(i);
      else if (o.defer && typeof v === "string" && v.length > LONG_TEXT_CHARS) groups.deferred.push(i);
      else groups.rest.push(i);
    }
    const has = (members: number[]) => {
      if (members.length === n) return {};
      const mask = new Uint8Array(n).fill(48); // "0"
      for (const i of members) mask[i] = 49; // "1"
      return { has: Buffer.from(mask).toString("latin1") };
    };
    if (groups.name.length) out.push({ key, ...has(groups.name), enc: "name" });
    if (groups.id.length) out.push({ key, ...has(groups.id), enc: "id" });
    if (groups.deferred.length) out.push({ key, ...has(groups.deferred), enc: "deferred" });
    if (groups.rest.length) {
      const values = groups.rest.map((i) => props[i][key]);
      const d = scalarDict(values);
      if (d && d.dict.length <= values.length / 2) out.push({ key, ...has(groups.rest), enc: "dict", ...d });
      else out.push({ key, ...has(groups.rest), enc: "plain", values });
    }
  }
  return out;
}

function evidenceColumns(edges: readonly GraphEdge[], nodeIndex: ReadonlyMap<string, number>, defer: boolean) {
  const items = edges.flatMap((e) => e.evidence);
  const outside = new Map<string, number>();
  const attributedTo = items.map((ev) => {
    if (ev.attributedTo === null) return -1;
    const inView = nodeIndex.get(ev.attributedTo);
    if (inView !== undefined) return inView;
    let k = outside.get(ev.attributedTo);
    if (k === undefined) outside.set(ev.attributedTo, (k = outside.size));
    return -2 - k;
  });
  const columns: EdgeColumns["evidence"] = {
    counts: edges.map((e) => e.evidence.length),
    sources: dictColumn(items.map((ev) => ev.source)),
    modalities: dictColumn(items.map((ev) => ev.modality)),
    attributedTo,
    attributedToIds: [...outside.keys()],
    reportedAt: dictColumn(items.map((ev) => ev.reportedAt)),
  };
  if (!defer) columns.quotes = items.map((ev) => ev.quote);
  return columns;
}

/**
 * The SubGraph as columns; `deferText` leaves evidence quotes and long string properties out. Nodes are ordered by
 * id, edges by source node then id, so ids and sources go as small deltas (gzip shrinks runs of them to nothing).
 */
export function encodeGraphColumns(graph: SubGraph, o: { deferText: boolean }): GraphColumns {
  const nodeIdList = graph.nodes.map((n) => n.id);
  const nodeRaw = nodeIdList.map(rawId);
  const compactNodes = compactIds(nodeRaw);
  const nodeOrder = graph.nodes.map((_, i) => i);
  if (compactNodes) nodeOrder.sort((a, b) => compactNodes.nums[a] - compactNodes.nums[b]);
  const nodes: GraphNode[] = nodeOrder.map((i) => graph.nodes[i]);
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const endpoint = (id: string) => {
    const i = nodeIndex.get(id);
    if (i === undefined) throw new Error(`graph-columns: edge endpoint ${id} is not a node of the view`);
    return i;
  };
  const edgeIdList = graph.edges.map((e) => e.id);
  const edgeRaw = edgeIdList.map(rawId);
  const compactEdges = compactIds(edgeRaw);
  const sourceOf = graph.edges.map((e) => endpoint(e.source));
  const edgeOrder = graph.edges.map((_, i) => i);
  edgeOrder.sort(
    (a, b) => sourceOf[a] - sourceOf[b] || (compactEdges ? compactEdges.nums[a] - compactEdges.nums[b] : a - b),
  );
  const edges: GraphEdge[] = edgeOrder.map((i) => graph.edges[i]);
  // The raw `id` property behind "i" ids: a property column equal to it is not sent again.
  const rawOf = (raw: readonly (RawId | null)[], order: readonly number[]) =>
    order.map((i) => (raw[i]?.kind === "i" ? raw[i].raw : null));
  const names = nodes.map((n) => n.name);
  return {
    format: "columns",
    truncated: graph.truncated,
    deferred: o.deferText,
    nodes: {
      ids: idColumn(nodeIdList, compactNodes, nodeOrder),
      labelSets: dictColumn(
        nodes.map((n) => n.labels),
        (l) => l.join("\u0000"),
      ),
      names,
      properties: propertyColumns(
        nodes.map((n) => n.properties),
        { names, rawIds: rawOf(nodeRaw, nodeOrder), defer: o.deferText },
      ),
    },
    edges: {
      ids: idColumn(edgeIdList, compactEdges, edgeOrder),
      types: dictColumn(edges.map((e) => e.type)),
      sourceDeltas: deltas(edgeOrder.map((i) => sourceOf[i])),
      targets: edges.map((e) => endpoint(e.target)),
      properties: propertyColumns(
        edges.map((e) => e.properties),
        { rawIds: rawOf(edgeRaw, edgeOrder), defer: o.deferText },
      ),
      evidence: evidenceColumns(edges, nodeIndex, o.deferText),
    },
  };
}
