// GET /api/paths: shortest, all shortest or k shortest paths between two nodes, every edge with its evidence.
// On the seed model paths avoid Source/Claim nodes and MENTIONS/ABOUT/CITES links unless types are given: a path
// through "both were mentioned by the same article" is not a relation between the two.
import neo4j, { type Path } from "neo4j-driver";
import type { PathsResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { cypher } from "../neo4j/cypher-files.ts";
import { inReadTransaction } from "../neo4j/read-query.ts";
import { GraphCollector } from "../neo4j/serialize.ts";
import { findNode, seedLabels } from "./find-node.ts";

export const PATH_MODES = ["shortest", "allShortest", "kShortest"] as const;
export const PATH_DIRECTIONS = ["both", "out", "in"] as const;
export type PathMode = (typeof PATH_MODES)[number];
export type PathDirection = (typeof PATH_DIRECTIONS)[number];

export const MAX_HOPS = 10;
export const MAX_K = 10;
/** ALL SHORTEST can return very many equal-length paths on a dense graph. */
export const MAX_PATHS = 50;

const SEED_EXCLUDED_LABELS = ["Source", "Claim"];
const SEED_EXCLUDED_TYPES = ["MENTIONS", "ABOUT", "CITES"];

const ARROWS: Record<PathDirection, { LEFT: string; RIGHT: string }> = {
  both: { LEFT: "-", RIGHT: "-" },
  out: { LEFT: "-", RIGHT: "->" },
  in: { LEFT: "<-", RIGHT: "-" },
};

export interface PathOptions {
  from: string;
  to: string;
  maxHops: number;
  mode: PathMode;
  k: number;
  direction: PathDirection;
  types?: string[];
  /** Relation types the paths may not use, on top of the allowed list. */
  excludeTypes?: string[];
  /** Opaque ids of nodes the paths must go around. */
  excludeNodes?: string[];
}

/** Fills the template's slots from validated, clamped values only (see cypher/api/paths.cypher). */
export function pathQuery(o: Pick<PathOptions, "mode" | "k" | "maxHops" | "direction">): string {
  const hops = Math.min(MAX_HOPS, Math.max(1, Math.trunc(o.maxHops)));
  const k = Math.min(MAX_K, Math.max(1, Math.trunc(o.k)));
  const selector = o.mode === "allShortest" ? "ALL SHORTEST" : `SHORTEST ${o.mode === "kShortest" ? k : 1}`;
  const slots: Record<string, string> = { SELECTOR: selector, MAX_HOPS: String(hops), ...ARROWS[o.direction] };
  return cypher("api/paths").replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => slots[name]);
}

export function findPaths(db: Database, o: PathOptions): Promise<PathsResponse> {
  return inReadTransaction(db, async (tx) => {
    const from = await findNode(tx, o.from, "start node");
    const to = await findNode(tx, o.to, "end node");
    if (from.elementId === to.elementId) return { paths: [], reason: "Start and end are the same node." };
    const avoided = [];
    for (const id of o.excludeNodes ?? []) avoided.push((await findNode(tx, id, "excluded node")).elementId);
    if (avoided.includes(from.elementId) || avoided.includes(to.elementId)) {
      return { paths: [], reason: "The start or end node is among the excluded nodes." };
    }
    const seed = await seedLabels(tx);
    const types = o.types?.length ? o.types : null;
    const isSeed = seed.has("Entity");
    const result = await tx.run(pathQuery(o), {
      from: from.elementId,
      to: to.elementId,
      types,
      excludeTypes: [...(isSeed && !types ? SEED_EXCLUDED_TYPES : []), ...(o.excludeTypes ?? [])],
      excludeNodes: avoided,
      excludeLabels: isSeed && !types ? SEED_EXCLUDED_LABELS : [],
      maxPaths: neo4j.int(MAX_PATHS),
    });
    const collector = new GraphCollector();
    const paths = result.records.map((r) => collector.addPath(r.get("p") as Path));
    if (paths.length > 0) return { paths };
    const filters = [
      o.direction !== "both" ? `following direction "${o.direction}"` : "",
      types ? `using only ${types.join(", ")}` : isSeed ? "avoiding sources, claims and mentions" : "",
      o.excludeTypes?.length ? `without ${o.excludeTypes.join(", ")}` : "",
      avoided.length ? `around ${avoided.length} excluded node${avoided.length > 1 ? "s" : ""}` : "",
    ].filter(Boolean);
    return {
      paths: [],
      reason: `No path of at most ${Math.min(MAX_HOPS, o.maxHops)} hops connects the two nodes${filters.length ? ` (${filters.join(", ")})` : ""}.`,
    };
  });
}
