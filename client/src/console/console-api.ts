// The console's two requests: POST api/cypher (abortable: aborting the fetch closes the connection, and the server
// then rolls the transaction back) and GET api/queries (the saved query library). Errors keep the server's
// `details`, which carry the position of a syntax error.
import type { CypherRequest, CypherResponse, QueriesResponse } from "../../../contract/api.ts";
import { ApiError, requestJson } from "../api/api-client.ts";

/** Console failures are ApiErrors; the name stays for the panel, which reads `details` (a syntax error's position). */
export { ApiError as ConsoleRequestError };

export function runCypher(req: CypherRequest, signal?: AbortSignal): Promise<CypherResponse> {
  return requestJson<CypherResponse>("api/cypher", {
    method: "POST",
    body: JSON.stringify(req),
    headers: { "Content-Type": "application/json" },
    signal,
  });
}

export function fetchSavedQueries(): Promise<QueriesResponse> {
  return requestJson<QueriesResponse>("api/queries", { method: "GET" });
}
