// Debian's chromium driven by playwright-core, launched the way shared/notes/browser.md says works here (WebGL in
// software: ANGLE on SwiftShader). Every browser is registered for cleanup, so Ctrl+C never leaves one behind.
import { chromium, type Browser } from "playwright-core";
import { onCleanup } from "./lifecycle.ts";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--enable-precise-memory-info",
  "--js-flags=--expose-gc",
];

export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const unregister = onCleanup("chromium", () => browser.close());
  return {
    browser,
    async close() {
      unregister();
      await browser.close();
    },
  };
}
