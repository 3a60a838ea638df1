import type { AnalysisFilter, Timeline } from '../../shared/api-analysis';
import { gradeText } from '../../shared/grading';
import type { DocumentId } from '../../shared/model';
import { dateIntervals } from '../../shared/partial-date';
import type { Db } from '../db/open';
import { selectClaims } from './claim-set';

/**
 * The timeline's data: each dated claim's event date as the interval it stands for, beside its
 * source's publication date (when it was reported vs when it happened), as columns.
 */
export function timelineData(db: Db, filter: AnalysisFilter): Timeline {
  const claims = selectClaims(db, filter);
  const documents = db
    .prepare(`SELECT id, meta ->> '$.title', meta ->> '$.publishedDate' FROM documents`)
    .raw()
    .all() as [DocumentId, string, string | null][];
  const intervalOf = dateIntervals();
  const docIndex = new Map<string, number>();
  const published: ({ start: number; end: number } | null)[] = [];
  documents.forEach(([id, , date], i) => {
    docIndex.set(id, i);
    published.push(date ? intervalOf(date) : null);
  });
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const out: Timeline = {
    claimIds: [],
    eventStart: [],
    eventEnd: [],
    publishedStart: [],
    publishedEnd: [],
    typeIndex: [],
    types,
    documentIndex: [],
    documents: documents.map(([id, title]) => ({ id, title })),
    grades: [],
    undated: 0,
  };
  for (const c of claims) {
    const span = c.eventDate ? intervalOf(c.eventDate) : null;
    if (!span) {
      out.undated++;
      continue;
    }
    let t = typeIndex.get(c.type);
    if (t === undefined) {
      t = types.length;
      types.push(c.type);
      typeIndex.set(c.type, t);
    }
    const d = docIndex.get(c.documentId)!;
    const pub = published[d];
    out.claimIds.push(c.id);
    out.eventStart.push(span.start);
    out.eventEnd.push(span.end);
    out.publishedStart.push(pub ? pub.start : -1);
    out.publishedEnd.push(pub ? pub.end : -1);
    out.typeIndex.push(t);
    out.documentIndex.push(d);
    out.grades.push(gradeText(c));
  }
  return out;
}
