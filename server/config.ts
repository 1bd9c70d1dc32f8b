// Reads and validates every setting once, at start, so a bad value fails loudly before anything runs.
// Everything downstream receives the resulting object; nothing else reads process.env.
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { AppError } from "./errors.ts";

export const NEO4J_VERSION = "5.26.30" as const;
export const PROJECT_ROOT = resolve(import.meta.dirname, "..");

const intFrom = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const UNIT_BYTES: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
/** Neo4j's own start-up runs under the per-transaction cap too: with 1m it could not initialise its system database
 *  and exited with only a stack trace in its log (measured); 4m started. 0 means no cap. */
const MIN_QUERY_MEMORY_BYTES = 4 * 1024 ** 2;
const sizeBytes = (v: string) => Number(v.replace(/[kmg]$/, "")) * (UNIT_BYTES[v.slice(-1)] ?? 1);

const EnvSchema = z.object({
  PORT: intFrom(3000, 0, 65535),
  HOST: z.string().min(1).default("127.0.0.1"),
  ACCESS_TOKEN: z.string().min(16).optional(),
  ALLOWED_HOSTS: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/.+/, "must be a bolt:// or neo4j:// URI")
    .optional(),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().default("neo4j"),
  NEO4J_BOLT_PORT: intFrom(7687, 0, 65535),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/)
    .default("1g"),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/)
    .default("1g"),
  KG_DATA_DIR: z.string().optional(),
  KG_CACHE_DIR: z.string().optional(),
  QUERY_TIMEOUT_MS: intFrom(15_000, 100, 600_000),
  QUERY_MAX_ROWS: intFrom(5_000, 1, 1_000_000),
  // 4 MB: a capped answer is built as one JSON string, and at 8 MB the server peaked about 100 MB higher.
  QUERY_MAX_BYTES: intFrom(4 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  QUERY_MAX_MEMORY: z
    .string()
    .regex(/^\d+[kmg]?$/, "must be a size such as 512m or 2g")
    .refine(
      (v) => sizeBytes(v) === 0 || sizeBytes(v) >= MIN_QUERY_MEMORY_BYTES,
      "must be 0 (no cap) or at least 4m: Neo4j's own start-up runs under this cap, and it cannot start with less",
    )
    .default("512m"),
  CYPHER_RATE_LIMIT: intFrom(60, 1, 100_000),
});

export interface Config {
  port: number;
  host: string;
  /** null while bound to loopback: a token is then not required. */
  accessToken: string | null;
  accessTokenGenerated: boolean;
  allowedHosts: string[];
  /** Express `trust proxy`: true, a hop count, or addresses/subnets (loopback, 10.0.0.0/8, ...). */
  trustProxy: string | number | boolean;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  neo4j: {
    /** null: start and manage a local Neo4j. */
    external: { uri: string; username: string; password: string } | null;
    database: string;
    boltPort: number;
    heap: string;
    pagecache: string;
    version: typeof NEO4J_VERSION;
    dataDir: string;
    cacheDir: string;
  };
  query: { timeoutMs: number; maxRows: number; maxBytes: number; maxMemory: string; rateLimitPerMinute: number };
  clientDist: string;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith("127.");
}

/** Express reads a string as a list of addresses, so "true" and hop counts must become boolean and number. */
function trustProxyValue(v: string | undefined): string | number | boolean {
  if (!v || v === "false") return false;
  if (v === "true") return true;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new AppError("CONFIG_INVALID", `Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI && e.NEO4J_PASSWORD === undefined) {
    throw new AppError(
      "CONFIG_INVALID",
      "NEO4J_URI is set but NEO4J_PASSWORD is not: set both, or neither to run a local Neo4j.",
    );
  }
  const loopback = isLoopbackHost(e.HOST);
  const accessToken = loopback ? (e.ACCESS_TOKEN ?? null) : (e.ACCESS_TOKEN ?? randomBytes(24).toString("base64url"));
  const allowedHosts = (e.ALLOWED_HOSTS ?? "localhost,127.0.0.1,[::1]")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (!loopback && !e.ALLOWED_HOSTS) allowedHosts.push(e.HOST.toLowerCase());
  const dataDir = resolve(e.KG_DATA_DIR ?? join(PROJECT_ROOT, ".kg"));
  return {
    port: e.PORT,
    host: e.HOST,
    accessToken,
    accessTokenGenerated: !loopback && !e.ACCESS_TOKEN,
    allowedHosts,
    trustProxy: trustProxyValue(e.TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    neo4j: {
      external: e.NEO4J_URI ? { uri: e.NEO4J_URI, username: e.NEO4J_USERNAME, password: e.NEO4J_PASSWORD ?? "" } : null,
      database: e.NEO4J_DATABASE,
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
      pagecache: e.NEO4J_PAGECACHE,
      version: NEO4J_VERSION,
      dataDir,
      cacheDir: resolve(e.KG_CACHE_DIR ?? join(homedir(), ".cache", "kg-explorer")),
    },
    query: {
      timeoutMs: e.QUERY_TIMEOUT_MS,
      maxRows: e.QUERY_MAX_ROWS,
      maxBytes: e.QUERY_MAX_BYTES,
      maxMemory: e.QUERY_MAX_MEMORY,
      rateLimitPerMinute: e.CYPHER_RATE_LIMIT,
    },
    clientDist: join(PROJECT_ROOT, "dist", "client"),
  };
}
