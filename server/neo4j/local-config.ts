// The generated configuration of the managed Neo4j: loopback Bolt only, no HTTP, authentication on,
// no file URLs for LOAD CSV and an empty import folder, bounded transactions, memory sized for 2 cores / 24 GiB.
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

export interface LocalLayout {
  home: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  import: string;
  plugins: string;
  passwordFile: string;
  pidFile: string;
}

export function localLayout(home: string): LocalLayout {
  return {
    home,
    conf: join(home, "conf"),
    data: join(home, "data"),
    logs: join(home, "logs"),
    run: join(home, "run"),
    import: join(home, "import"),
    plugins: join(home, "plugins"),
    passwordFile: join(home, "password"),
    pidFile: join(home, "run", "kg-neo4j.pid"),
  };
}

/** Procedures the app and console may call; everything else is hidden by Neo4j itself. */
export const PROCEDURE_ALLOWLIST = [
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "db.awaitIndexes",
  "db.ping",
  "dbms.components",
] as const;

export interface LocalSettings {
  boltPort: number;
  heap: string;
  pagecache: string;
  txTimeoutMs: number;
  txMemoryMax: string;
  /** All transactions together; the app's default suits the UI, a bulk import of a million relationships does not. */
  txMemoryTotalMax?: string;
}

export function neo4jConf(l: LocalLayout, s: LocalSettings): string {
  const lines: Record<string, string> = {
    "server.default_listen_address": "127.0.0.1",
    "server.bolt.enabled": "true",
    "server.bolt.listen_address": `127.0.0.1:${s.boltPort}`,
    "server.bolt.advertised_address": `127.0.0.1:${s.boltPort}`,
    "server.http.enabled": "false",
    "server.https.enabled": "false",
    "dbms.security.auth_enabled": "true",
    // No lockout after failed logins: the generated password (144 random bits) cannot be guessed, while a lockout
    // let any local process, or a web page opening a Bolt WebSocket, lock the app's own user out with 3 bad tries.
    "dbms.security.auth_max_failed_attempts": "0",
    "dbms.usage_report.enabled": "false",
    "dbms.security.allow_csv_import_from_file_urls": "false",
    "server.directories.data": l.data,
    "server.directories.logs": l.logs,
    "server.directories.run": l.run,
    "server.directories.import": l.import,
    "server.directories.plugins": l.plugins,
    "server.directories.transaction.logs.root": join(l.data, "transactions"),
    "server.memory.pagecache.size": s.pagecache,
    "db.transaction.timeout": `${Math.ceil(s.txTimeoutMs / 1000) + 5}s`,
    "db.memory.transaction.max": s.txMemoryMax,
    "dbms.memory.transaction.total.max": s.txMemoryTotalMax ?? "2g",
    "dbms.security.procedures.allowlist": PROCEDURE_ALLOWLIST.join(","),
    "db.tx_log.rotation.retention_policy": "2 files",
  };
  return (
    Object.entries(lines)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n"
  );
}

const LOG_XML = (appender: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="ERROR" monitorInterval="0" packages="org.neo4j.logging.log4j">
  <Appenders>
${appender}
  </Appenders>
  <Loggers><Root level="INFO"><AppenderRef ref="File"/></Root></Loggers>
</Configuration>
`;

export function writeLocalConfig(l: LocalLayout, s: LocalSettings): void {
  for (const d of [l.conf, l.data, l.logs, l.run, l.import, l.plugins]) mkdirSync(d, { recursive: true });
  writeFileSync(join(l.conf, "neo4j.conf"), neo4jConf(l, s));
  writeFileSync(
    join(l.conf, "user-logs.xml"),
    LOG_XML(`    <RandomAccessFile name="File" fileName="\${config:server.directories.logs}/neo4j.log">
      <PatternLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p %m%n"/>
    </RandomAccessFile>`),
  );
  writeFileSync(
    join(l.conf, "server-logs.xml"),
    LOG_XML(`    <RollingRandomAccessFile name="File" fileName="\${config:server.directories.logs}/debug.log"
        filePattern="\${config:server.directories.logs}/debug.log.%02i">
      <Neo4jDebugLogLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p [%c{1.}] %m%n"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy fileIndex="min" max="3"/>
    </RollingRandomAccessFile>`),
  );
}
