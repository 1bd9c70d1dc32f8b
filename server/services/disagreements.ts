// GET /api/disagreements: where the sources do not agree. Value claims with differing values for the same subject
// and property, and relations whose evidence both affirms and denies/disputes them, each with every source's version.
import neo4j, { type Node, type Relationship } from "neo4j-driver";
import type { Disagreement, DisagreementsResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { GraphCollector, toGraphNode } from "../neo4j/serialize.ts";
import { toValueClaim } from "./value-claims.ts";

export const CONTESTING_MODALITIES = ["denied", "disputed"] as const;
export const DISAGREEMENT_CAP = 500;

export function findDisagreements(db: Database): Promise<DisagreementsResponse> {
  return inReadTransaction(db, async (tx) => {
    const limit = neo4j.int(DISAGREEMENT_CAP);
    const values = await runNamed(tx, "api/disagreements-values", { limit });
    const relations = await runNamed(tx, "api/disagreements-relations", {
      limit,
      contesting: CONTESTING_MODALITIES,
    });
    const out: Disagreement[] = [];
    for (const r of values) {
      const subject = toGraphNode(r.get("subject") as Node);
      const property = String(r.get("property"));
      out.push({
        id: `value:${subject.id}:${property}`,
        kind: "value",
        subject,
        property,
        versions: (r.get("claims") as Node[]).map(toValueClaim).map((c) => ({
          value: c.value,
          claimId: c.id,
          evidence: c.evidence,
        })),
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
