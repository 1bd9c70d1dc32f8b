// The console's two requests: POST api/cypher (abortable: aborting the fetch closes the connection, and the server
// then rolls the transaction back) and GET api/queries (the saved query library). Errors keep the server's
// `details`, which carry the position of a syntax error.
import type { CypherRequest, CypherResponse, ErrorBody, QueriesResponse } from "../../../contract/api.ts";
import { ApiError } from "../api/api-client.ts";

export class ConsoleRequestError extends ApiError {
  readonly details: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(code, message, status);
    this.details = details;
  }
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ConsoleRequestError("NETWORK", "Could not reach the server.", 0);
  }
  if (!res.ok) {
    let body: Partial<ErrorBody> | null;
    try {
      body = (await res.json()) as Partial<ErrorBody>;
    } catch {
      body = null;
    }
    const err = body?.error;
    throw new ConsoleRequestError(
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `The server answered ${res.status} ${res.statusText}.`,
      res.status,
      err?.details,
    );
  }
  return (await res.json()) as T;
}

export function runCypher(req: CypherRequest, signal?: AbortSignal): Promise<CypherResponse> {
  return send<CypherResponse>("api/cypher", {
    method: "POST",
    body: JSON.stringify(req),
    headers: { "Content-Type": "application/json" },
    signal,
  });
}

export function fetchSavedQueries(): Promise<QueriesResponse> {
  return send<QueriesResponse>("api/queries", { method: "GET" });
}
