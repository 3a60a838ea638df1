import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../../shared/api-search';
import type { DocumentId } from '../../shared/model';
import { KHALIMOV, KHUJAND, REUTERS, buildClaimsFixture } from '../test/claims-fixture';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';
import { filterSql, pageIdsSql, queryClaims } from './claims-query';
import type { Db } from './open';
import { deleteFilter, listSavedFilters, saveFilter } from './saved-filters';

async function fixture() {
  const { db } = tempBackend();
  const { doc, pdf, claims } = await buildClaimsFixture(db);
  return { db, doc, pdf, ...claims };
}

const ids = (db: Db, filter: ClaimFilter) =>
  queryClaims(db, { filter, limit: 100, offset: 0 }).rows.map((r) => r.id);

describe('claims table', () => {
  it('returns every column of the table', async () => {
    const { db, doc, riot, vahdat } = await fixture();
    const page = queryClaims(db, { filter: {}, limit: 100, offset: 0 });
    expect(page.total).toBe(4);
    const row = page.rows.find((r) => r.id === riot.id)!;
    expect(row).toMatchObject({
      documentId: doc.id,
      documentTitle: doc.meta.title,
      statement: 'a riot in the Khujand prison',
      quote: 'a riot in the Khujand prison',
      claimant: { id: REUTERS, name: 'Reuters' },
      subjects: [{ id: KHUJAND, name: 'Khujand' }],
      place: { id: KHUJAND, name: 'Khujand' },
      type: 'event',
      stance: 'asserts',
      certainty: 'likely',
      eventDate: '2018-11-07',
      tags: ['prison', 'riot'],
      status: 'reviewed',
      relationsCount: 1,
      page: null,
    });
    expect(SAMPLE_TEXT.slice(row.start, row.end)).toBe(row.quote);
    expect(page.rows.find((r) => r.id === vahdat.id)!.page).toEqual({ index: 1, label: 'v' });
  });

  it('filters by every column and by text', async () => {
    const { db, doc, pdf, riot, toll, cyrillic, vahdat } = await fixture();
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(ids(db, { documentId: doc.id }))).toEqual(
      sorted([riot.id, toll.id, cyrillic.id]),
    );
    expect(ids(db, { documentId: pdf.id, page: 'v' })).toEqual([vahdat.id]);
    expect(ids(db, { page: 'iv' })).toEqual([]);
    // the count joins the first passage only for the page filter: both ways it agrees with the rows
    expect(queryClaims(db, { filter: { page: 'v' }, limit: 1, offset: 0 }).total).toBe(1);
    expect(queryClaims(db, { filter: { status: 'reviewed' }, limit: 1, offset: 0 }).total).toBe(1);
    expect(ids(db, { claimantId: REUTERS })).toEqual([riot.id]);
    expect(ids(db, { claimantId: null })).toHaveLength(3);
    expect(sorted(ids(db, { subjectId: KHUJAND }))).toEqual(sorted([riot.id, cyrillic.id]));
    expect(ids(db, { subjectId: KHALIMOV })).toEqual([cyrillic.id]);
    expect(ids(db, { placeId: KHUJAND })).toEqual([riot.id]);
    expect(ids(db, { type: 'statistic' })).toEqual([toll.id]);
    expect(ids(db, { certainty: 'disputed' })).toEqual([toll.id]);
    expect(sorted(ids(db, { certainty: null }))).toEqual(sorted([cyrillic.id, vahdat.id]));
    expect(ids(db, { stance: 'questions' })).toEqual([cyrillic.id]);
    expect(ids(db, { stance: 'denies' })).toEqual([]);
    // partial dates: "in November 2018" holds 2018-11 and 2018-11-07; a month counts by its start
    const november = { from: '2018-11', to: '2018-11' };
    expect(sorted(ids(db, { eventDate: november }))).toEqual(sorted([riot.id, cyrillic.id]));
    expect(ids(db, { eventDate: { to: '2018-11-06' } })).toEqual([cyrillic.id]);
    expect(ids(db, { eventDate: { from: '2018-11-07' } })).toEqual([riot.id]);
    expect(sorted(ids(db, { tag: 'riot' }))).toEqual(sorted([riot.id, toll.id]));
    expect(ids(db, { tag: 'toll, dead' })).toEqual([toll.id]);
    expect(ids(db, { status: 'reviewed' })).toEqual([riot.id]);
    expect(sorted(ids(db, { hasRelations: true }))).toEqual(sorted([riot.id, toll.id]));
    expect(sorted(ids(db, { hasRelations: false }))).toEqual(sorted([cyrillic.id, vahdat.id]));
    // text: statement, quote or note, each bare word a prefix, Cyrillic too
    expect(ids(db, { text: 'SUM' })).toEqual([riot.id]);
    expect(ids(db, { text: 'khuj pris' })).toEqual([riot.id]);
    expect(ids(db, { text: 'колони' })).toEqual([cyrillic.id]);
    expect(ids(db, { text: 'riot', tag: 'prison', claimantId: REUTERS })).toEqual([riot.id]);
    expect(() => ids(db, { text: '"unclosed' })).toThrow(/quotation mark/);
  });

  it('sorts by any column either way, reading order breaking ties, and pages', async () => {
    const { db, riot, toll, cyrillic, vahdat } = await fixture();
    type Column = NonNullable<Parameters<typeof queryClaims>[1]['sort']>['column'];
    const order = (column: Column, direction: 'asc' | 'desc' = 'asc') =>
      queryClaims(db, { filter: {}, sort: { column, direction }, limit: 100, offset: 0 }).rows.map(
        (r) => r.id,
      );
    // reading order: "A report" first, then the sample text by position
    const reading = [vahdat.id, riot.id, toll.id, cyrillic.id];
    expect(queryClaims(db, { filter: {}, limit: 100, offset: 0 }).rows.map((r) => r.id)).toEqual(
      reading,
    );
    // empty cells last either way, in reading order
    expect(order('eventDate')).toEqual([cyrillic.id, riot.id, vahdat.id, toll.id]);
    expect(order('eventDate', 'desc')).toEqual([riot.id, cyrillic.id, vahdat.id, toll.id]);
    expect(order('certainty')).toEqual([riot.id, toll.id, vahdat.id, cyrillic.id]);
    expect(order('relations', 'desc')).toEqual([riot.id, toll.id, vahdat.id, cyrillic.id]);
    expect(order('claimant')).toEqual([riot.id, vahdat.id, toll.id, cyrillic.id]);
    expect(order('subjects')[0]).toBe(cyrillic.id); // "Gulmurod Khalimov; Khujand"
    expect(order('statement')).toEqual([toll.id, riot.id, vahdat.id, cyrillic.id]); // "=27…", "a riot…"
    expect(order('stance', 'desc')[0]).toBe(cyrillic.id);
    for (const column of [
      'quote',
      'document',
      'page',
      'type',
      'tags',
      'status',
      'createdAt',
      'updatedAt',
    ] as const) {
      expect(order(column).sort()).toEqual([...reading].sort());
    }
    // by document title either way, each document's claims in reading order
    expect(order('document', 'desc')).toEqual([riot.id, toll.id, cyrillic.id, vahdat.id]);
    const second = queryClaims(db, { filter: {}, limit: 2, offset: 2 });
    expect(second.total).toBe(4);
    expect(second.rows.map((r) => r.id)).toEqual([toll.id, cyrillic.id]);
  });

  it('uses indexes for the main filters', async () => {
    const { db } = await fixture();
    const plan = (filter: ClaimFilter) => {
      const where = filterSql(filter);
      const sql = `EXPLAIN QUERY PLAN ${pageIdsSql(where.sql)}`;
      return (
        db.prepare(sql).all({ ...where.params, limit: 100, offset: 0 }) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
    };
    const docId = 'doc_0123456789abcdef' as DocumentId;
    const cases: [ClaimFilter, RegExp][] = [
      [{ documentId: docId }, /SEARCH c USING INDEX claims_by_document/],
      [{ claimantId: REUTERS }, /SEARCH c USING INDEX claims_by_claimant/],
      [
        { subjectId: KHUJAND },
        /SEARCH claim_subjects USING (COVERING )?INDEX claim_subjects_by_entity/,
      ],
      [{ tag: 'riot' }, /SEARCH ct USING (COVERING )?INDEX claim_tags_by_tag/],
      [{ type: 'event' }, /SEARCH c USING INDEX claims_by_type/],
      [{ status: 'draft' }, /SEARCH c USING INDEX claims_by_status/],
      [{ certainty: 'likely' }, /SEARCH c USING INDEX claims_by_certainty/],
      [{ eventDate: { from: '2018', to: '2018' } }, /SEARCH c USING INDEX claims_by_event_date/],
      [{ text: 'riot' }, /VIRTUAL TABLE INDEX/],
    ];
    for (const [filter, expected] of cases) {
      const detail = plan(filter);
      expect(detail, JSON.stringify(filter)).toMatch(expected);
      // the claims themselves are never scanned when a filter narrows them
      expect(detail, JSON.stringify(filter)).not.toMatch(/SCAN c\b/);
    }
  });

  it('saves, lists, replaces and deletes named filters', async () => {
    const { db } = await fixture();
    const saved = saveFilter(db, {
      name: 'Reuters riots',
      filter: { claimantId: REUTERS, tag: 'riot' },
    });
    expect(saved).toMatchObject({
      name: 'Reuters riots',
      filter: { claimantId: REUTERS, tag: 'riot' },
      sort: null,
    });
    saveFilter(db, {
      name: 'Reuters riots',
      filter: { tag: 'riot' },
      sort: { column: 'eventDate', direction: 'desc' },
    });
    saveFilter(db, { name: 'a first', filter: {} });
    const list = listSavedFilters(db);
    expect(list.map((f) => f.name)).toEqual(['a first', 'Reuters riots']);
    expect(list[1]).toMatchObject({
      filter: { tag: 'riot' },
      sort: { column: 'eventDate', direction: 'desc' },
    });
    expect(deleteFilter(db, 'a first')).toBe(true);
    expect(deleteFilter(db, 'a first')).toBe(false);
    expect(listSavedFilters(db).map((f) => f.name)).toEqual(['Reuters riots']);
  });
});
