// The columns form round-trips: the client's decoder rebuilds exactly the SubGraph the encoder was given (all text
// inline), or that graph less its long text, marked, when text is deferred.
import { describe, expect, it } from "vitest";
import type { Evidence, GraphEdge, GraphNode, SubGraph } from "../../contract/api.ts";
import { decodeGraphColumns } from "../../client/src/api/decode-graph-columns.ts";
import { defersText, encodeGraphColumns, LONG_TEXT_CHARS } from "./graph-columns.ts";
import { idFromElementId, idFromProperty } from "./ids.ts";

const LONG = "A description well over the long-text threshold, as articles write them.";
const node = (raw: string, name: string, labels: string[], props: GraphNode["properties"] = {}): GraphNode => ({
  id: idFromProperty(raw),
  labels,
  name,
  properties: { id: raw, name, ...props },
});
const ev = (source: string, quote: string, more: Partial<Evidence> = {}): Evidence => ({
  source: idFromProperty(source),
  quote,
  attributedTo: null,
  modality: "asserted",
  reportedAt: null,
  ...more,
});

function sample(): SubGraph {
  const nodes = [
    node("n-10", "Ten", ["Entity", "Person"], { description: LONG, rank: 3 }),
    node("n-2", "Two", ["Entity", "Country"], { aliases: ["Deux", "Zwei"] }),
    node("n-7", "Sept é", ["Entity", "Person"], { description: "short", flag: true }),
    { id: idFromProperty("n-3"), labels: ["Entity"], name: "Entity n-3", properties: { id: "n-3" } },
  ];
  const [ten, two, seven, three] = nodes.map((n) => n.id);
  const edge = (raw: string, type: string, s: string, t: string, evidence: Evidence[], props = {}): GraphEdge => ({
    id: idFromProperty(raw),
    type,
    source: s,
    target: t,
    properties: { id: raw, ...props },
    evidence,
  });
  const edges = [
    edge("e-5", "CLAIMS", ten, two, [
      ev("src-a", "Ten claims Two, the paper says.", {
        attributedTo: seven,
        modality: "claimed",
        reportedAt: "2024-03",
      }),
      ev("src-b", "Denied.", { attributedTo: idFromProperty("outside-view"), modality: "denied" }),
    ]),
    edge("e-1", "CLAIMS", two, ten, [], { weight: 2 }),
    edge("e-9", "SUPPORTS", seven, three, [ev("src-a", "Seven backs n-3.")], { weight: 2, note: LONG }),
    edge("e-3", "SUPPORTS", seven, ten, [ev("src-c", "Again.", { reportedAt: "2024" })], { weight: 5 }),
  ];
  return { nodes, edges, truncated: true };
}

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));
const roundTrip = (g: SubGraph, deferText: boolean) =>
  decodeGraphColumns(JSON.parse(JSON.stringify(encodeGraphColumns(g, { deferText }))));

describe("encodeGraphColumns + decodeGraphColumns", () => {
  it("rebuild the same nodes and edges with all text inline, none of them marked", () => {
    const g = sample();
    const d = roundTrip(g, false);
    expect(d.truncated).toBe(true);
    expect(byId(d.nodes)).toEqual(byId(g.nodes));
    expect(byId(d.edges)).toEqual(byId(g.edges));
  });

  it("send prefix + integer ids as deltas in integer order, endpoints as node indexes", () => {
    const c = encodeGraphColumns(sample(), { deferText: false });
    expect(c.nodes.ids).toEqual({ kind: "i", prefix: "n-", deltas: [2, 1, 4, 3] });
    expect(c.edges.sourceDeltas.reduce((a, b) => a + b)).toBe(3);
    expect(c.nodes.properties.find((p) => p.key === "name")).toEqual({ key: "name", has: "1011", enc: "name" });
    expect(c.edges.evidence.attributedToIds).toEqual([idFromProperty("outside-view")]);
  });

  it("fall back to opaque ids when they do not share a prefix and kind, and still round-trip", () => {
    const g = sample();
    g.nodes[3] = { ...g.nodes[3], id: idFromElementId("4:abc:3"), properties: {} };
    g.edges = g.edges.map((e) => (e.target === idFromProperty("n-3") ? { ...e, target: g.nodes[3].id } : e));
    const c = encodeGraphColumns(g, { deferText: false });
    expect("opaque" in c.nodes.ids).toBe(true);
    const d = roundTrip(g, false);
    expect(byId(d.nodes)).toEqual(byId(g.nodes));
    expect(byId(d.edges)).toEqual(byId(g.edges));
  });

  it("leave quotes and long strings out when text is deferred, and mark exactly the elements that lost text", () => {
    const g = sample();
    const d = roundTrip(g, true);
    const nodes = byId(d.nodes);
    const ten = nodes.get(idFromProperty("n-10"))!;
    expect(ten.detailsDeferred).toBe(true);
    expect(ten.properties).toEqual({ id: "n-10", name: "Ten", rank: 3 });
    expect(nodes.get(idFromProperty("n-7"))!.detailsDeferred).toBeUndefined();
    expect(nodes.get(idFromProperty("n-7"))!.properties.description).toBe("short");
    const edges = byId(d.edges);
    const claims = edges.get(idFromProperty("e-5"))!;
    expect(claims.detailsDeferred).toBe(true);
    expect(claims.evidence.map((e) => e.quote)).toEqual(["", ""]);
    const want = g.edges[0].evidence.map((e) => ({ ...e, quote: "" }));
    expect(claims.evidence).toEqual(want);
    expect(edges.get(idFromProperty("e-1"))!.detailsDeferred).toBeUndefined();
    expect(edges.get(idFromProperty("e-9"))!.properties).toEqual({ id: "e-9", weight: 2 });
  });

  it("defer text of big views only, unless told", () => {
    expect(defersText("auto", 340)).toBe(false);
    expect(defersText("auto", 100_000)).toBe(true);
    expect(defersText("inline", 100_000)).toBe(false);
    expect(defersText("deferred", 1)).toBe(true);
    expect(LONG.length).toBeGreaterThan(LONG_TEXT_CHARS);
  });
});
