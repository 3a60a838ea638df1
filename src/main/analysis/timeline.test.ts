import { describe, expect, it } from 'vitest';
import type { AnalysisFilter, Timeline } from '../../shared/api-analysis';
import { gradeText } from '../../shared/grading';
import type { ClaimId, DocumentId } from '../../shared/model';
import { dateIntervals } from '../../shared/partial-date';
import { createClaim, updateClaim } from '../db/claims';
import type { Db } from '../db/open';
import { buildClaimsFixture, KHALIMOV, KHUJAND, REUTERS } from '../test/claims-fixture';
import { rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';
import { selectClaims } from './claim-set';
import { timelineData } from './timeline';
import { timelineClaims } from '../../shared/timeline-claims';

/** One claim on the timeline, as the chart and the table read it. */
interface Placed {
  eventStart: number;
  eventEnd: number;
  publishedStart: number;
  publishedEnd: number;
  type: string;
  documentId: DocumentId;
  grade: string;
}

/**
 * The timeline as built from the shared claim selection (one object per claim): the reference the
 * grouped reader must match, claim for claim.
 */
function timelineFromClaimObjects(db: Db, filter: AnalysisFilter) {
  const documents = db
    .prepare(`SELECT id, meta ->> '$.publishedDate' FROM documents`)
    .raw()
    .all() as [DocumentId, string | null][];
  const intervalOf = dateIntervals();
  const published = new Map(documents.map(([id, date]) => [id, date ? intervalOf(date) : null]));
  const claims = new Map<string, Placed>();
  let undated = 0;
  for (const c of selectClaims(db, filter)) {
    const span = c.eventDate ? intervalOf(c.eventDate) : null;
    if (!span) {
      undated++;
      continue;
    }
    const pub = published.get(c.documentId);
    claims.set(c.id, {
      eventStart: span.start,
      eventEnd: span.end,
      publishedStart: pub?.start ?? -1,
      publishedEnd: pub?.end ?? -1,
      type: c.type,
      documentId: c.documentId,
      grade: gradeText(c),
    });
  }
  return { claims, undated };
}

/** The wire's groups expanded, claim by claim, checking the order and the grouping on the way. */
function placedClaims(t: Timeline) {
  const expanded = timelineClaims(t);
  const claims = new Map<string, Placed>();
  expanded.claimIds.forEach((id, i) => {
    claims.set(id, {
      eventStart: expanded.eventStart[i]!,
      eventEnd: expanded.eventEnd[i]!,
      publishedStart: expanded.publishedStart[i]!,
      publishedEnd: expanded.publishedEnd[i]!,
      type: expanded.types[expanded.typeIndex[i]!]!,
      documentId: expanded.documents[expanded.documentIndex[i]!]!.id,
      grade: expanded.grades[i]!,
    });
    if (i === 0) return;
    // time order: earlier start first, then the longer interval
    const [s0, s1] = [expanded.eventStart[i - 1]!, expanded.eventStart[i]!];
    expect(s0 < s1 || (s0 === s1 && expanded.eventEnd[i - 1]! >= expanded.eventEnd[i]!)).toBe(true);
  });
  // no two groups share everything: each is all the claims of its kind
  const g = t.groups;
  const keys = g.size.map((_, k) =>
    [g.eventStart[k], g.eventEnd[k], g.typeIndex[k], g.documentIndex[k], g.gradeIndex[k]].join(),
  );
  expect(new Set(keys).size).toBe(keys.length);
  return { claims, undated: t.undated };
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
      const grouped = timelineData(backend.db, filter);
      expect(placedClaims(grouped), JSON.stringify(filter)).toEqual(
        timelineFromClaimObjects(backend.db, filter),
      );
      // each filter must leave something to compare
      expect(grouped.claimIds.length + grouped.undated).toBeGreaterThan(0);
    }
    const all = timelineData(backend.db, {});
    expect(all.undated).toBeGreaterThan(0);
    // claims that share a date, type, document and grade travel as one group
    expect(all.groups.size.length).toBeLessThan(all.claimIds.length);
    expect(all.groups.size.reduce((a, b) => a + b, 0)).toBe(all.claimIds.length);
    // ungraded, graded by source, by claimant, and with a credibility: each kind is compared
    const grades = new Set(timelineClaims(all).grades);
    for (const g of ['', 'A–', 'B–', 'E–', 'B2']) expect(grades).toContain(g);
    expect([...grades].filter((g) => /^[–A-F][1-6]$/.test(g)).length).toBeGreaterThan(1);
  });
});

describe('timeline groups', () => {
  it('keep types and stored dates that hold the key separator, NUL or characters beyond 16 bits', async () => {
    const backend = tempBackend();
    const { doc } = await buildClaimsFixture(backend.db);
    const undatedBefore = timelineData(backend.db, {}).undated;
    const quote = 'Gulmurod Khalimov';
    const start = SAMPLE_TEXT.indexOf(quote);
    const made = ['2018-11', '2018-11', '2018-11', '2015', '😀2015|3', '2018-11\u0000'].map(
      (eventDate) => {
        const c = createClaim(backend.db, {
          documentId: doc.id,
          spans: [{ start, end: start + quote.length }],
        });
        return { id: c.id, eventDate };
      },
    );
    const types = ['a|5|b', 'a|5|b', '𝒜 riot|2', 'event', 'event', 'ev\u0000ent'];
    // written past the API's validation, as an old or hand-edited workspace may hold them
    const set = backend.db.prepare('UPDATE claims SET event_date = ?, type = ? WHERE id = ?');
    made.forEach(({ id, eventDate }, i) => set.run(eventDate, types[i], id));
    const t = timelineData(backend.db, {});
    const expanded = timelineClaims(t);
    const typeOf = (id: ClaimId) =>
      expanded.types[expanded.typeIndex[expanded.claimIds.indexOf(id)]!];
    expect(typeOf(made[0]!.id)).toBe('a|5|b');
    expect(typeOf(made[1]!.id)).toBe('a|5|b');
    expect(typeOf(made[2]!.id)).toBe('𝒜 riot|2');
    // not dates: counted as undated, never misread
    expect(t.undated).toBe(undatedBefore + 2);
    expect(expanded.claimIds).not.toContain(made[4]!.id);
    expect(expanded.claimIds).not.toContain(made[5]!.id);
    // 2015 starts first; the two "a|5|b" claims of November 2018 are one group
    expect(expanded.claimIds.indexOf(made[3]!.id)).toBeLessThan(
      expanded.claimIds.indexOf(made[0]!.id),
    );
    expect(t.groups.size.filter((n) => n === 2).length).toBeGreaterThanOrEqual(1);
  });
});
