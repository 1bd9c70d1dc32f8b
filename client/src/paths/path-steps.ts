// A path from GET api/paths as the analyst reads it: hop by hop, each relation with the direction it was stored in
// ("Wagner —FIGHTS→ ISIS ←BRANCH_OF— ISIS-K"), so a path followed against an arrow still says who did what to whom.
import type { GraphEdge, GraphNode } from "../../../contract/api.ts";

export interface ApiPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface PathHop {
  from: GraphNode;
  to: GraphNode;
  edge: GraphEdge;
  /** true when the relation points from `from` to `to` as stored. */
  forward: boolean;
}

/** The hops in walking order; `nodes` has one more entry than `edges`, as the API sends them. */
export function pathHops(path: ApiPath): PathHop[] {
  return path.edges.map((edge, i) => {
    const from = path.nodes[i];
    const to = path.nodes[i + 1];
    return { from, to, edge, forward: edge.source === from.id && edge.target === to.id };
  });
}

/** The arrow between two names: `—TYPE→` when followed as stored, `←TYPE—` when against it. */
export function hopArrow(hop: Pick<PathHop, "edge" | "forward">): string {
  return hop.forward ? `—${hop.edge.type}→` : `←${hop.edge.type}—`;
}

export function pathSentence(path: ApiPath): string {
  const hops = pathHops(path);
  if (hops.length === 0) return path.nodes[0]?.name ?? "";
  return [hops[0].from.name, ...hops.flatMap((h) => [hopArrow(h), h.to.name])].join(" ");
}

/** The hop as a sentence with the relation in its stored direction: "ISIS-K BRANCH_OF ISIS". */
export function hopStatement(hop: PathHop): string {
  const [subject, object] = hop.forward ? [hop.from, hop.to] : [hop.to, hop.from];
  return `${subject.name} ${hop.edge.type.replaceAll("_", " ").toLowerCase()} ${object.name}`;
}

/** Relation types used by any of the paths, most used first (to offer excluding them). */
export function typesOnPaths(paths: readonly ApiPath[]): string[] {
  const counts = new Map<string, number>();
  for (const p of paths) for (const e of p.edges) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
}
