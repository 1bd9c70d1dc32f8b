import { describe, expect, it } from "vitest";
import neo4j from "neo4j-driver";
import { estimateJsonBytes } from "./serialize.ts";

describe("estimateJsonBytes", () => {
  it("stays close to the JSON size of ordinary values", () => {
    const v = { name: "ISIS-K", aliases: ["ISKP", "IS-K"], n: neo4j.int(42), ok: true };
    const actual = JSON.stringify({ name: "ISIS-K", aliases: ["ISKP", "IS-K"], n: 42, ok: true }).length;
    const est = estimateJsonBytes(v, 1_000_000);
    expect(est).toBeGreaterThan(actual / 2);
    expect(est).toBeLessThan(actual * 3);
  });

  it("stops early on a huge list instead of walking all of it", () => {
    let reads = 0;
    const huge = new Proxy(
      Array.from({ length: 3_000_000 }, (_, i) => neo4j.int(i)),
      {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    expect(estimateJsonBytes([huge], 4096)).toBeGreaterThan(4096);
    expect(reads).toBeLessThan(5_000);
  });
});
