import { describe, expect, it } from "vitest";
import type { ExportGraph } from "./export-graph.ts";
import { escapeXml, toGraphml } from "./graphml.ts";

const GRAPH: ExportGraph = {
  nodes: [
    { id: "a", labels: ["Entity", "ArmedGroup"], name: "ISIS-K <Khorasan>", properties: {}, x: 1, y: 2 },
    { id: "b", labels: ["Entity", "Event"], name: "Crocus & co", properties: { deathToll: 137 } },
  ],
  edges: [
    {
      id: "a-b",
      type: "CARRIED_OUT",
      source: "a",
      target: "b",
      properties: {},
      evidence: [
        {
          source: "s1",
          quote: 'He said "it was them" & left',
          attributedTo: null,
          modality: "asserted",
          reportedAt: null,
        },
      ],
    },
  ],
  sources: [
    {
      id: "s1",
      title: "Why <ISIS>",
      outlet: "Arab News",
      author: null,
      published: null,
      publishedPrecision: null,
      factCount: 1,
    },
  ],
};

describe("escapeXml", () => {
  it("escapes the five XML characters and drops characters XML cannot hold", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u0007c\td")).toBe("abc\td");
  });
});

describe("toGraphml", () => {
  it("declares every key it uses before the graph", () => {
    const xml = toGraphml(GRAPH);
    const declared = new Set([...xml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...xml.matchAll(/<data key="([^"]+)"/g)].map((m) => m[1]));
    for (const k of used) expect(declared.has(k)).toBe(true);
    expect(xml.indexOf("<key ")).toBeLessThan(xml.indexOf("<graph "));
  });

  it("carries the quotes and the source titles, escaped", () => {
    const xml = toGraphml(GRAPH);
    expect(xml).toContain("He said &quot;it was them&quot; &amp; left");
    expect(xml).toContain("Why &lt;ISIS&gt; (Arab News)");
    expect(xml).toContain('<node id="a">');
    expect(xml).toContain("ISIS-K &lt;Khorasan&gt;");
    expect(xml).not.toMatch(/<[^/?a-z]/);
  });
});
