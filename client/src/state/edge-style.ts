// How an edge reads at a glance: its width grows with the number of independent sources that support it, and its
// colour says how firmly it is reported (stated, only claimed/alleged/suspected, or disputed/denied by someone).
import type { Evidence, PropertyValue } from "../../../contract/api.ts";

export type Support = "stated" | "unconfirmed" | "contested";

export const SUPPORT_COLORS = {
  stated: "#6b7280",
  unconfirmed: "#9ec5e8",
  contested: "#d55e00",
} as const satisfies Record<Support, string>;

export const SUPPORT_LEGEND = [
  { support: "stated", text: "stated by a source" },
  { support: "unconfirmed", text: "only claimed / alleged / suspected" },
  { support: "contested", text: "denied or disputed" },
] as const satisfies readonly { support: Support; text: string }[];

const UNCONFIRMED = new Set(["claimed", "alleged", "suspected"]);
const CONTESTED = new Set(["denied", "disputed"]);

export function supportOf(evidence: readonly Evidence[]): Support {
  if (evidence.some((e) => CONTESTED.has(e.modality))) return "contested";
  if (evidence.length > 0 && evidence.every((e) => UNCONFIRMED.has(e.modality))) return "unconfirmed";
  return "stated";
}

/** `properties.sourceCount` when the data carries it, else the distinct sources of the evidence. */
export function sourceCountOf(properties: Record<string, PropertyValue>, evidence: readonly Evidence[]): number {
  const stored = properties.sourceCount;
  if (typeof stored === "number" && Number.isFinite(stored)) return stored;
  if (typeof stored === "string" && /^\d+$/.test(stored)) return Number(stored);
  return new Set(evidence.map((e) => e.source).filter((s) => s !== "")).size;
}

export function edgeWidth(sourceCount: number): number {
  return Math.min(7, 1.5 + 1.5 * Math.max(0, sourceCount - 1));
}
