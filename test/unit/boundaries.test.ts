// The layer rule is enforced by the linter, not by good intentions: this proves the rule bites.
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

describe("the client/server boundary", () => {
  const eslint = new ESLint();

  it("reports an import of server code from client code", async () => {
    const [result] = await eslint.lintText(
      `import { loadConfig } from "../../server/config.ts";\nexport const c = loadConfig;\n`,
      {
        filePath: "client/src/fake-module.ts",
      },
    );
    expect(result.messages.map((m) => m.ruleId)).toContain("no-restricted-imports");
  });

  it("allows the client to import contract types", async () => {
    const [result] = await eslint.lintText(
      `import type { GraphNode } from "../../contract/api.ts";\nexport type N = GraphNode;\n`,
      {
        filePath: "client/src/fake-module.ts",
      },
    );
    expect(result.messages).toEqual([]);
  });
});
