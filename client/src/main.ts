// Placeholder entry until the explorer UI lands: shows the server's health so the page proves the stack works.
import type { HealthResponse } from "../../contract/api.ts";

const app = document.getElementById("app")!;
const res = await fetch("api/health");
const health = (await res.json()) as HealthResponse;
app.textContent = `kg-explorer — Neo4j ${health.neo4j.version ?? "unreachable"} (${health.status})`;
