import type { ClaimFilter } from '../../shared/api-search';
import { ocrProvenanceOf, type OcrProvenance } from './ocr-provenance';
import type { Claim, ClaimRelation, DocumentSummary, Entity, Mention } from '../../shared/model';
import type { CslItem } from '../../shared/csl';
import type { ClaimGrade } from '../../shared/grading';
import { claimGrades, NO_GRADE } from '../db/grades';
import type { Db } from '../db/open';
import { getSource } from '../db/sources';
import { forEachDocument, selectForExport, type ExportScope, type Located } from './selection';

/**
 * The claims JSON export, Claimdesk's main output: documents, entities, mentions and claims with
 * their provenance. Described by resources/schemas/claims.schema.json and docs/export-format.md;
 * change all three together, and bump CLAIMS_FORMAT_VERSION when a change is not backwards
 * compatible. Positions are Unicode code points into the document's canonical text (the W3C model),
 * not JavaScript's UTF-16 offsets.
 */
export const CLAIMS_FORMAT = 'claimdesk.claims';
export const CLAIMS_FORMAT_VERSION = 2;
/** Versions the claims JSON import reads: 2 only added page ranges (`pages`) to version 1. */
export const CLAIMS_FORMAT_READABLE = [1, 2] as const;

export interface ExportedDocument {
  id: string;
  title: string;
  sha256: string;
  mediaType: string;
  fileName: string;
  authors: string[];
  publishedDate: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  language: string | null;
  pageCount: number | null;
  importedAt: string;
  /** the document's source as CSL-JSON, its id the source's (shared by the files of one work) */
  csl: CslItem;
}

/** The provenance every claim carries, so a claim read on its own still says where it is from. */
export interface ClaimSource {
  documentId: string;
  title: string;
  sha256: string;
  sourceUrl: string | null;
  authors: string[];
  publishedDate: string | null;
}

export interface ExportedRelation {
  id: string;
  kind: string;
  /** outgoing: this claim → claimId; incoming: claimId → this claim */
  direction: 'outgoing' | 'incoming';
  claimId: string;
  note: string;
  createdAt: string;
}

