// What the console says when a query fails: the server's message, where in the query Neo4j found the problem
// (the server corrects the position for the EXPLAIN/PROFILE prefix it adds), and for refusals why the console
// refuses them, so a refused write reads as a policy with a reason, not as a bug.
export interface QueryPosition {
  line: number;
  column: number;
  offset: number;
}

export interface ConsoleProblem {
  /** Short heading: "Syntax error", "Read-only console" ... */
  title: string;
  message: string;
  /** What to do or why, when there is more to say. */
  hint?: string;
  position?: QueryPosition;
}

export function positionFrom(details: unknown): QueryPosition | undefined {
  const p = (details as { position?: unknown } | null | undefined)?.position as Partial<QueryPosition> | undefined;
  if (!p || typeof p.line !== "number" || typeof p.column !== "number" || typeof p.offset !== "number")
    return undefined;
  return { line: p.line, column: p.column, offset: p.offset };
}

export const READ_ONLY_HINT =
  "The console only reads: every query runs in a read transaction, after Neo4j's own plan of it was checked for " +
  "writes, so nothing typed here can change the evidence other analysts rely on. To change the data, edit the " +
  "graph documents and load them with `npm run import`.";

export function describeConsoleError(e: {
  code: string;
  message: string;
  status: number;
  details?: unknown;
}): ConsoleProblem {
  switch (e.code) {
    case "WRITE_REFUSED":
      return { title: "Read-only console", message: e.message, hint: READ_ONLY_HINT };
    case "FORBIDDEN":
      return {
        title: "Not allowed in the console",
        message: e.message,
        hint: "The console runs reading queries and a short list of read-only procedures only.",
      };
    case "QUERY_ERROR": {
      const position = positionFrom(e.details);
      return { title: position ? "Syntax error" : "Query error", message: e.message, position };
    }
    case "QUERY_TIMEOUT":
      return {
        title: "Stopped: out of time",
        message: e.message,
        hint: "Narrow the query (a label, a LIMIT, fewer hops) so it finishes within the server's time limit.",
      };
    case "MEMORY_LIMIT":
      return {
        title: "Stopped: out of memory",
        message: e.message,
        hint: "Return fewer or smaller rows, or aggregate before collecting.",
      };
    case "RATE_LIMITED":
      return { title: "Too many queries", message: e.message, hint: "Wait a minute, then run it again." };
    case "BAD_REQUEST":
      return { title: "Not sent", message: e.message };
    case "NETWORK":
      return { title: "No connection", message: e.message, hint: "Check that the kg-explorer server is running." };
    case "NEO4J_UNAVAILABLE":
      return { title: "Database unavailable", message: e.message };
    default:
      return { title: `Error (${e.code})`, message: e.message };
  }
}
