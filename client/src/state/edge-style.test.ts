import { describe, expect, it } from "vitest";
import type { Evidence } from "../../../contract/api.ts";
import { edgeWidth, sourceCountOf, supportOf } from "./edge-style.ts";
import { generatedColor, primaryType, TypeColors } from "./type-colors.ts";
import { buildScale, colorOnScale } from "./style-rules.ts";

const ev = (source: string, modality: Evidence["modality"]): Evidence => ({
  source,
  quote: "q",
  attributedTo: null,
  modality,
  reportedAt: null,
});

describe("supportOf", () => {
  it("is contested when anyone denies or disputes, unconfirmed when only claimed/alleged/suspected", () => {
    expect(supportOf([ev("a", "asserted"), ev("b", "denied")])).toBe("contested");
    expect(supportOf([ev("a", "claimed"), ev("b", "alleged")])).toBe("unconfirmed");
    expect(supportOf([ev("a", "asserted"), ev("b", "alleged")])).toBe("stated");
    expect(supportOf([])).toBe("stated");
  });
});

describe("sourceCountOf and edgeWidth", () => {
  it("prefers the stored sourceCount and otherwise counts distinct sources", () => {
    expect(sourceCountOf({ sourceCount: 3 }, [])).toBe(3);
    expect(sourceCountOf({}, [ev("a", "asserted"), ev("a", "claimed"), ev("b", "asserted")])).toBe(2);
    expect(edgeWidth(3)).toBeGreaterThan(edgeWidth(1));
  });
});

describe("type colours", () => {
  it("uses the schema colour when known and a stable generated one otherwise", () => {
    const c = new TypeColors();
    c.setSchemaColors([{ label: "Person", color: "#0072B2" }]);
    expect(c.colorOf("Person")).toBe("#0072B2");
    expect(c.colorOf("Spaceship")).toBe(generatedColor("Spaceship"));
    expect(generatedColor("Spaceship")).toMatch(/^#[0-9a-f]{6}$/);
    expect(generatedColor("Spaceship")).not.toBe(generatedColor("Planet"));
  });
  it("colours a node by its specific label, not the generic Entity", () => {
    expect(primaryType(["Entity", "ArmedGroup"])).toBe("ArmedGroup");
    expect(primaryType(["Movie"])).toBe("Movie");
    expect(primaryType([])).toBe("Unlabelled");
  });
});

describe("style rules", () => {
  it("maps the smallest value to the scale's start and the largest to its end", () => {
    const s = buildScale({ property: "deathToll", scale: "viridis" }, [10, "145", null, "x"]);
    expect(s.min).toBe(10);
    expect(s.max).toBe(145);
    expect(s.colorOf(10)).toBe(colorOnScale("viridis", 0));
    expect(s.colorOf("145")).toBe(colorOnScale("viridis", 1));
    expect(s.colorOf("n/a")).toBeNull();
  });
});
