// The seed/import file format (a "graph document"), as a zod schema: the README documents it for users, and
// every file is checked against it before anything is written, with errors naming the file and JSON path.
import { z } from "zod";

export const MODALITIES = ["asserted", "claimed", "alleged", "suspected", "denied", "disputed"] as const;
export const ENTITY_TYPES = [
  "Country",
  "ArmedGroup",
  "Organization",
  "GovernmentBody",
  "Person",
  "Place",
  "Event",
  "MediaOutlet",
] as const;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,119}$/, "must be lowercase kebab-case [a-z0-9-], at most 120 characters");
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const PropValue = z.union([Scalar, z.array(z.string()), z.array(z.number())]);
/** Property names that could clash with the storage model are refused rather than silently overwritten. */
const RESERVED = new Set(["id", "name", "aliases", "description", "dataset", "sourceCount"]);
const Properties = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "property names are letters, digits and _"), PropValue)
  .refine((p) => Object.keys(p).every((k) => !RESERVED.has(k) && !k.startsWith("evidence")), {
    message: `property names may not be one of ${[...RESERVED].join(", ")} or start with "evidence"`,
  });

export const PartialDateSchema = z.object({
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD"),
  precision: z.enum(["day", "month", "year"]),
  basis: z.enum(["stated", "inferred", "relative"]).optional(),
});

export const EvidenceSchema = z.object({
  source: Id,
  quote: z.string().min(3).max(400),
  attributedTo: Id.optional(),
  modality: z.enum(MODALITIES),
  reportedAt: PartialDateSchema.optional(),
  note: z.string().optional(),
});

export const SourceSchema = z.object({
  id: Id,
  title: z.string().min(1),
  outlet: z.string().optional(),
  author: z.string().optional(),
  published: PartialDateSchema.optional(),
  articleFile: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
});

export const EntitySchema = z.object({
  id: Id,
  type: z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "a type is a PascalCase label such as ArmedGroup"),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  description: z.string().default(""),
  mentionedIn: z.array(Id).default([]),
  properties: Properties.default({}),
});

export const RelationSchema = z.object({
  id: Id,
  type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "a relation type is UPPER_SNAKE_CASE"),
  from: Id,
  to: Id,
  evidence: z.array(EvidenceSchema).default([]),
  properties: Properties.default({}),
});

export const ClaimSchema = z.object({
  id: Id,
  subject: Id,
  property: z.string().regex(/^[a-z][A-Za-z0-9]*$/, "a claim property is camelCase"),
  value: Scalar,
  unit: z.string().optional(),
  precision: z.string().optional(),
  basis: z.string().optional(),
  note: z.string().optional(),
  evidence: z.array(EvidenceSchema).min(1),
});

export const GraphDocumentSchema = z
  .object({
    version: z.literal(1),
    sources: z.array(SourceSchema).default([]),
    entities: z.array(EntitySchema).default([]),
    relations: z.array(RelationSchema).default([]),
    claims: z.array(ClaimSchema).default([]),
  })
  .strict();

export type PartialDate = z.infer<typeof PartialDateSchema>;
export type EvidenceItem = z.infer<typeof EvidenceSchema>;
export type SeedSource = z.infer<typeof SourceSchema>;
export type SeedEntity = z.infer<typeof EntitySchema>;
export type SeedRelation = z.infer<typeof RelationSchema>;
export type SeedClaim = z.infer<typeof ClaimSchema>;
export type GraphDocument = z.infer<typeof GraphDocumentSchema>;