export interface ExportedClaim extends Located {
  /** present when the quote comes from OCR of a scanned page (ocr-provenance.ts) */
  ocr?: OcrProvenance;
  id: string;
  documentId: string;
  source: ClaimSource;
  statement: string;
  /** every passage; the claim's own position/quote/page are those of the first, its pages all */
  spans: Located[];
  claimantId: string | null;
  subjectIds: string[];
  placeId: string | null;
  type: string;
  stance: string;
  certainty: string | null;
  hedges: string[];
  eventDate: string | null;
  tags: string[];
  note: string;
  status: string;
  relations: ExportedRelation[];
  /** reliability: the claimant's grade if graded, else the document's; credibility: the claim's */
  grade: ClaimGrade;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedMention extends Located {
  id: string;
  documentId: string;
  entityId: string;
  createdAt: string;
}

export interface ClaimsExport {
  format: typeof CLAIMS_FORMAT;
  version: typeof CLAIMS_FORMAT_VERSION;
  generator: string;
  exportedAt: string;
  positionUnit: 'unicode-code-point';
  scope: {
    kind: 'workspace' | 'document' | 'filter';
    documentId: string | null;
    filter: ClaimFilter | null;
  };
  documents: ExportedDocument[];
  entities: Entity[];
  mentions: ExportedMention[];
  claims: ExportedClaim[];
}

/** The export as an object (tests, and callers that want to look into it). */
export function exportClaimsJson(
  db: Db,
  options: ExportScope & { generator: string },
): ClaimsExport {
  return JSON.parse(claimsJsonText(db, options)) as ClaimsExport;
}

/**
 * Claims are mapped and stringified a thousand at a time: their export records then die young,
 * in the cheap part of the garbage collector; a whole document's worth at once (20,000 claims)
 * outlived it. At 100,000 claims the export is 13% faster (2.72 → 2.35 s, interleaved runs).
 */
const BATCH = 1000;

/**
 * The export as the file's text, laid out as JSON.stringify(…, null, 2) lays out the whole.
 *
 * Built one document at a time, each document's mentions and claims stringified as soon as they
 * are built: at 100,000 claims, holding every record as objects for one stringify made the garbage
 * collector copy them all, twice, and peaked at a gigabyte of heap.
 */
export function claimsJsonText(db: Db, options: ExportScope & { generator: string }): string {
  const selection = selectForExport(db, options);
  const relations = groupRelations(selection.relations);
  const grades = claimGrades(db);
  const head: Omit<ClaimsExport, 'mentions' | 'claims'> = {
    format: CLAIMS_FORMAT,
    version: CLAIMS_FORMAT_VERSION,
    generator: options.generator,
    exportedAt: new Date().toISOString(),
    positionUnit: 'unicode-code-point',
    scope: {
      kind: options.filter ? 'filter' : options.documentId ? 'document' : 'workspace',
      documentId: options.documentId ?? null,
      filter: options.filter ?? null,
    },
    documents: selection.documents.map((d) => exportDocument(d, getSource(db, d.sourceId).csl)),
    entities: selection.entities.map(exportEntity),
  };
  // chunks of array elements: one per document (mentions) or per batch of a document's claims
  const mentions: string[] = [];
  const claims: string[] = [];
  forEachDocument(db, selection, (doc, locate, docClaims, docMentions) => {
    const source = sourceOf(doc);
    const ocr = ocrProvenanceOf(db, doc.id);
    if (docMentions.length > 0)
      mentions.push(arrayElements(docMentions.map((m) => exportMention(m, locate(m.anchor)))));
    for (let at = 0; at < docClaims.length; at += BATCH) {
      const batch = docClaims.slice(at, at + BATCH);
      claims.push(
        arrayElements(
          batch.map((c) =>
            withOcr(
              exportClaim(
                c,
                source,
                c.spans.map(locate),
                relations.get(c.id) ?? [],
                grades.get(c.id) ?? NO_GRADE,
              ),
              ocr?.(c.spans) ?? null,
            ),
          ),
        ),
      );
    }
  });
  // the head's closing "\n}" gives way to the two arrays
  return `${JSON.stringify(head, null, 2).slice(0, -2)},
  "mentions": ${arrayText(mentions)},
  "claims": ${arrayText(claims)}
}
`;
}

/** Items as the elements of a top-level member's array: stringified there, cut out of the brackets. */
function arrayElements(items: unknown[]): string {
  const text = JSON.stringify({ items }, null, 2);
  return text.slice('{\n  "items": [\n'.length, -'\n  ]\n}'.length);
}

const arrayText = (chunks: string[]) =>
  chunks.length === 0 ? '[]' : `[\n${chunks.join(',\n')}\n  ]`;

function exportDocument(d: DocumentSummary, csl: CslItem): ExportedDocument {
  return {
    id: d.id,
    title: d.meta.title,
    sha256: d.sha256,
    mediaType: d.mediaType,
    fileName: d.fileName,
    authors: d.meta.authors,
    publishedDate: d.meta.publishedDate,
    publisher: d.meta.publisher,
    sourceUrl: d.meta.sourceUrl,
    language: d.meta.language,
    pageCount: d.pageCount,
    importedAt: d.importedAt,
    csl: { ...csl, id: d.sourceId },
  };
}

const sourceOf = (d: DocumentSummary): ClaimSource => ({
  documentId: d.id,
  title: d.meta.title,
  sha256: d.sha256,
  sourceUrl: d.meta.sourceUrl,
  authors: d.meta.authors,
  publishedDate: d.meta.publishedDate,
});

function groupRelations(relations: ClaimRelation[]): Map<string, ExportedRelation[]> {
  const byClaim = new Map<string, ExportedRelation[]>();
  const add = (claimId: string, value: ExportedRelation) =>
    byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), value]);
  for (const r of relations) {
    const common = { id: r.id, kind: r.kind, note: r.note, createdAt: r.createdAt };
    add(r.fromClaimId, { ...common, direction: 'outgoing', claimId: r.toClaimId });
    add(r.toClaimId, { ...common, direction: 'incoming', claimId: r.fromClaimId });
  }
  return byClaim;
}

/** A claim's pages: from the earliest page any passage starts on to the latest one any ends on. */
function claimPages(spans: readonly Located[]): Located['pages'] {
  let out: Located['pages'] = null;
  for (const { pages } of spans) {
    if (!pages) return null;
    out = {
      start: out && out.start.index <= pages.start.index ? out.start : pages.start,
      end: out && out.end.index >= pages.end.index ? out.end : pages.end,
    };
  }
  return out;
}

/** A claim quoting text OCR read says so: engine, languages and the words' confidence. */
const withOcr = (claim: ExportedClaim, ocr: OcrProvenance | null): ExportedClaim =>
  ocr ? { ...claim, ocr } : claim;

function exportClaim(
  c: Claim,
  source: ClaimSource,
  spans: Located[],
  relations: ExportedRelation[],
  grade: ClaimGrade,
): ExportedClaim {
  const first = spans[0]!;
  return {
    id: c.id,
    documentId: c.documentId,
    source,
    statement: c.statement,
    quote: first.quote,
    position: first.position,
    page: first.page,
    pages: claimPages(spans),
    spans,
    claimantId: c.claimantId,
    subjectIds: c.subjectIds,
    placeId: c.placeId,
    type: c.type,
    stance: c.stance,
    certainty: c.certainty,
    hedges: c.hedges,
    eventDate: c.eventDate,
    tags: c.tags,
    note: c.note,
    status: c.status,
    relations,
    grade: { reliability: grade.reliability, credibility: grade.credibility },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

const exportMention = (m: Mention, located: Located): ExportedMention => ({
  id: m.id,
  documentId: m.documentId,
  entityId: m.entityId,
  ...located,
  createdAt: m.createdAt,
});

const exportEntity = (e: Entity): Entity => ({
  id: e.id,
  kind: e.kind,
  name: e.name,
  aliases: e.aliases,
  description: e.description,
  externalIds: e.externalIds,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
