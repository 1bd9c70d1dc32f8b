// POST /api/cypher: runs a user's query read-only, in layers. (1) text checks that can only add refusals;
// (2) Neo4j's EXPLAIN of the query, in the same READ transaction, decides (plan-checks.ts); (3) the query runs,
// unchanged but for an `EXPLAIN `/`PROFILE ` prefix we add, in an explicit READ transaction (never retried) with a
// per-transaction timeout, under Neo4j's memory cap; (4) results stream in and are cut at row and byte caps;
// (5) a client that goes away rolls the transaction back. A watchdog answers 504 if Neo4j overruns its timeout.
import neo4j, {
  type Node,
  type Record as Neo4jRecord,
  type ResultSummary,
  type Session,
  type Transaction,
} from "neo4j-driver";
import type { CypherRequest, CypherResponse, PropertyValue } from "../../../contract/api.ts";
import type { Config } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { cypher } from "../../neo4j/cypher-files.ts";
import type { Database } from "../../neo4j/database.ts";
import { toAppError } from "../../neo4j/neo4j-errors.ts";
import { estimateJsonBytes, GraphCollector, toJsonValue } from "../../neo4j/serialize.ts";
import { checkPlan } from "./plan-checks.ts";
import { toPlanNode } from "./plan-tree.ts";
import { checkQueryText } from "./query-text-checks.ts";

/** Extra time Neo4j gets to honour its own timeout before we stop waiting for it. */
export const WATCHDOG_GRACE_MS = 3_000;
const PREFIX = { explain: "EXPLAIN ", profile: "PROFILE " } as const;

/** JSON numbers arrive as floats in Cypher; whole ones become Integers so `LIMIT $n` and `id = $n` work. */
export function toCypherParams(v: unknown): unknown {
  if (typeof v === "number" && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toCypherParams);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toCypherParams(x)]));
  }
  return v;
}

function summaryOf(s: ResultSummary, caps: { rows: number; bytes: number }): CypherResponse["summary"] {
  const counters: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.counters.updates())) counters[k] = Number(v);
  const ms = (v: unknown) => (v === null || v === undefined ? null : Number(toJsonValue(v)));
  return {
    queryType: s.queryType,
    resultAvailableAfterMs: ms(s.resultAvailableAfter),
    resultConsumedAfterMs: ms(s.resultConsumedAfter),
    counters,
    notifications: s.notifications.map((n) => ({
      code: n.code,
      title: n.title,
      description: n.description,
      severity: String(n.severityLevel ?? ""),
    })),
    truncated: false,
    caps,
  };
}

export interface ConsoleRun {
  requestId: string;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}

export async function runConsoleQuery(
  db: Database,
  config: Config,
  req: CypherRequest,
  run: ConsoleRun,
): Promise<CypherResponse> {
  checkQueryText(req.query);
  const params = toCypherParams(req.params ?? {}) as Record<string, unknown>;
  const mode = req.mode ?? "run";
  const caps = { rows: config.query.maxRows, bytes: config.query.maxBytes };
  const session: Session = db.readSession();
  let tx: Transaction | null = null;
  let finished = false;
  // Bolt handles one message at a time per connection, so a ROLLBACK waits behind a running query: a query whose
  // client left (or that overran the watchdog) is ended on the server from another session instead.
  const terminate = async () => {
    const admin = db.writeSession();
    try {
      const found = await admin.run(cypher("api/console-transactions"), { requestId: run.requestId });
      const ids = found.records.map((r) => r.get("transactionId") as string);
      if (ids.length > 0) await admin.run(cypher("api/terminate-transactions"), { ids });
    } catch {
      // Best effort: on a database where we may not terminate, the transaction timeout still ends it.
    } finally {
      await admin.close().catch(() => undefined);
    }
  };
  const teardown = async () => {
    if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  };

  const work = async (): Promise<CypherResponse> => {
    tx = session.beginTransaction({
      timeout: config.query.timeoutMs,
      metadata: { app: "kg-explorer", kind: "console", requestId: run.requestId },
    });
    let prefixLength = PREFIX.explain.length;
    try {
      const explaining = tx.run(PREFIX.explain + req.query, params);
      const explainedKeys = (await explaining.keys()).map(String);
      const explained = await explaining;
      checkPlan(explained.summary);
      if (mode === "explain") {
        const summary = summaryOf(explained.summary, caps);
        return {
          columns: explainedKeys,
          rows: [],
          graph: { nodes: [], edges: [] },
          summary: { ...summary, plan: explained.summary.plan ? toPlanNode(explained.summary.plan, false) : undefined },
        };
      }
      prefixLength = mode === "profile" ? PREFIX.profile.length : 0;
      const result = tx.run(mode === "profile" ? PREFIX.profile + req.query : req.query, params);
      const collector = new GraphCollector();
      const rows: PropertyValue[][] = [];
      let bytes = 0;
      let truncatedBy: "rows" | "bytes" | undefined;
      const it = result[Symbol.asyncIterator]();
      let step = await it.next();
      while (!step.done) {
        if (run.signal.aborted) throw new AppError("BAD_REQUEST", "The client went away.");
        if (rows.length >= caps.rows) {
          truncatedBy = "rows";
          break;
        }
        const record = step.value as Neo4jRecord;
        if (
          estimateJsonBytes(
            record.keys.map((k) => record.get(k)),
            caps.bytes - bytes,
          ) >
          caps.bytes - bytes
        ) {
          truncatedBy = "bytes";
          break;
        }
        const row = record.keys.map((k) => collector.addValue(record.get(k)));
        bytes += Buffer.byteLength(JSON.stringify(row));
        if (bytes > caps.bytes) {
          truncatedBy = "bytes";
          break;
        }
        rows.push(row);
        step = await it.next();
      }
      // Cutting the stream cancels the rest on the server; the driver then hands over the summary.
      const summary = (step.done ? step.value : (await it.return!()).value) as ResultSummary;
      const keys = (await result.keys()).map(String);
      const missing = collector.missingEndpoints();
      if (missing.length > 0) {
        const ends = await tx.run(cypher("api/nodes-by-element-ids"), { elementIds: missing });
        collector.resolve(ends.records.map((r) => r.get("n") as Node));
      } else collector.resolve([]);
      const out = summaryOf(summary, caps);
      out.truncated = truncatedBy !== undefined;
      if (truncatedBy) out.truncatedBy = truncatedBy;
      if (mode === "profile" && summary.profile) out.plan = toPlanNode(summary.profile, !truncatedBy);
      return { columns: keys, rows, graph: collector.graph(), summary: out };
    } catch (e) {
      throw toAppError(e, { prefixLength });
    }
  };

  const workPromise = work();
  const watchdog = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => {
      reject(new AppError("QUERY_TIMEOUT", "The query ran out of time and was stopped."));
      void terminate();
    }, config.query.timeoutMs + WATCHDOG_GRACE_MS);
    const clear = () => clearTimeout(timer);
    run.signal.addEventListener("abort", () => {
      clear();
      if (!finished) void terminate().then(teardown);
    });
    void workPromise.finally(clear).catch(() => undefined);
  });
  try {
    return await Promise.race([workPromise, watchdog]);
  } finally {
    finished = true;
    await teardown();
  }
}
