// The statements loadGraph sends, with their parameters, in batches of a given size: one list so the import and
// the bench's one-row-per-statement baseline (batch size 1) cannot drift apart. Relations, the bulk of any load,
// travel as columns with their evidence flattened: the driver packs each value, map key and list header one by one
// in JavaScript, and that packing cost more than Neo4j's own work per row (npm run bench, #3).
import neo4j from "neo4j-driver";
import type { MergedDocument } from "./read-graph-document.ts";
import type { EvidenceItem, SeedSource } from "./seed-schema.ts";

type Row = Record<string, unknown>;

export interface LoadStatement {
  /** cypher/<name>.cypher */
  name: string;
  params: Row;
  /** Relationships the statement must create, when it is known in advance (checked against Neo4j's counters). */
  creates?: number;
}

/** JS numbers reach Neo4j as floats; whole numbers in the document are stored as integers, as a user expects. */
function asStored(v: unknown): unknown {
  if (typeof v === "number" && Number.isSafeInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(asStored);
  return v;
}

function compact(o: Record<string, unknown>): Row {
  const out: Row = {};
  for (const k in o) {
    const v = o[k];
    if (v !== undefined && v !== null) out[k] = asStored(v);
  }
  return out;
}

/** Neo4j properties cannot hold maps, so evidence is stored as aligned lists (README: storage model). */
export function evidenceProps(evidence: EvidenceItem[], sources: Map<string, SeedSource>): Row {
  return {
    evidenceSources: evidence.map((e) => e.source),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceAttributedTo: evidence.map((e) => e.attributedTo ?? ""),
    evidenceModalities: evidence.map((e) => e.modality),
    evidenceReportedAt: evidence.map((e) => reportedAt(e, sources)),
    sourceCount: new Set(evidence.map((e) => e.source)).size,
  };
}

function reportedAt(e: EvidenceItem, sources: Map<string, SeedSource>): string {
  return e.reportedAt?.value ?? sources.get(e.source)?.published?.value ?? "";
}

/** Every id the document holds: what delete-stale-nodes keeps. */
export function documentIds(doc: MergedDocument): string[] {
  return [...doc.sources, ...doc.entities, ...doc.claims].map((x) => x.id);
}

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * One relation batch as columns. Evidence items of the whole batch sit in flat columns; relation i owns the
 * items evidenceAt[i] until evidenceAt[i + 1]. Offsets and source counts go as plain numbers and are made
 * integers in Cypher: a neo4j Integer per value costs the driver an object and several comparisons to pack.
 */
function relationColumns(rels: MergedDocument["relations"], sources: Map<string, SeedSource>, dataset: string): Row {
  const n = rels.length;
  const ids = new Array<string>(n);
  const from = new Array<string>(n);
  const to = new Array<string>(n);
  const types = new Array<string>(n);
  const props = new Array<Row>(n);
  const sourceCount = new Array<number>(n);
  const evidenceAt = [0];
  const evSource: string[] = [];
  const evQuote: string[] = [];
  const evAttributedTo: string[] = [];
  const evModality: string[] = [];
  const evReportedAt: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rels[i];
    ids[i] = r.id;
    from[i] = r.from;
    to[i] = r.to;
    types[i] = r.type;
    props[i] = compact(r.properties);
    const distinct = new Set<string>();
    for (const e of r.evidence) {
      evSource.push(e.source);
      evQuote.push(e.quote);
      evAttributedTo.push(e.attributedTo ?? "");
      evModality.push(e.modality);
      evReportedAt.push(reportedAt(e, sources));
      distinct.add(e.source);
    }
    evidenceAt.push(evSource.length);
    sourceCount[i] = distinct.size;
  }
  return {
    dataset,
    ids,
    from,
    to,
    types,
    props,
    sourceCount,
    evidenceAt,
    evSource,
    evQuote,
    evAttributedTo,
    evModality,
    evReportedAt,
  };
}

function entityProps(e: MergedDocument["entities"][number], dataset: string): Row {
  return compact({
    ...e.properties,
    id: e.id,
    dataset,
    name: e.name,
    aliases: e.aliases,
    description: e.description,
  });
}

/**
 * The writes of a load after the dataset's old relationships and stale nodes are gone. `existing` holds the
 * document's entity ids already in the graph: those are updated in place (their labels may change); the others
 * are created without a lookup. Relationships are always created: the dataset's old ones were just deleted.
 */
export function* loadStatements(
  doc: MergedDocument,
  dataset: string,
  existing: ReadonlySet<string>,
  batch: number,
): Generator<LoadStatement> {
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  const sourceRows = doc.sources.map((s) => ({
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
  }));
  for (const rows of batches(sourceRows, batch)) yield { name: "seed/merge-sources", params: { rows, dataset } };

  const created = doc.entities.filter((e) => !existing.has(e.id));
  const updated = doc.entities.filter((e) => existing.has(e.id));
  for (const part of batches(created, batch)) {
    const rows = part.map((e) => ({ type: e.type, props: entityProps(e, dataset) }));
    yield { name: "seed/create-entities", params: { rows, dataset } };
  }
  for (const part of batches(updated, batch)) {
    const rows = part.map((e) => ({ id: e.id, labels: ["Entity", e.type], props: entityProps(e, dataset) }));
    yield { name: "seed/merge-entities", params: { rows, dataset } };
  }

  const mentions = doc.entities.flatMap((e) => e.mentionedIn.map((s) => ({ source: s, entity: e.id })));
  for (const rows of batches(mentions, batch)) yield { name: "seed/create-mentions", params: { rows, dataset } };

  for (const part of batches(doc.relations, batch))
    yield { name: "seed/create-relations", params: relationColumns(part, sources, dataset), creates: part.length };

  for (const part of batches(doc.claims, batch)) {
    const rows = part.map((c) => ({
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
    }));
    yield { name: "seed/merge-claims", params: { rows, dataset } };
  }
}
