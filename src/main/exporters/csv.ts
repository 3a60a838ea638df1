import type { ClaimSort, ClaimTableRow } from '../../shared/api-search';
import {
  RELATION_KINDS,
  type DocumentId,
  type RelationKind,
  type TextAnchor,
} from '../../shared/model';
import { allClaimRows } from '../db/claims-query';
import type { Db } from '../db/open';
import { ocrProvenanceOf, type OcrProvenance } from './ocr-provenance';
import type { ExportScope } from './selection';

/**
 * The claims table as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled), UTF-8 with a byte order mark so Excel reads it as UTF-8, one
 * row per claim. Lists (subjects, tags, related claims) are joined with "; ". Entities have their
 * ids beside their names (names are not unique, and may hold "; "); each relation kind has a column
 * listing the claims this one points at (this claim *supports* those), so every relation appears
 * once, with its direction, in the row of the claim it starts from.
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage
 * return that hides one) as a formula, and a source's text is untrusted. Such cells get a leading
 * apostrophe, which spreadsheets show as text; see docs/export-format.md.
 */

/** The claims each claim points at, by kind: claim id → kind → the other claims' ids. */
type Related = ReadonlyMap<string, Partial<Record<RelationKind, string[]>>>;

const list = (values: readonly string[] | undefined) => (values ?? []).join('; ');

/** Claim id → how OCR read its quote (ocr-provenance.ts); claims on text pages are absent. */
type OcrOf = ReadonlyMap<string, OcrProvenance>;

type CsvColumn = readonly [
  string,
  (r: ClaimTableRow, related: Related, ocr: OcrOf) => string | number,
];

export const CSV_COLUMNS: readonly CsvColumn[] = [
  ['claim_id', (r) => r.id],
  ['statement', (r) => r.statement],
  ['quote', (r) => r.quote],
  ['document', (r) => r.documentTitle],
  // the pages the claim runs over, as the document labels them: the same page twice on one page
  ['page', (r) => r.pages?.start.label ?? ''],
  ['end_page', (r) => r.pages?.end.label ?? ''],
  ['claimant', (r) => r.claimant?.name ?? ''],
  ['claimant_id', (r) => r.claimant?.id ?? ''],
  ['subjects', (r) => list(r.subjects.map((s) => s.name))],
  ['subject_ids', (r) => list(r.subjects.map((s) => s.id))],
  ['place', (r) => r.place?.name ?? ''],
  ['place_id', (r) => r.place?.id ?? ''],
  ['type', (r) => r.type],
  ['stance', (r) => r.stance],
  ['certainty', (r) => r.certainty ?? ''],
  ['event_date', (r) => r.eventDate ?? ''],
  ['tags', (r) => list(r.tags)],
  ['status', (r) => r.status],
  ['relations', (r) => r.relationsCount],
  ...RELATION_KINDS.map((kind): CsvColumn => [
    kind,
    (r, related) => list(related.get(r.id)?.[kind]),
  ]),
  ['reliability', (r) => r.grade.reliability ?? ''],
  ['credibility', (r) => r.grade.credibility ?? ''],
  ['supporters', (r) => r.support.supporters],
  ['independent_origins', (r) => r.support.independentOrigins],
  ['circular_reporting', (r) => (r.support.circular ? 'yes' : '')],
  // empty unless the quote was read by OCR from a scan: check uncertain words against the image
  ['ocr_engine', (r, _, ocr) => ocr.get(r.id)?.engine ?? ''],
  ['ocr_version', (r, _, ocr) => ocr.get(r.id)?.version ?? ''],
  ['ocr_languages', (r, _, ocr) => ocr.get(r.id)?.languages.join('+') ?? ''],
  ['ocr_mean_confidence', (r, _, ocr) => ocr.get(r.id)?.meanConfidence ?? ''],
  ['ocr_min_confidence', (r, _, ocr) => ocr.get(r.id)?.minConfidence ?? ''],
  ['ocr_uncertain_words', (r, _, ocr) => list(ocr.get(r.id)?.uncertainWords)],
  ['note', (r) => r.note],
  ['document_id', (r) => r.documentId],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
];

const BOM = '\uFEFF';

/** A cell a spreadsheet would evaluate, made inert. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(
  rows: ClaimTableRow[],
  related: Related = new Map(),
  ocr: OcrOf = new Map(),
): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows)
    lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(row, related, ocr))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function exportCsv(db: Db, scope: ExportScope & { sort?: ClaimSort }): string {
  const filter = { ...scope.filter, ...(scope.documentId ? { documentId: scope.documentId } : {}) };
  const rows = allClaimRows(db, filter, scope.sort);
  return toCsv(rows, relatedClaims(db, new Set(rows.map((r) => r.id))), ocrOfClaims(db, rows));
}

/** The OCR provenance of each exported claim whose quote a scan's OCR read. */
function ocrOfClaims(db: Db, rows: readonly ClaimTableRow[]): OcrOf {
  const out = new Map<string, OcrProvenance>();
  const provenance = new Map<string, ReturnType<typeof ocrProvenanceOf>>();
  const spansOf = db.prepare(
    'SELECT start, end, exact, prefix, suffix FROM claim_spans WHERE claim_id = ? ORDER BY ordinal',
  );
  for (const row of rows) {
    if (!provenance.has(row.documentId))
      provenance.set(row.documentId, ocrProvenanceOf(db, row.documentId as DocumentId));
    const of = provenance.get(row.documentId);
    if (!of) continue; // OCR never touched this document: one small query per document
    const read = of(spansOf.all(row.id) as TextAnchor[]);
    if (read) out.set(row.id, read);
  }
  return out;
}

/** The claims each exported claim points at, in the order the relations were made. */
function relatedClaims(db: Db, ids: ReadonlySet<string>): Related {
  const related = new Map<string, Partial<Record<RelationKind, string[]>>>();
  const relations = db
    .prepare(
      'SELECT from_claim_id AS fromId, kind, to_claim_id AS toId FROM claim_relations ORDER BY created_at, id',
    )
    .iterate() as IterableIterator<{ fromId: string; kind: RelationKind; toId: string }>;
  for (const { fromId, kind, toId } of relations) {
    if (!ids.has(fromId)) continue;
    const kinds = related.get(fromId) ?? {};
    (kinds[kind] ??= []).push(toId);
    related.set(fromId, kinds);
  }
  return related;
}
