import type { AnalysisFilter, Timeline } from '../../shared/api-analysis';
import { gradeText, type Credibility, type Reliability } from '../../shared/grading';
import type { ClaimId, DocumentId } from '../../shared/model';
import { dateIntervals } from '../../shared/partial-date';
import { GRADED_CLAIMS_SQL } from '../db/grades';
import type { Db } from '../db/open';
import { claimFilterSql, GRADE_COLUMNS_SQL, gradeAndDateTest } from './claim-set';

type Row = [
  ClaimId,
  /** the document's rowid: a small integer, where its id would be a string per claim */
  number,
  string | null,
  string,
  Reliability | null,
  Credibility | null,
];

/**
 * The timeline's data: each dated claim's event date as the interval it stands for, beside its
 * source's publication date (when it was reported vs when it happened), as columns.
 *
 * Read straight from SQL, only the columns the timeline draws and filters on, into the columns it
 * returns: 100,000 claims as objects (selectClaims) cost most of the first render in allocation and
 * garbage collection. The filters are the shared ones (claimFilterSql, gradeAndDateTest).
 */
export function timelineData(db: Db, filter: AnalysisFilter): Timeline {
  const documents = db
    .prepare(`SELECT rowid, id, meta ->> '$.title', meta ->> '$.publishedDate' FROM documents`)
    .raw()
    .all() as [number, DocumentId, string, string | null][];
  const intervalOf = dateIntervals();
  const docIndex = new Map<number, number>();
  const published: ({ start: number; end: number } | null)[] = [];
  documents.forEach(([rowid, , , date], i) => {
    docIndex.set(rowid, i);
    published.push(date ? intervalOf(date) : null);
  });
  const { where, params } = claimFilterSql(filter);
  const rows = db
    .prepare(
      `WITH graded(id) AS (${GRADED_CLAIMS_SQL})
       SELECT c.id, d.rowid, c.event_date, c.type, ${GRADE_COLUMNS_SQL}
       FROM claims c JOIN documents d ON d.id = c.document_id
       ${where} ORDER BY c.rowid`,
    )
    .raw()
    .all(params) as Row[];
  const passes = gradeAndDateTest(filter);
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  // "B2" for each of the 7 × 7 pairs (a half may be missing), made once
  const gradeTexts = new Map<string, string>();
  const out: Timeline = {
    claimIds: [],
    eventStart: [],
    eventEnd: [],
    publishedStart: [],
    publishedEnd: [],
    typeIndex: [],
    types,
    documentIndex: [],
    documents: documents.map(([, id, title]) => ({ id, title })),
    grades: [],
    undated: 0,
  };
  for (const [id, docRow, eventDate, type, reliability, credibility] of rows) {
    if (passes && !passes({ reliability, credibility }, eventDate)) continue;
    const span = eventDate ? intervalOf(eventDate) : null;
    if (!span) {
      out.undated++;
      continue;
    }
    let t = typeIndex.get(type);
    if (t === undefined) {
      t = types.length;
      types.push(type);
      typeIndex.set(type, t);
    }
    const gradeKey = `${reliability}${credibility}`;
    let grade = gradeTexts.get(gradeKey);
    if (grade === undefined) {
      grade = gradeText({ reliability, credibility });
      gradeTexts.set(gradeKey, grade);
    }
    const d = docIndex.get(docRow)!;
    const pub = published[d];
    out.claimIds.push(id);
    out.eventStart.push(span.start);
    out.eventEnd.push(span.end);
    out.publishedStart.push(pub ? pub.start : -1);
    out.publishedEnd.push(pub ? pub.end : -1);
    out.typeIndex.push(t);
    out.documentIndex.push(d);
    out.grades.push(grade);
  }
  return out;
}
