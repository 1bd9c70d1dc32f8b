// The one place the browser talks HTTP: typed wrappers over the /api routes of contract/api.ts, one error type
// carrying the server's `{error:{code,message}}`, and abort support so stale searches never land.
import type {
  DetailsRequest,
  DetailsResponse,
  ErrorBody,
  GraphColumns,
  NeighborsResponse,
  NodeDetail,
  SchemaResponse,
  SearchResponse,
  SourceDetail,
  SourcesResponse,
  TimelineResponse,
} from "../../../contract/api.ts";
import { decodeGraphColumns, type ViewGraph } from "./decode-graph-columns.ts";

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** The server's `error.details` (e.g. a syntax error's position), when it sent any. */
  readonly details: unknown;
  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Turns a failure into a sentence that says what to do next, for banners and panels. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return `${e.message} Check that the kg-explorer server is running, then reload the page.`;
    if (e.code === "NEO4J_UNAVAILABLE" || e.status === 503)
      return `${e.message} The database is not reachable: check the server's log, then retry.`;
    if (e.status === 404 && e.code === "NOT_FOUND") return `${e.message}`;
    return `${e.message} (${e.code})`;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Every request of the client goes through here: one place for network failures and the server's error shape. */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { Accept: "application/json", ...init.headers } });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError("NETWORK", "Could not reach the server.", 0);
  }
  if (!res.ok) {
    let body: Partial<ErrorBody> | null;
    try {
      body = (await res.json()) as Partial<ErrorBody>;
    } catch {
      body = null;
    }
    const err = body?.error;
    throw new ApiError(
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `The server answered ${res.status} ${res.statusText} for ${path}.`,
      res.status,
      err?.details,
    );
  }
  return (await res.json()) as T;
}

const getJson = <T>(path: string, signal?: AbortSignal): Promise<T> => requestJson<T>(path, { signal });

const enc = encodeURIComponent;

export const api = {
  /** The starting view; `limit` (nodes, the server clamps it) defaults to the server's. Fetched in the compact
   *  columns form and decoded; in big views long text is deferred (marked elements, see `details`). */
  graph: async (opts: { limit?: number } = {}, signal?: AbortSignal): Promise<ViewGraph> =>
    decodeGraphColumns(
      await getJson<GraphColumns>(`api/graph?format=columns${opts.limit ? `&limit=${opts.limit}` : ""}`, signal),
    ),
  /** Whole nodes and edges (every property, quotes) of a deferred view; at most DETAILS_BATCH of each. */
  details: (req: DetailsRequest) =>
    requestJson<DetailsResponse>("api/details", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(req),
    }),
  schema: () => getJson<SchemaResponse>("api/schema"),
  search: (q: string, signal?: AbortSignal) => getJson<SearchResponse>(`api/search?q=${enc(q)}&limit=12`, signal),
  node: (id: string) => getJson<NodeDetail>(`api/nodes/${enc(id)}`),
  neighbors: (id: string, opts: { labels?: string[]; types?: string[]; limit?: number } = {}) => {
    const q = new URLSearchParams();
    if (opts.labels?.length) q.set("labels", opts.labels.join(","));
    if (opts.types?.length) q.set("types", opts.types.join(","));
    if (opts.limit) q.set("limit", String(opts.limit));
    const qs = q.toString();
    return getJson<NeighborsResponse>(`api/nodes/${enc(id)}/neighbors${qs ? `?${qs}` : ""}`);
  },
  sources: () => getJson<SourcesResponse>("api/sources"),
  source: (id: string) => getJson<SourceDetail>(`api/sources/${enc(id)}`),
  /** Every event with its date claims and dated reports (the timeline). */
  timeline: (signal?: AbortSignal) => getJson<TimelineResponse>("api/timeline", signal),
};
