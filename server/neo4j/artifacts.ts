// Gets the Neo4j Community jar set from Maven Central once (neo4j.com is out of reach here) and caches it
// outside git. Checks the tools it needs first so a missing Java or Maven says so instead of failing later.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.ts";

export const ENTRY_POINT_CLASS = "org.neo4j.server.CommunityEntryPoint";
const COMPLETE_MARKER = ".complete";

type Log = (msg: string) => void;

/** Java 17+ is what Neo4j 5.26 runs on; returns the `java` command or throws with what to install. */
export function checkJava(): string {
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? join(javaHome, "bin", "java") : "java";
  const r = spawnSync(java, ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new AppError(
      "NEO4J_START_FAILED",
      `Java was not found (${java}). Neo4j 5.26 needs Java 17 or 21: install it (Debian: apt-get install openjdk-17-jre-headless), ` +
        "or set NEO4J_URI to use a Neo4j you already run.",
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? (m[1] === "1" ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) {
    throw new AppError(
      "NEO4J_START_FAILED",
      `Java ${major || "(unknown version)"} found; Neo4j 5.26 needs Java 17 or 21.`,
    );
  }
  return java;
}

function checkMaven(): void {
  const r = spawnSync("mvn", ["-v"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new AppError(
      "NEO4J_START_FAILED",
      "Maven (mvn) was not found: it fetches Neo4j from Maven Central on first start. Install Maven 3.8+ " +
        "(Debian: apt-get install maven), or set NEO4J_URI to use a Neo4j you already run.",
    );
  }
}

/** The central directory of a jar stores entry names uncompressed, so a byte search finds a class. */
export function jarSetHasClass(libDir: string, className: string): boolean {
  const entry = Buffer.from(className.replaceAll(".", "/") + ".class");
  return readdirSync(libDir)
    .filter((f) => f.endsWith(".jar"))
    .some((f) => readFileSync(join(libDir, f)).includes(entry));
}

function pom(version: string): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.kg-explorer</groupId><artifactId>neo4j-jars</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>${version}</version></dependency>
  </dependencies>
</project>
`;
}

/** Returns the folder holding the complete jar set, fetching it first when absent. */
export async function ensureNeo4jArtifacts(opts: { cacheDir: string; version: string; log: Log }): Promise<string> {
  const home = join(opts.cacheDir, `neo4j-${opts.version}`);
  const lib = join(home, "lib");
  if (existsSync(join(home, COMPLETE_MARKER))) return lib;

  checkMaven();
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, "pom.xml"), pom(opts.version));
  const staging = join(home, "lib.partial");
  rmSync(staging, { recursive: true, force: true });
  opts.log(`Fetching Neo4j ${opts.version} from Maven Central into ${home} (once; about 120 MB)...`);

  const tail: string[] = [];
  let downloaded = 0;
  const code = await new Promise<number>((resolve) => {
    const mvn = spawn(
      "mvn",
      [
        "-B",
        "-f",
        join(home, "pom.xml"),
        "dependency:copy-dependencies",
        `-DoutputDirectory=${staging}`,
        "-DincludeScope=runtime",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (/Downloaded from/.test(line)) {
          downloaded++;
          if (downloaded % 20 === 0) opts.log(`  ... ${downloaded} files downloaded`);
        }
      }
    };
    mvn.stdout.on("data", onData);
    mvn.stderr.on("data", onData);
    mvn.on("error", () => resolve(127));
    mvn.on("close", (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    const text = tail.join("\n");
    const offline = /UnknownHost|Could not transfer|Connection refused|timed out|Network is unreachable/i.test(text);
    throw new AppError(
      "NEO4J_START_FAILED",
      (offline
        ? "Could not reach Maven Central to fetch Neo4j. Check the network (or a proxy in ~/.m2/settings.xml), " +
          "or set NEO4J_URI to use a Neo4j you already run."
        : `Maven failed (exit ${code}) while fetching Neo4j ${opts.version}.`) + `\nLast Maven output:\n${text}`,
    );
  }
  if (!jarSetHasClass(staging, ENTRY_POINT_CLASS)) {
    throw new AppError("NEO4J_START_FAILED", `The fetched jar set has no ${ENTRY_POINT_CLASS}: cannot start Neo4j.`);
  }
  rmSync(lib, { recursive: true, force: true });
  renameSync(staging, lib);
  writeFileSync(join(home, COMPLETE_MARKER), new Date().toISOString());
  opts.log(`Neo4j ${opts.version}: ${readdirSync(lib).length} jars ready (${downloaded} files downloaded).`);
  return lib;
}
