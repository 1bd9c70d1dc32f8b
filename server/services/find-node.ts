// Resolves an opaque node id to the node, inside a caller's transaction: the `id` property (indexed seed labels
// first, then a scan) or the elementId. Unknown ids are a 404, never a guess.
import type { ManagedTransaction, Node, Record as Neo4jRecord } from "neo4j-driver";
import { AppError } from "../errors.ts";
import { decodeKey } from "../neo4j/ids.ts";
import { runNamed } from "../neo4j/read-query.ts";

export async function findNode(tx: ManagedTransaction, opaqueId: string, what = "node"): Promise<Node> {
  const key = decodeKey(opaqueId);
  let records: Neo4jRecord[] = [];
  if (key?.kind === "id") {
    records = await runNamed(tx, "api/node-by-id-property", { id: key.value });
    if (records.length === 0) records = await runNamed(tx, "api/node-by-id-property-scan", { id: key.value });
  } else if (key?.kind === "elementId") {
    records = await runNamed(tx, "api/node-by-element-id", { elementId: key.value });
  }
  const node = records[0]?.get("n") as Node | undefined;
  if (!node) throw new AppError("NOT_FOUND", `No ${what} with id "${opaqueId.slice(0, 80)}".`);
  return node;
}

/** The seed model's labels present in this database; asked per request so a changed database is noticed at once. */
export async function seedLabels(tx: ManagedTransaction): Promise<Set<string>> {
  const records = await runNamed(tx, "api/seed-labels");
  return new Set((records[0]?.get("labels") as string[] | undefined) ?? []);
}
