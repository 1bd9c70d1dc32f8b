// Turns driver and server errors into our AppError codes, so no Neo4j internals (stack, class names) reach a client.
// Codes observed on Neo4j 5.26: TransactionTimedOutClientConfiguration (our per-transaction timeout),
// MemoryPoolOutOfMemoryError (db.memory.transaction.max), SyntaxError with "(line L, column C (offset: O))".
import { AppError } from "../errors.ts";

interface DriverError {
  code?: string;
  message?: string;
}

export interface QueryPosition {
  line: number;
  column: number;
  offset: number;
}

/** Neo4j puts the position in the message; `prefixLength` removes what the server itself put in front. */
export function positionOf(message: string, prefixLength = 0): QueryPosition | undefined {
  const m = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(message);
  if (!m) return undefined;
  const line = Math.max(1, Number(m[1]));
  const column = Number(m[2]) - (line === 1 ? prefixLength : 0);
  return { line, column: Math.max(1, column), offset: Math.max(0, Number(m[3]) - prefixLength) };
}

/** The first line of a Neo4j message, without the echoed query and caret Neo4j appends. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").slice(0, 500);
}

export function isTimeout(code: string): boolean {
  return code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut");
}

export function toAppError(e: unknown, opts: { prefixLength?: number } = {}): AppError {
  if (e instanceof AppError) return e;
  const err = (e ?? {}) as DriverError;
  const code = err.code ?? "";
  const message = err.message ?? "";
  if (code === "ServiceUnavailable" || code === "SessionExpired" || code.startsWith("Neo.TransientError.Database")) {
    return new AppError("NEO4J_UNAVAILABLE", "Neo4j is not reachable right now. Try again in a moment.");
  }
  if (isTimeout(code)) {
    return new AppError("QUERY_TIMEOUT", "The query ran out of time and was stopped.", { neo4jCode: code });
  }
  if (code === "Neo.TransientError.General.MemoryPoolOutOfMemoryError" || code.endsWith("OutOfMemoryError")) {
    return new AppError("MEMORY_LIMIT", "The query needed more memory than allowed and was stopped.", {
      neo4jCode: code,
    });
  }
  if (code === "Neo.ClientError.Statement.AccessMode" || code.startsWith("Neo.ClientError.Security.")) {
    return new AppError("WRITE_REFUSED", "The console is read-only.", { neo4jCode: code });
  }
  if (code === "Neo.ClientError.Statement.SyntaxError") {
    // The position in Neo4j's text counts our prefix; the corrected one is in details.
    return new AppError("QUERY_ERROR", firstLine(message).replace(/\s*\(line \d+, column \d+ \(offset: \d+\)\)/, ""), {
      neo4jCode: code,
      position: positionOf(message, opts.prefixLength),
    });
  }
  if (code.startsWith("Neo.ClientError.")) {
    return new AppError("QUERY_ERROR", firstLine(message), { neo4jCode: code });
  }
  if (code === "Neo.TransientError.Transaction.Terminated" || code === "Neo.ClientError.Transaction.Terminated") {
    return new AppError("QUERY_TIMEOUT", "The query was stopped.", { neo4jCode: code });
  }
  // Any other transient error (e.g. General.DatabaseUnavailable while Neo4j shuts down or starts) means "try again":
  // 503, not a 500 (neo4j-outage.test.ts saw a 500 on /api/schema during a stop).
  if (code.startsWith("Neo.TransientError.")) {
    return new AppError("NEO4J_UNAVAILABLE", "Neo4j is not reachable right now. Try again in a moment.", {
      neo4jCode: code,
    });
  }
  return new AppError("INTERNAL", "Internal error. The server log has the details.");
}
