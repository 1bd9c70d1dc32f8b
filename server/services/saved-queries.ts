// GET /api/queries: the saved query library (cypher/queries/*.cypher), read on each request so edits show up.
import type { QueriesResponse } from "../../contract/api.ts";
import { savedQueries } from "../neo4j/cypher-files.ts";

export function listSavedQueries(): QueriesResponse {
  return {
    queries: savedQueries().map(({ name, title, description, query }) => ({ name, title, description, query })),
  };
}
