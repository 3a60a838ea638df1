import type { AnalysisFilter } from '../../shared/api-analysis';
import {
  gradeAtLeast,
  type ClaimGrade,
  type Credibility,
  type Reliability,
} from '../../shared/grading';
import type { ClaimId, DocumentId, EntityId, Stance } from '../../shared/model';
import { dateIntervals, epochDay, parsePartialDate } from '../../shared/partial-date';
import { GRADED_CLAIMS_SQL } from '../db/grades';
import type { Db } from '../db/open';

/** The fields every analysis view needs of a claim, light enough to hold 100,000 of them. */
export interface AnalysisClaim {
  id: ClaimId;
  documentId: DocumentId;
  claimantId: EntityId | null;
  placeId: EntityId | null;
  eventDate: string | null;
  type: string;
  stance: Stance;
  reliability: Reliability | null;
  credibility: Credibility | null;
}

type Tuple = [
  ClaimId,
  DocumentId,
  EntityId | null,
  EntityId | null,
  string | null,
  string,
  Stance,
  Reliability | null,
  Credibility | null,
];

/**
 * The narrowing by document, type, tag and entity that runs in SQL on indexes (over `claims c`),
 * shared by every reader of claims for the analysis views so they cannot disagree.
 */
export function claimFilterSql(
  filter: AnalysisFilter,
  restrictTo?: readonly string[],
): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (restrictTo) {
    where.push('c.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(restrictTo);
  }
  if (filter.documentId) {
    where.push('c.document_id = @documentId');
    params.documentId = filter.documentId;
  }
  if (filter.type !== undefined) {
    where.push('c.type = @type');
    params.type = filter.type;
  }
  if (filter.tag !== undefined) {
    where.push(`c.id IN (SELECT ct.claim_id FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
      WHERE t.name = @tag)`);
    params.tag = filter.tag;
  }
  if (filter.entityId) {
    where.push(`(c.claimant_id = @entityId OR c.place_id = @entityId
      OR c.id IN (SELECT claim_id FROM claim_subjects WHERE entity_id = @entityId))`);
    params.entityId = filter.entityId;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * A claim's reliability and credibility by the `claim_grade` view (THE rule), read only for the
 * claims that can have one; the query must start `WITH graded(id) AS (${GRADED_CLAIMS_SQL})`.
 */
export const GRADE_COLUMNS_SQL = `
  CASE WHEN c.id IN graded THEN
    (SELECT g.reliability FROM claim_grade g WHERE g.claim_id = c.id) END AS reliability,
  CASE WHEN c.id IN graded THEN
    (SELECT g.credibility FROM claim_grade g WHERE g.claim_id = c.id) END AS credibility`;

/**
 * Whether a claim passes the filter's grade minimum and date window, the two parts decided in code
 * by the one rule for each (gradeAtLeast, dateIntervals); null when the filter sets neither.
 */
export function gradeAndDateTest(
  filter: AnalysisFilter,
): ((grade: ClaimGrade, eventDate: string | null) => boolean) | null {
  const inDates = dateWindow(filter);
  const min = { reliability: filter.minReliability, credibility: filter.minCredibility };
  const graded = min.reliability !== undefined || min.credibility !== undefined;
  if (!graded && !inDates) return null;
  return (grade, eventDate) =>
    (!graded || gradeAtLeast(grade, min)) && (!inDates || inDates(eventDate));
}

/**
 * The claims a filter picks, with their grades (by the `claim_grade` view, THE rule, read only for
 * the claims that can have one: GRADED_CLAIMS_SQL). Narrowing by
 * document, type, tag and entity runs in SQL on indexes; grade and date in code, by the one rule for
 * each (gradeAtLeast, dateInterval), so the views and the table cannot disagree about them.
 */
export function selectClaims(
  db: Db,
  filter: AnalysisFilter,
  restrictTo?: readonly string[],
): AnalysisClaim[] {
  const { where, params } = claimFilterSql(filter, restrictTo);
  const rows = db
    .prepare(
      `WITH graded(id) AS (${GRADED_CLAIMS_SQL})
       SELECT c.id, c.document_id, c.claimant_id, c.place_id, c.event_date, c.type, c.stance,
         ${GRADE_COLUMNS_SQL}
       FROM claims c ${where} ORDER BY c.rowid`,
    )
    .raw()
    .all(params) as Tuple[];
  const passes = gradeAndDateTest(filter);
  const out: AnalysisClaim[] = [];
  for (const r of rows) {
    const claim: AnalysisClaim = {
      id: r[0],
      documentId: r[1],
      claimantId: r[2],
      placeId: r[3],
      eventDate: r[4],
      type: r[5],
      stance: r[6],
      reliability: r[7],
      credibility: r[8],
    };
    if (passes && !passes(claim, claim.eventDate)) continue;
    out.push(claim);
  }
  return out;
}

/** Whether a claim's event date overlaps the filter's [from, to]; undated claims drop out. */
function dateWindow(filter: AnalysisFilter): ((date: string | null) => boolean) | null {
  if (!filter.from && !filter.to) return null;
  const from = filter.from ? epochDay(parsePartialDate(filter.from).start) : -Infinity;
  const to = filter.to ? epochDay(parsePartialDate(filter.to).end) + 1 : Infinity;
  const intervalOf = dateIntervals();
  return (date) => {
    const span = date ? intervalOf(date) : null;
    return span !== null && span.start < to && span.end > from;
  };
}

/** Subjects of claims, in the order they were given; every claim's when `ids` is omitted. */
export function subjectsOf(db: Db, ids?: readonly string[]): Map<string, EntityId[]> {
  const rows = (
    ids
      ? db
          .prepare(
            `SELECT claim_id, entity_id FROM claim_subjects
             WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
          )
          .raw()
          .all(JSON.stringify(ids))
      : db.prepare('SELECT claim_id, entity_id FROM claim_subjects ORDER BY rowid').raw().all()
  ) as [string, EntityId][];
  const out = new Map<string, EntityId[]>();
  for (const [claim, entity] of rows) {
    const list = out.get(claim);
    if (list) list.push(entity);
    else out.set(claim, [entity]);
  }
  return out;
}
