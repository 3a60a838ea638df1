import { describe, expect, it } from 'vitest';
import type { AnalysisFilter, Timeline } from '../../shared/api-analysis';
import { gradeText } from '../../shared/grading';
import type { DocumentId } from '../../shared/model';
import { dateIntervals } from '../../shared/partial-date';
import { createClaim, updateClaim } from '../db/claims';
import type { Db } from '../db/open';
import { buildClaimsFixture, KHALIMOV, KHUJAND, REUTERS } from '../test/claims-fixture';
import { rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';
import { selectClaims } from './claim-set';
import { timelineData } from './timeline';

/**
 * The timeline as it was built from the shared claim selection (one object per claim): the
 * reference the columnar reader must match, value for value.
 */
function timelineFromClaimObjects(db: Db, filter: AnalysisFilter): Timeline {
  const documents = db
    .prepare(`SELECT id, meta ->> '$.title', meta ->> '$.publishedDate' FROM documents`)
    .raw()
    .all() as [DocumentId, string, string | null][];
  const intervalOf = dateIntervals();
  const docIndex = new Map(documents.map(([id], i) => [id as string, i]));
  const published = documents.map(([, , date]) => (date ? intervalOf(date) : null));
  const out: Timeline = {
    claimIds: [],
    eventStart: [],
    eventEnd: [],
    publishedStart: [],
    publishedEnd: [],
    typeIndex: [],
    types: [],
    documentIndex: [],
    documents: documents.map(([id, title]) => ({ id, title })),
    grades: [],
    undated: 0,
  };
  for (const c of selectClaims(db, filter)) {
    const span = c.eventDate ? intervalOf(c.eventDate) : null;
    if (!span) {
      out.undated++;
      continue;
    }
    if (!out.types.includes(c.type)) out.types.push(c.type);
    const d = docIndex.get(c.documentId)!;
    out.claimIds.push(c.id);
    out.eventStart.push(span.start);
    out.eventEnd.push(span.end);
    out.publishedStart.push(published[d]?.start ?? -1);
    out.publishedEnd.push(published[d]?.end ?? -1);
    out.typeIndex.push(out.types.indexOf(c.type));
    out.documentIndex.push(d);
    out.grades.push(gradeText(c));
  }
  return out;
}

const DATES = [null, '2015', '2015-05', '2018-11-07', '2018-11-07/2018-11-08', '2015/2016-03'];
const TYPES = ['event', 'statistic', 'attribution', 'other'];
const ENTITIES = [null, REUTERS, KHALIMOV, KHUJAND];

describe('timeline data read as columns', () => {
  it('equals the timeline built from claim objects, for every filter', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { doc, pdf } = await buildClaimsFixture(backend.db);
    // 120 claims over both documents: every kind of date (and none), types, claimants, places,
    // subjects and tags in rotation, so each filter keeps some and drops some
    const quote = 'Gulmurod Khalimov';
    const start = SAMPLE_TEXT.indexOf(quote);
    const ids = [];
    for (let i = 0; i < 120; i++) {
      const c = createClaim(backend.db, {
        documentId: doc.id,
        spans: [{ start, end: start + quote.length }],
      });
      updateClaim(backend.db, c.id, {
        eventDate: DATES[i % DATES.length],
        type: TYPES[i % TYPES.length],
        claimantId: ENTITIES[i % 4],
        placeId: ENTITIES[(i + 1) % 4],
        subjectIds: i % 5 === 0 ? [KHALIMOV] : [],
        tags: i % 3 === 0 ? ['riot'] : [],
      });
      ids.push(c.id);
    }
    backend.db.prepare(`UPDATE claims SET document_id = ? WHERE rowid % 7 = 0`).run(pdf.id);
    await rpc('grades.set', { target: 'entity', id: REUTERS, reliability: 'B' });
    await rpc('grades.set', { target: 'entity', id: KHALIMOV, reliability: 'E' });
    await rpc('grades.set', { target: 'claim', id: ids[1]!, credibility: 2 });
    await rpc('grades.set', { target: 'claim', id: ids[7]!, credibility: 5 });
    await rpc('grades.set', { target: 'document', id: pdf.id, reliability: 'A' });
    await rpc('grades.set', { target: 'claim', id: ids[14]!, credibility: 1 });

    const filters: AnalysisFilter[] = [
      {},
      { entityId: KHALIMOV },
      { entityId: KHUJAND },
      { tag: 'riot' },
      { type: 'statistic' },
      { minReliability: 'C' },
      { minCredibility: 2 },
      { minReliability: 'D', minCredibility: 5 },
      { from: '2015-06', to: '2018' },
      { documentId: pdf.id },
      { entityId: REUTERS, tag: 'riot', minReliability: 'B' },
    ];
    for (const filter of filters) {
      const columns = timelineData(backend.db, filter);
      expect(columns, JSON.stringify(filter)).toEqual(timelineFromClaimObjects(backend.db, filter));
      // each filter must leave something to compare and, but for the empty one, drop something
      expect(columns.claimIds.length + columns.undated).toBeGreaterThan(0);
    }
    const all = timelineData(backend.db, {});
    expect(all.undated).toBeGreaterThan(0);
    // ungraded, graded by source, by claimant, and with a credibility: each kind is compared
    const grades = new Set(all.grades);
    for (const g of ['', 'A–', 'B–', 'E–', 'B2']) expect(grades).toContain(g);
    expect([...grades].filter((g) => /^[–A-F][1-6]$/.test(g)).length).toBeGreaterThan(1);
  });
});
