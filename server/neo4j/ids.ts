// Opaque, URL-safe ids for nodes and relationships: `i.<base64url(id property)>` where the data has a string `id`,
// `e.<base64url(elementId)>` otherwise. The prefix keeps the two spaces apart, so an `id` property that happens to
// look like an elementId can never be mistaken for one.
import { AppError } from "../errors.ts";

export type EntityKey = { kind: "id"; value: string } | { kind: "elementId"; value: string };

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");

export function encodeKey(key: EntityKey): string {
  return `${key.kind === "id" ? "i" : "e"}.${b64(key.value)}`;
}

export const idFromProperty = (id: string): string => encodeKey({ kind: "id", value: id });
export const idFromElementId = (elementId: string): string => encodeKey({ kind: "elementId", value: elementId });

/** Returns null for anything we did not hand out, so callers answer 404 (or 400) rather than guess. */
export function decodeKey(opaque: string): EntityKey | null {
  const m = /^([ie])\.([A-Za-z0-9_-]+)$/.exec(opaque);
  if (!m) return null;
  const value = Buffer.from(m[2], "base64url").toString("utf8");
  // Round-trip check: base64url decoding is lenient, so only canonical encodings are ours.
  if (!value || b64(value) !== m[2]) return null;
  return { kind: m[1] === "i" ? "id" : "elementId", value };
}

export function decodeKeyOr404(opaque: string, what = "node"): EntityKey {
  const key = decodeKey(opaque);
  if (!key) throw new AppError("NOT_FOUND", `No ${what} with id "${opaque.slice(0, 80)}".`);
  return key;
}
