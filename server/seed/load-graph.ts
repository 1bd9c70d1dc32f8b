// Writes a validated graph document into Neo4j in one transaction (all or nothing), with batched UNWIND ... MERGE.
// Everything it writes carries `dataset`, so loading a newer version of a dataset converges: what the document no
// longer holds is removed, and loading the same document twice leaves an identical graph.
import neo4j, { type Session } from "neo4j-driver";
import type { Database } from "../neo4j/database.ts";
import { cypher, statements } from "../neo4j/cypher-files.ts";
import type { MergedDocument } from "./read-graph-document.ts";
import type { EvidenceItem, SeedSource } from "./seed-schema.ts";

const BATCH = 2_000;

type Row = Record<string, unknown>;

/** JS numbers reach Neo4j as floats; whole numbers in the document are stored as integers, as a user expects. */
function asStored(v: unknown): unknown {
  if (typeof v === "number" && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(asStored);
  return v;
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, asStored(v)]),
  );
}

/** Neo4j properties cannot hold maps, so evidence is stored as aligned lists (README: storage model). */
export function evidenceProps(evidence: EvidenceItem[], sources: Map<string, SeedSource>): Row {
  return {
    evidenceSources: evidence.map((e) => e.source),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceAttributedTo: evidence.map((e) => e.attributedTo ?? ""),
    evidenceModalities: evidence.map((e) => e.modality),
    evidenceReportedAt: evidence.map((e) => e.reportedAt?.value ?? sources.get(e.source)?.published?.value ?? ""),
    sourceCount: new Set(evidence.map((e) => e.source)).size,
  };
}

export interface LoadRows {
  sources: Row[];
  entities: Row[];
  mentions: Row[];
  relations: Row[];
  claims: Row[];
  ids: string[];
}

export function toRows(doc: MergedDocument, dataset: string): LoadRows {
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  return {
    sources: doc.sources.map((s) => ({
      id: s.id,
      props: compact({
        id: s.id,
        dataset,
        title: s.title,
        name: s.title,
        outlet: s.outlet,
        author: s.author,
        published: s.published?.value,
        publishedPrecision: s.published?.precision,
        publishedBasis: s.published?.basis,
        articleFile: s.articleFile,
        url: s.url,
        description: s.description,
      }),
    })),
    entities: doc.entities.map((e) => ({
      id: e.id,
      labels: ["Entity", e.type],
      props: compact({
        ...e.properties,
        id: e.id,
        dataset,
        name: e.name,
        aliases: e.aliases,
        description: e.description,
      }),
    })),
    mentions: doc.entities.flatMap((e) => e.mentionedIn.map((s) => ({ source: s, entity: e.id }))),
    relations: doc.relations.map((r) => ({
      from: r.from,
      to: r.to,
      type: r.type,
      props: compact({ ...r.properties, id: r.id, dataset, ...evidenceProps(r.evidence, sources) }),
    })),
    claims: doc.claims.map((c) => ({
      id: c.id,
      subject: c.subject,
      sources: [...new Set(c.evidence.map((e) => e.source))],
      props: compact({
        id: c.id,
        dataset,
        name: `${c.property}: ${String(c.value)}`,
        subject: c.subject,
        property: c.property,
        value: c.value,
        unit: c.unit,
        precision: c.precision,
        basis: c.basis,
        note: c.note,
        ...evidenceProps(c.evidence, sources),
      }),
    })),
    ids: [...doc.sources, ...doc.entities, ...doc.claims].map((x) => x.id),
  };
}

export async function applySchema(db: Database): Promise<void> {
  const session = db.writeSession();
  try {
    for (const stmt of statements("schema")) await session.run(stmt);
    await session.run("CALL db.awaitIndexes(60)");
  } finally {
    await session.close();
  }
}

export interface LoadResult {
  dataset: string;
  sources: number;
  entities: number;
  relations: number;
  claims: number;
  mentions: number;
}

async function inBatches(tx: { run: Session["run"] }, query: string, rows: Row[], dataset: string): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await tx.run(query, { rows: rows.slice(i, i + BATCH), dataset });
}

/** Loads a document as `dataset`, replacing that dataset's previous version, in one transaction. */
export async function loadGraph(db: Database, doc: MergedDocument, dataset: string): Promise<LoadResult> {
  const rows = toRows(doc, dataset);
  const session = db.writeSession();
  const tx = session.beginTransaction({ timeout: 600_000 });
  try {
    await tx.run(cypher("seed/delete-dataset-relationships"), { dataset });
    await tx.run(cypher("seed/delete-stale-nodes"), { dataset, ids: rows.ids });
    await inBatches(tx, cypher("seed/merge-sources"), rows.sources, dataset);
    await inBatches(tx, cypher("seed/merge-entities"), rows.entities, dataset);
    await inBatches(tx, cypher("seed/create-mentions"), rows.mentions, dataset);
    await inBatches(tx, cypher("seed/create-relations"), rows.relations, dataset);
    await inBatches(tx, cypher("seed/merge-claims"), rows.claims, dataset);
    await tx.commit();
  } catch (e) {
    if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    throw e;
  } finally {
    await session.close();
  }
  return {
    dataset,
    sources: rows.sources.length,
    entities: rows.entities.length,
    relations: rows.relations.length,
    claims: rows.claims.length,
    mentions: rows.mentions.length,
  };
}
