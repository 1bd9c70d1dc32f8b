// Plain Node (no dependencies): runs before anything else so a fresh clone's `npm start` / `npm test` work alone.
// Installs node_modules when missing or older than package-lock.json, and rebuilds the client when its sources
// are newer than the last build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..", "..");

function mtime(p) {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir) {
  let max = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : mtime(p));
  }
  return max;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

export function ensureDependencies() {
  const marker = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(marker) || mtime(join(root, "package-lock.json")) > mtime(marker)) {
    console.log("Installing dependencies (npm ci)...");
    run("npm", ["ci", "--no-audit", "--no-fund"]);
  }
}

export function ensureClientBuilt() {
  const built = mtime(join(root, "dist", "client", "index.html"));
  const sources = Math.max(
    newest(join(root, "client")),
    newest(join(root, "contract")),
    mtime(join(root, "vite.config.ts")),
  );
  if (built === 0 || sources > built) {
    console.log("Building the client (vite build)...");
    run("npx", ["vite", "build", "--logLevel", "warn"]);
  }
}

if (process.argv[1] === import.meta.filename) {
  ensureDependencies();
  if (process.argv.includes("--client")) ensureClientBuilt();
}
