// Turns the columns form of a view graph (GET /api/graph?format=columns, contract/api.ts) back into the contract's
// SubGraph, so the rest of the client sees the shapes every other endpoint returns. Elements whose long text the
// server left out carry `detailsDeferred: true`; their details come from POST /api/details. Pure: no DOM, no fetch.
import type {
  DeferredMark,
  Evidence,
  GraphColumns,
  GraphEdge,
  GraphNode,
  IdColumn,
  PropertyColumn,
  PropertyValue,
  SubGraph,
} from "../../../contract/api.ts";

export type ViewNode = GraphNode & DeferredMark;
export type ViewEdge = GraphEdge & DeferredMark;
export interface ViewGraph extends SubGraph {
  nodes: ViewNode[];
  edges: ViewEdge[];
}

const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** base64url (no padding) of a string of bytes (every char code < 256). */
function base64urlBytes(bytes: string): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes.charCodeAt(i) << 16) | (bytes.charCodeAt(i + 1) << 8) | bytes.charCodeAt(i + 2);
    out += B64URL[n >> 18] + B64URL[(n >> 12) & 63] + B64URL[(n >> 6) & 63] + B64URL[n & 63];
  }
  if (i < bytes.length) {
    const two = i + 1 < bytes.length;
    const n = (bytes.charCodeAt(i) << 16) | (two ? bytes.charCodeAt(i + 1) << 8 : 0);
    out += B64URL[n >> 18] + B64URL[(n >> 12) & 63] + (two ? B64URL[(n >> 6) & 63] : "");
  }
  return out;
}

/** base64url of the UTF-8 bytes, as the server makes opaque ids (server/neo4j/ids.ts). By hand, not btoa plus three
 *  replaces: a 50,000-node view decodes 150,000 ids (npm run bench, #5). */
function base64url(raw: string): string {
  if (ASCII.test(raw)) return base64urlBytes(raw);
  return base64urlBytes(Array.from(new TextEncoder().encode(raw), (b) => String.fromCharCode(b)).join(""));
}

interface Ids {
  opaque: string[];
  /** The raw value of "i" ids (what an `id` property column copies), else null. */
  raw: (string | null)[];
}

function decodeIds(c: IdColumn, n: number): Ids {
  if ("opaque" in c) {
    const raw = c.opaque.map((id) => {
      if (!id.startsWith("i.")) return null;
      const b = atob(id.slice(2).replace(/-/g, "+").replace(/_/g, "/"));
      return new TextDecoder().decode(Uint8Array.from(b, (ch) => ch.charCodeAt(0)));
    });
    return { opaque: c.opaque, raw };
  }
  const opaque = new Array<string>(n);
  const raw = new Array<string | null>(n);
  // Whole 3-byte groups of an ASCII prefix encode the same in every id: encode them once.
  const cut = ASCII.test(c.prefix) ? c.prefix.length - (c.prefix.length % 3) : 0;
  const head = `${c.kind}.${base64urlBytes(c.prefix.slice(0, cut))}`;
  const tail = c.prefix.slice(cut);
  let num = 0;
  for (let i = 0; i < n; i++) {
    num += c.deltas[i];
    const digits = String(num);
    opaque[i] = head + base64url(tail + digits);
    raw[i] = c.kind === "i" ? c.prefix + digits : null;
  }
  return { opaque, raw };
}

/** Applies the property columns to `props` (one object per element); returns which elements had text left out
 *  (1 = left out): flags, not a Set, as a 100,000-edge view defers text on every element. */
function applyProperties(
  columns: readonly PropertyColumn[],
  props: Record<string, PropertyValue>[],
  names: readonly string[] | null,
  ids: Ids,
): Uint8Array {
  const deferred = new Uint8Array(props.length);
  const n = props.length;
  for (const c of columns) {
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (c.has !== undefined && c.has.charCodeAt(i) !== 49) continue;
      switch (c.enc) {
        case "plain":
          props[i][c.key] = c.values[k];
          break;
        case "dict":
          props[i][c.key] = c.dict[c.codes[k]];
          break;
        case "name":
          props[i][c.key] = names ? names[i] : null;
          break;
        case "id":
          props[i][c.key] = ids.raw[i];
          break;
        case "deferred":
          deferred[i] = 1;
          break;
      }
      k++;
    }
  }
  return deferred;
}

const code = <T>(dict: readonly T[], c: number): T | null => (c < 0 ? null : dict[c]);

/** The columns form as the contract's SubGraph (elements with deferred text marked). */
export function decodeGraphColumns(c: GraphColumns): ViewGraph {
  const nc = c.nodes;
  const nodeCount = nc.names.length;
  const nodeIds = decodeIds(nc.ids, nodeCount);
  const nodeProps: Record<string, PropertyValue>[] = Array.from({ length: nodeCount }, () => ({}));
  const nodesDeferred = applyProperties(nc.properties, nodeProps, nc.names, nodeIds);
  const nodes: ViewNode[] = new Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const labels = code(nc.labelSets.dict, nc.labelSets.codes[i]) ?? [];
    const node: ViewNode = { id: nodeIds.opaque[i], labels: [...labels], name: nc.names[i], properties: nodeProps[i] };
    if (nodesDeferred[i]) node.detailsDeferred = true;
    nodes[i] = node;
  }

  const ec = c.edges;
  const edgeCount = ec.targets.length;
  const edgeIds = decodeIds(ec.ids, edgeCount);
  const edgeProps: Record<string, PropertyValue>[] = Array.from({ length: edgeCount }, () => ({}));
  const edgesDeferred = applyProperties(ec.properties, edgeProps, null, edgeIds);
  const ev = ec.evidence;
  const edges: ViewEdge[] = new Array(edgeCount);
  let source = 0;
  let item = 0;
  for (let i = 0; i < edgeCount; i++) {
    source += ec.sourceDeltas[i];
    const evidence: Evidence[] = new Array(ev.counts[i]);
    for (let j = 0; j < evidence.length; j++, item++) {
      const by = ev.attributedTo[item];
      evidence[j] = {
        source: code(ev.sources.dict, ev.sources.codes[item]) ?? "",
        quote: ev.quotes ? ev.quotes[item] : "",
        attributedTo: by >= 0 ? nodes[by].id : by === -1 ? null : ev.attributedToIds[-2 - by],
        modality: code(ev.modalities.dict, ev.modalities.codes[item]) ?? "asserted",
        reportedAt: code(ev.reportedAt.dict, ev.reportedAt.codes[item]),
      };
    }
    const edge: ViewEdge = {
      id: edgeIds.opaque[i],
      type: code(ec.types.dict, ec.types.codes[i]) ?? "",
      source: nodes[source].id,
      target: nodes[ec.targets[i]].id,
      properties: edgeProps[i],
      evidence,
    };
    if (edgesDeferred[i] || (!ev.quotes && evidence.length > 0)) edge.detailsDeferred = true;
    edges[i] = edge;
  }
  return { nodes, edges, truncated: c.truncated };
}
