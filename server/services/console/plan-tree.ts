// Turns the driver's plan/profile objects into the contract's PlanNode tree (operators without the `@neo4j`
// suffix, JSON-safe arguments, rows and db hits for PROFILE).
import type { PlanNode } from "../../../contract/api.ts";
import { toJsonValue } from "../../neo4j/serialize.ts";
import { operatorName } from "./plan-checks.ts";

interface DriverPlan {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: DriverPlan[];
  rows?: number;
  dbHits?: number;
}

export function toPlanNode(p: DriverPlan, profiled: boolean): PlanNode {
  const args: PlanNode["arguments"] = {};
  // The ASCII rendering repeats the whole tree and can be large; the tree itself carries the same information.
  for (const [k, v] of Object.entries(p.arguments ?? {})) if (k !== "string-representation") args[k] = toJsonValue(v);
  const node: PlanNode = {
    operator: operatorName(p.operatorType),
    identifiers: [...(p.identifiers ?? [])],
    arguments: args,
    children: (p.children ?? []).map((c) => toPlanNode(c, profiled)),
  };
  if (profiled) {
    node.rows = Number(p.rows ?? 0);
    node.dbHits = Number(p.dbHits ?? 0);
  }
  return node;
}
