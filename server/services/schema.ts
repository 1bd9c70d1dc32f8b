// GET /api/schema: what the database holds, read from Neo4j's own catalogue, with colour hints per label.
import type { SchemaResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";
import { inReadTransaction, runNamed } from "../neo4j/read-query.ts";
import { toJsonValue } from "../neo4j/serialize.ts";
import { labelColor } from "./label-colors.ts";

const count = (v: unknown) => Number(toJsonValue(v));

export function describeSchema(db: Database): Promise<SchemaResponse> {
  return inReadTransaction(db, async (tx) => {
    const labels = await runNamed(tx, "api/schema-labels");
    const types = await runNamed(tx, "api/schema-relationship-types");
    const keys = await runNamed(tx, "api/schema-property-keys");
    return {
      labels: labels.map((r) => ({
        label: r.get("label") as string,
        count: count(r.get("count")),
        color: labelColor(r.get("label")),
      })),
      relationshipTypes: types.map((r) => ({ type: r.get("type") as string, count: count(r.get("count")) })),
      propertyKeys: keys.map((r) => r.get("propertyKey") as string),
    };
  });
}
