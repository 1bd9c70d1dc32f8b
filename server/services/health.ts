// What /api/health reports: whether Neo4j answers a query on the target database right now, and what it is.
import type { HealthResponse } from "../../contract/api.ts";
import type { Database } from "../neo4j/database.ts";

export async function checkHealth(
  db: Database,
  opts: { managed: boolean; startedAt: number },
): Promise<HealthResponse> {
  const uptimeSeconds = Math.round((Date.now() - opts.startedAt) / 1000);
  try {
    await db.ping(1_500);
    const info = await db.serverInfo();
    return {
      status: "ok",
      neo4j: {
        connected: true,
        version: info.version,
        edition: info.edition,
        database: db.name,
        managed: opts.managed,
      },
      uptimeSeconds,
    };
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      status: "degraded",
      neo4j: {
        connected: false,
        version: null,
        edition: null,
        database: db.name,
        managed: opts.managed,
        error: code === "ServiceUnavailable" || !code ? "Neo4j is not reachable." : `Neo4j error ${code}.`,
      },
      uptimeSeconds,
    };
  }
}
