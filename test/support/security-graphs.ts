// Generated graph documents for the import tests: big enough that the loader runs several batches (and a process
// can be killed in the middle), with their ids under a prefix so they never collide with the seed graph.
import { writeFileSync } from "node:fs";
import type { GraphDocument } from "../../server/seed/seed-schema.ts";

type Doc = { version: 1 } & Pick<GraphDocument, "sources" | "entities" | "relations" | "claims">;

const TYPES = ["FIGHTS", "SUPPORTS", "CLAIMS", "BLAMES"] as const;

export function bigGraphDocument(o: { entities: number; relationsPerEntity: number; prefix?: string }): Doc {
  const p = o.prefix ?? "gen";
  const sources = [0, 1, 2].map((i) => ({ id: `${p}-src-${i}`, title: `Generated source ${i}` }));
  const entities = Array.from({ length: o.entities }, (_, i) => ({
    id: `${p}-e-${i}`,
    type: i % 3 === 0 ? "ArmedGroup" : i % 3 === 1 ? "Person" : "Place",
    name: `${p} entity ${i}`,
    aliases: [`${p}-alias-${i}`],
    description: `Generated entity number ${i}.`,
    mentionedIn: [`${p}-src-${i % 3}`],
    properties: { rank: i },
  }));
  const relations = entities.flatMap((_, i) =>
    Array.from({ length: o.relationsPerEntity }, (_, k) => ({
      id: `${p}-r-${i}-${k}`,
      type: TYPES[(i + k) % TYPES.length],
      from: `${p}-e-${i}`,
      to: `${p}-e-${(i * 7 + k * 13 + 1) % o.entities}`,
      evidence: [
        {
          source: `${p}-src-${k % 3}`,
          quote: `Quote ${i}/${k} from the generated text.`,
          modality: "asserted" as const,
        },
      ],
      properties: {},
    })),
  );
  const claims = entities.slice(0, 50).map((e, i) => ({
    id: `${p}-c-${i}`,
    subject: e.id,
    property: "deathToll",
    value: i,
    evidence: [{ source: `${p}-src-0`, quote: `Claim ${i} in the generated text.`, modality: "claimed" as const }],
  }));
  return { version: 1, sources, entities, relations, claims };
}

export function writeDocument(path: string, doc: unknown): string {
  writeFileSync(path, JSON.stringify(doc));
  return path;
}
