// Seeded, reproducible synthetic graphs for the bench, written in the product's graph-document format so they go
// through the product's own import path (readGraphDocuments → loadGraph). Clustered and scale-free: each node
// belongs to a community, edges pick their target by preferential attachment, mostly inside the community.
import { mkdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { GraphDocument } from "../server/seed/seed-schema.ts";

export interface GraphSpec {
  nodes: number;
  edges: number;
  seed: number;
  /** Share of edges whose target is drawn from the whole graph rather than the source's cluster. */
  crossClusterShare?: number;
}

type Entity = GraphDocument["entities"][number];
type Relation = GraphDocument["relations"][number];
type Source = GraphDocument["sources"][number];

export const ENTITY_TYPES = ["Person", "ArmedGroup", "Organization", "Country", "Place", "Event", "GovernmentBody"];
export const RELATION_TYPES = [
  "SUPPORTS",
  "FIGHTS",
  "BLAMES",
  "CLAIMS",
  "MEMBER_OF",
  "LOCATED_IN",
  "FUNDS",
  "ALLIED_WITH",
];
const MODALITIES = ["asserted", "claimed", "alleged", "suspected", "denied", "disputed"] as const;
const SYLLABLES = [
  "ka",
  "ro",
  "mi",
  "zan",
  "tel",
  "vor",
  "an",
  "esh",
  "bul",
  "dra",
  "qi",
  "sor",
  "ul",
  "nev",
  "tam",
  "ix",
];
const SUFFIX: Record<string, string[]> = {
  Person: ["", ""],
  ArmedGroup: ["Brigade", "Front", "Battalion", "Militia"],
  Organization: ["Foundation", "Council", "Network", "Institute"],
  Country: ["Republic", "Federation", "Kingdom"],
  Place: ["Province", "Valley", "City", "Port"],
  Event: ["Attack", "Offensive", "Summit", "Ceasefire"],
  GovernmentBody: ["Ministry", "Agency", "Directorate"],
};
const VERBS: Record<string, string> = {
  SUPPORTS: "has backed",
  FIGHTS: "clashed with",
  BLAMES: "blamed",
  CLAIMS: "claimed responsibility for",
  MEMBER_OF: "is a member of",
  LOCATED_IN: "operates in",
  FUNDS: "sent money to",
  ALLIED_WITH: "formed an alliance with",
};
const FILLERS = [
  "according to officials who spoke on condition of anonymity",
  "in a statement published late on Friday",
  "a spokesman told reporters at a briefing",
  "local residents said, describing weeks of tension",
  "documents seen by the newspaper suggest",
  "analysts say the move reflects a wider shift in the region",
];

/** mulberry32: small, fast, and the same numbers on every machine for a given seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pronounceable name that encodes the index, so names (and their lowercase forms) never collide. */
function nameOf(i: number, type: string, pick: <T>(xs: T[]) => T): string {
  let s = "";
  let n = i;
  do {
    s += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  const base = s[0].toUpperCase() + s.slice(1);
  const suffix = pick(SUFFIX[type]);
  return suffix ? `${base} ${suffix}` : `${base} ${SYLLABLES[i % 7]}ov`;
}

export interface GeneratedGraph {
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
}

export function generateGraph(spec: GraphSpec): GeneratedGraph {
  const random = rng(spec.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const n = spec.nodes;
  const clusters = Math.max(4, Math.round(n / 400));
  const cross = spec.crossClusterShare ?? 0.1;
  const sourceCount = Math.max(5, Math.round(n / 500));
  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `bsrc-${i}`,
    title: `Report ${i}: ${pick(FILLERS)}`,
    outlet: `Outlet ${i % 17}`,
    published: { value: `2024-${String(1 + (i % 12)).padStart(2, "0")}`, precision: "month" as const },
  }));
  const clusterOf = new Int32Array(n);
  const entities: Entity[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const type = ENTITY_TYPES[Math.floor(random() * ENTITY_TYPES.length)];
    clusterOf[i] = Math.floor(random() * clusters);
    entities[i] = {
      id: `bn-${i}`,
      type,
      name: nameOf(i, type, pick),
      aliases: [],
      description: `${type} in community ${clusterOf[i]}; ${pick(FILLERS)}.`,
      mentionedIn: [],
      properties: { community: clusterOf[i] },
    };
  }
  // Preferential attachment: an "endpoint pool" per cluster holds each node once plus once per edge it has,
  // so drawing uniformly from the pool draws proportionally to degree + 1.
  const pools: number[][] = Array.from({ length: clusters }, () => []);
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    pools[clusterOf[i]].push(i);
    all.push(i);
  }
  const seen = new Set<number>();
  const relations: Relation[] = new Array(spec.edges);
  let made = 0;
  for (let e = 0; made < spec.edges; e++) {
    const from = e % n;
    const pool = random() < cross ? all : pools[clusterOf[from]];
    const to = pool[Math.floor(random() * pool.length)];
    const key = Math.min(from, to) * n + Math.max(from, to);
    if (to === from || seen.has(key)) continue;
    seen.add(key);
    pools[clusterOf[to]].push(to);
    pools[clusterOf[from]].push(from);
    all.push(to);
    const type = pick(RELATION_TYPES);
    const a = entities[from];
    const b = entities[to];
    const attributed = random() < 0.3 ? entities[Math.floor(random() * n)].id : undefined;
    relations[made] = {
      id: `be-${made}`,
      type,
      from: a.id,
      to: b.id,
      evidence: [
        {
          source: `bsrc-${Math.floor(random() * sourceCount)}`,
          quote: `${a.name} ${VERBS[type]} ${b.name}, ${pick(FILLERS)}.`,
          ...(attributed ? { attributedTo: attributed } : {}),
          modality: pick([...MODALITIES]),
        },
      ],
      properties: { weight: 1 + Math.floor(random() * 5) },
    };
    made++;
  }
  return { sources, entities, relations };
}

const RELATIONS_PER_FILE = 100_000;

/**
 * Writes the graph as a folder of graph documents (nodes in one file, relations in chunks: one JSON string per
 * file stays far below V8's string limit even at a million relations). Reuses a folder written before.
 */
export function writeGraphDocuments(spec: GraphSpec, outRoot: string): { dir: string; graph: GeneratedGraph | null } {
  const dir = join(outRoot, `graph-n${spec.nodes}-e${spec.edges}-s${spec.seed}`);
  if (existsSync(join(dir, ".complete"))) return { dir, graph: null };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const g = generateGraph(spec);
  writeFileSync(join(dir, "0-nodes.json"), JSON.stringify({ version: 1, sources: g.sources, entities: g.entities }));
  for (let i = 0; i * RELATIONS_PER_FILE < g.relations.length; i++) {
    const chunk = g.relations.slice(i * RELATIONS_PER_FILE, (i + 1) * RELATIONS_PER_FILE);
    writeFileSync(
      join(dir, `1-relations-${String(i).padStart(3, "0")}.json`),
      JSON.stringify({ version: 1, relations: chunk }),
    );
  }
  writeFileSync(join(dir, ".complete"), new Date().toISOString());
  return { dir, graph: g };
}
