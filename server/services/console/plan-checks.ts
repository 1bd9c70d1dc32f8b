// The deciding read-only check: Neo4j's own EXPLAIN plan of the user's query. Only query type "r" may run, and
// the whole plan tree is walked for operators that write, load files or manage the database, and for procedure
// and function names outside a short allowlist. The plan shows names as Neo4j resolved them, so comments,
// backticks or odd Unicode in the text cannot disguise a call.
import type { ResultSummary } from "neo4j-driver";
import { AppError } from "../../errors.ts";
import { PROCEDURE_ALLOWLIST } from "../../neo4j/local-config.ts";

interface PlanLike {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanLike[];
}

const WRITE_OPERATOR =
  /^(Create|Merge|Set|Remove|Delete|DetachDelete|Foreach|TransactionForeach|TransactionApply|LockNodes|Show|Terminate|Drop|Alter|Grant|Deny|Revoke|DoNothingIfExists|AssertSame)/;

/** Namespaced built-in functions; any other `a.b(...)` call in the plan is a procedure or user function. */
const BUILTIN_FUNCTION_NAMESPACES = [
  "point",
  "date",
  "datetime",
  "localdatetime",
  "localtime",
  "time",
  "duration",
  "vector",
];
const ALLOWED_FUNCTIONS = ["db.nameFromElementId"];
const QUALIFIED_CALL = /(?<![\w.`$])([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+)\s*\(/g;

export const operatorName = (operatorType: string): string => operatorType.replace(/@.*$/, "");

function* walk(plan: PlanLike): Generator<PlanLike> {
  yield plan;
  for (const c of plan.children ?? []) yield* walk(c);
}

function stringArguments(plan: PlanLike): string[] {
  return Object.entries(plan.arguments ?? {})
    .filter(([k, v]) => k !== "string-representation" && typeof v === "string")
    .map(([, v]) => v as string);
}

function functionAllowed(name: string): boolean {
  return ALLOWED_FUNCTIONS.includes(name) || BUILTIN_FUNCTION_NAMESPACES.includes(name.split(".")[0].toLowerCase());
}

export function checkPlan(summary: Pick<ResultSummary, "queryType" | "plan">): void {
  const plan = summary.plan as PlanLike | false;
  if (!plan) throw new AppError("FORBIDDEN", "Neo4j gave no plan for this query, so it cannot be checked.");
  for (const op of walk(plan)) {
    const name = operatorName(op.operatorType);
    if (name === "LoadCSV") throw new AppError("FORBIDDEN", "LOAD CSV is not allowed in the console.");
    if (WRITE_OPERATOR.test(name)) {
      throw new AppError("WRITE_REFUSED", `The console is read-only (the plan has ${name}).`);
    }
    const texts = stringArguments(op);
    if (name === "ProcedureCall") {
      const proc = /^\s*([\w.]+)\s*\(/.exec(String(op.arguments.Details ?? ""))?.[1] ?? "";
      if (!(PROCEDURE_ALLOWLIST as readonly string[]).includes(proc)) {
        throw new AppError("FORBIDDEN", `Procedure ${proc || "(unknown)"} is not allowed in the console.`, {
          allowed: PROCEDURE_ALLOWLIST,
        });
      }
    }
    for (const text of texts) {
      for (const m of text.matchAll(QUALIFIED_CALL)) {
        const fn = m[1];
        if ((PROCEDURE_ALLOWLIST as readonly string[]).includes(fn) || functionAllowed(fn)) continue;
        throw new AppError("FORBIDDEN", `Function ${fn} is not allowed in the console.`);
      }
    }
  }
  // After the walk, so a refused procedure is named rather than reported by its query type.
  if (summary.queryType !== "r") {
    const what = summary.queryType === "s" ? "manages the schema or the system" : "writes";
    throw new AppError("WRITE_REFUSED", `The console is read-only: this query ${what}.`, {
      queryType: summary.queryType,
    });
  }
}
