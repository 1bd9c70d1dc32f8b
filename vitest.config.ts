// Two projects: `unit` (no database, runs in parallel) and `db` (integration, security and browser tests, one file
// at a time against one real Neo4j started by the global setup; tests that must stop a database start their own).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["server/**/*.test.ts", "client/**/*.test.ts", "contract/**/*.test.ts", "test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "db",
          include: ["test/integration/**/*.test.ts", "test/security/**/*.test.ts", "test/e2e/**/*.test.ts"],
          globalSetup: ["test/setup/global-neo4j.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
