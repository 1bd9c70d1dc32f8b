// GET /api/disagreements: where the sources do not agree. Value claims with differing values for the same subject
// and property, and relations whose evidence both affirms and denies/disputes them, each with every source's version.
// A version whose value is an entity's id (claimedBy: isis-k) carries that entity, looked up in the same transaction.
import neo4j, { type ManagedTransaction, type Node, type Relationship } from "neo4j-driver";
import type { Disagreement, DisagreementsResponse, GraphNode } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { GraphCollector, toGraphNode } from "../neo4j/serialize.ts";
import { toValueClaim } from "./value-claims.ts";

export const CONTESTING_MODALITIES = ["denied", "disputed"] as const;
export const DISAGREEMENT_CAP = 500;

/** The entities (by `id` property) among claim values; numbers and the like are not even asked about. */
async function entitiesNamedBy(tx: ManagedTransaction, values: unknown[]): Promise<Map<string, GraphNode>> {
  const ids = [...new Set(values.filter((v): v is string => typeof v === "string" && v !== ""))];
  if (ids.length === 0) return new Map();
  const records = await runNamed(tx, "api/entities-by-id", { ids });
  return new Map(
    records.map((r) => {
      const n = r.get("n") as Node;
      return [String(n.properties.id), toGraphNode(n)];
    }),
  );
}

export function findDisagreements(db: Database): Promise<DisagreementsResponse> {
  return inReadTransaction(db, async (tx) => {
    const limit = neo4j.int(DISAGREEMENT_CAP);
    const values = await runNamed(tx, "api/disagreements-values", { limit });
    const relations = await runNamed(tx, "api/disagreements-relations", {
      limit,
      contesting: CONTESTING_MODALITIES,
    });
    const out: Disagreement[] = [];
    const entities = await entitiesNamedBy(
      tx,
      values.flatMap((r) => (r.get("claims") as Node[]).map((c) => c.properties.value)),
    );
    for (const r of values) {
      const subject = toGraphNode(r.get("subject") as Node);
      const property = String(r.get("property"));
      out.push({
        id: `value:${subject.id}:${property}`,
        kind: "value",
        subject,
        property,
        versions: (r.get("claims") as Node[]).map(toValueClaim).map((c) => {
          const entity = typeof c.value === "string" ? entities.get(c.value) : undefined;
          return { value: c.value, claimId: c.id, ...(entity ? { entity } : {}), evidence: c.evidence };
        }),
      });
    }
    const collector = new GraphCollector();
    for (const r of relations) {
      const subject = collector.addNode(r.get("a") as Node);
      collector.addNode(r.get("b") as Node);
      const edge = collector.addRelationship(r.get("r") as Relationship);
      const byModality = new Map<string, typeof edge.evidence>();
      for (const ev of edge.evidence) byModality.set(ev.modality, [...(byModality.get(ev.modality) ?? []), ev]);
      out.push({
        id: `relation:${edge.id}`,
        kind: "relation",
        subject,
        property: edge.type,
        versions: [...byModality].map(([modality, evidence]) => ({ value: modality, edgeId: edge.id, evidence })),
      });
    }
    return { disagreements: out };
  });
}
