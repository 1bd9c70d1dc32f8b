// Maps the seed model's :Claim nodes to the contract's ValueClaim (shared by node detail, sources, disagreements).
import type { Node } from "neo4j-driver";
import type { ValueClaim } from "../../contract/api.ts";
import { idFromProperty } from "../neo4j/ids.ts";
import { evidenceOf, toGraphNode, toJsonValue } from "../neo4j/serialize.ts";

const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(toJsonValue(v)));

export function toValueClaim(c: Node): ValueClaim {
  const p = c.properties;
  return {
    id: toGraphNode(c).id,
    subject: typeof p.subject === "string" ? idFromProperty(p.subject) : "",
    property: textOrNull(p.property) ?? "",
    value: toJsonValue(p.value),
    unit: textOrNull(p.unit),
    precision: textOrNull(p.precision),
    basis: textOrNull(p.basis),
    note: textOrNull(p.note),
    evidence: evidenceOf(p),
  };
}
