// GET /api/sources and /api/sources/:id: the articles behind the graph and what each supports (relations, value
// claims, mentions). Databases without :Source nodes simply have none.
import neo4j, { type ManagedTransaction, type Node, type Relationship } from "neo4j-driver";
import type { SourceDetail, SourceSummary, SourcesResponse } from "../../contract/api.ts";
import { AppError } from "../errors.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { GraphCollector, toGraphNode, toJsonValue } from "../neo4j/serialize.ts";
import { findNode } from "./find-node.ts";
import { toValueClaim } from "./value-claims.ts";

export const SOURCE_LIST_CAP = 1_000;
export const SOURCE_FACT_CAP = 2_000;

const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJsonValue(v)));

function toSummary(s: Node, factCount: unknown): SourceSummary {
  const g = toGraphNode(s);
  return {
    id: g.id,
    title: textOrNull(s.properties.title) ?? g.name,
    outlet: textOrNull(s.properties.outlet),
    author: textOrNull(s.properties.author),
    published: textOrNull(s.properties.published),
    publishedPrecision: textOrNull(s.properties.publishedPrecision),
    factCount: Number(toJsonValue(factCount)),
  };
}

export async function listSources(db: Database): Promise<SourcesResponse> {
  const records = await inReadTransaction(db, (tx) =>
    runNamed(tx, "api/sources", { elementIds: null, limit: neo4j.int(SOURCE_LIST_CAP) }),
  );
  return { sources: records.map((r) => toSummary(r.get("s"), r.get("factCount"))) };
}

/** The summaries of the given Source nodes (by elementId), inside a caller's transaction (the timeline's reports). */
export async function sourceSummariesByElementId(
  tx: ManagedTransaction,
  elementIds: readonly string[],
): Promise<Map<string, SourceSummary>> {
  if (elementIds.length === 0) return new Map();
  const records = await runNamed(tx, "api/sources", {
    elementIds: [...elementIds],
    limit: neo4j.int(elementIds.length),
  });
  return new Map(records.map((r) => [(r.get("s") as Node).elementId, toSummary(r.get("s"), r.get("factCount"))]));
}

export function sourceDetail(db: Database, id: string): Promise<SourceDetail> {
  return inReadTransaction(db, async (tx) => {
    const s = await findNode(tx, id, "source");
    if (!s.labels.includes("Source")) throw new AppError("NOT_FOUND", `No source with id "${id.slice(0, 80)}".`);
    const limit = neo4j.int(SOURCE_FACT_CAP);
    const sourceId = typeof s.properties.id === "string" ? s.properties.id : "";
    const facts = await runNamed(tx, "api/source-facts", { sourceId, limit });
    const mentions = await runNamed(tx, "api/source-mentions", { elementId: s.elementId, limit });
    const claims = await runNamed(tx, "api/source-claims", { elementId: s.elementId, limit });
    const collector = new GraphCollector();
    const edges = facts.map((r) => {
      collector.addNode(r.get("a") as Node);
      collector.addNode(r.get("b") as Node);
      return collector.addRelationship(r.get("r") as Relationship);
    });
    return {
      source: toSummary(s, edges.length + claims.length),
      mentions: mentions.map((r) => toGraphNode(r.get("e"))),
      edges,
      claims: claims.map((r) => toValueClaim(r.get("c"))),
    };
  });
}
