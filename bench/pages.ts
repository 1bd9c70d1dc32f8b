// Builds the bench's browser pages (bench/baseline-svg, bench/layout-page) with Vite into bench/out/pages.
import { join } from "node:path";
import { build } from "vite";

export const PAGES = ["baseline-svg", "layout-page"] as const;

export async function buildBenchPages(benchDir: string, outDir: string): Promise<Record<string, string>> {
  const mounts: Record<string, string> = {};
  for (const name of PAGES) {
    const dest = join(outDir, "pages", name);
    await build({
      configFile: false,
      root: join(benchDir, name),
      base: "./",
      logLevel: "warn",
      build: { outDir: dest, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
    });
    mounts[`/bench/${name}`] = dest;
  }
  return mounts;
}
