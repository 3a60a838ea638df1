import type { ClaimSort, ClaimTableRow } from '../../shared/api-search';
import { allClaimRows } from '../db/claims-query';
import type { Db } from '../db/open';
import type { ExportScope } from './selection';

/**
 * The claims table as CSV for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled), UTF-8 with a byte order mark so Excel reads it as UTF-8, one
 * row per claim. Lists (subjects, tags) are joined with "; ".
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or carriage
 * return that hides one) as a formula, and a source's text is untrusted. Such cells get a leading
 * apostrophe, which spreadsheets show as text; see docs/export-format.md.
 */

export const CSV_COLUMNS: readonly [string, (r: ClaimTableRow) => string | number][] = [
  ['claim_id', (r) => r.id],
  ['statement', (r) => r.statement],
  ['quote', (r) => r.quote],
  ['document', (r) => r.documentTitle],
  // the pages the claim runs over, as the document labels them: the same page twice on one page
  ['page', (r) => r.pages?.start.label ?? ''],
  ['end_page', (r) => r.pages?.end.label ?? ''],
  ['claimant', (r) => r.claimant?.name ?? ''],
  ['subjects', (r) => r.subjects.map((s) => s.name).join('; ')],
  ['place', (r) => r.place?.name ?? ''],
  ['type', (r) => r.type],
  ['stance', (r) => r.stance],
  ['certainty', (r) => r.certainty ?? ''],
  ['event_date', (r) => r.eventDate ?? ''],
  ['tags', (r) => r.tags.join('; ')],
  ['status', (r) => r.status],
  ['relations', (r) => r.relationsCount],
  ['reliability', (r) => r.grade.reliability ?? ''],
  ['credibility', (r) => r.grade.credibility ?? ''],
  ['supporters', (r) => r.support.supporters],
  ['independent_origins', (r) => r.support.independentOrigins],
  ['circular_reporting', (r) => (r.support.circular ? 'yes' : '')],
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

export function toCsv(rows: ClaimTableRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function exportCsv(db: Db, scope: ExportScope & { sort?: ClaimSort }): string {
  const filter = { ...scope.filter, ...(scope.documentId ? { documentId: scope.documentId } : {}) };
  return toCsv(allClaimRows(db, filter, scope.sort));
}
