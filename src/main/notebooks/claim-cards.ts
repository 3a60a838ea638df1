import type { ClaimCard } from '../../shared/api-notebooks';
import type { ClaimId, DocumentId } from '../../shared/model';
import { gradeText } from '../../shared/grading';
import { pageLocator } from '../citations/format';
import { claimGrades } from '../db/grades';
import type { Db } from '../db/open';

/**
 * The live state of the claims a notebook embeds, in four queries whatever their number (a
 * notebook may embed a thousand): claims with their document's title, their passages, and the
 * page labels their passages fall on, and their grades (THE grading rule: db/grades.ts).
 */
export function claimCards(db: Db, ids: readonly ClaimId[]): ClaimCard[] {
  if (ids.length === 0) return [];
  const list = JSON.stringify([...new Set(ids)]);
  const claims = db
    .prepare(
      `SELECT c.id, c.document_id, c.statement, c.updated_at, json_extract(d.meta, '$.title') AS title
       FROM claims c JOIN documents d ON d.id = c.document_id
       WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(list) as {
    id: string;
    document_id: string;
    statement: string;
    updated_at: string;
    title: string;
  }[];
  const spans = db
    .prepare(
      `SELECT claim_id, start, end, exact FROM claim_spans
       WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, ordinal`,
    )
    .all(list) as { claim_id: string; start: number; end: number; exact: string }[];
  const spansOf = new Map<string, typeof spans>();
  for (const s of spans) spansOf.set(s.claim_id, [...(spansOf.get(s.claim_id) ?? []), s]);
  const pageAt = db
    .prepare(
      'SELECT label FROM document_pages WHERE document_id = ? AND start <= ? ORDER BY start DESC LIMIT 1',
    )
    .pluck();

  const grades = claimGrades(db, [...new Set(ids)]);

  const found = new Map<string, ClaimCard>();
  for (const c of claims) {
    const own = spansOf.get(c.id) ?? [];
    const first = own[0];
    const last = own[own.length - 1];
    const from = first ? (pageAt.get(c.document_id, first.start) as string | undefined) : undefined;
    const to = last ? (pageAt.get(c.document_id, last.end - 1) as string | undefined) : undefined;
    found.set(c.id, {
      id: c.id as ClaimId,
      deleted: false,
      documentId: c.document_id as DocumentId,
      documentTitle: c.title,
      statement: c.statement,
      quote: own.map((s) => s.exact).join(' … '),
      // the same locator the citations give ("12", "12–13"), null without pages
      pages: pageLocator(from ?? null, to ?? null),
      grade:
        gradeText(grades.get(c.id as ClaimId) ?? { reliability: null, credibility: null }) || null,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
      updatedAt: c.updated_at,
    });
  }
  return ids.map((id) => found.get(id) ?? { id, deleted: true });
}
