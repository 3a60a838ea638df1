import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../../shared/api-search';
import type { DocumentId, Entity, EntityId, RelationId } from '../../shared/model';
import { importDocument } from '../documents';
import { SAMPLE_TEXT, enc, tempBackend } from '../test/workspace';
import { createClaim, updateClaim } from './claims';
import { claimRowsSql, filterSql, orderSql, queryClaims } from './claims-query';
import { insertDocument } from './documents';
import { putEntity } from './entities';
import type { Db } from './open';
import { putRelation } from './relations';
import { deleteFilter, listSavedFilters, saveFilter } from './saved-filters';

const person = (id: string, name: string): Entity => ({
  id: id as EntityId,
  kind: 'person',
  name,
  aliases: [],
  description: '',
  externalIds: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const REUTERS = 'ent_00000000000a' as EntityId;
const KHALIMOV = 'ent_00000000000b' as EntityId;
const KHUJAND = 'ent_00000000000c' as EntityId;

/** Two documents (one paged like a PDF), three entities, four claims, one relation. */
async function fixture() {
  const { db } = tempBackend();
  const { document: doc } = await importDocument(db, {
    fileName: 'khujand.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  const pdfText = 'Page one text about the Zafar riot.\n\nPage two text about Vahdat.';
  const pdf = insertDocument(db, {
    sha256: 'b'.repeat(64),
    mediaType: 'application/pdf',
    fileName: 'report.pdf',
    bytes: enc('%PDF-1.4 fake'),
    content: {
      text: pdfText,
      blocks: [],
      marks: [],
      pages: [
        { index: 0, label: 'iv', start: 0, end: 37 },
        { index: 1, label: 'v', start: 37, end: pdfText.length },
      ],
      meta: {},
      warnings: [],
    },
    meta: {
      title: 'A report',
      authors: [],
      publishedDate: null,
      publisher: null,
      sourceUrl: null,
      language: null,
    },
  });
  for (const e of [
    person(REUTERS, 'Reuters'),
    person(KHALIMOV, 'Gulmurod Khalimov'),
    person(KHUJAND, 'Khujand'),
  ]) {
    putEntity(db, e);
  }
  const at = (text: string, phrase: string) => {
    const start = text.indexOf(phrase);
    return [{ start, end: start + phrase.length }];
  };
  const riot = createClaim(db, {
    documentId: doc.id,
    spans: at(SAMPLE_TEXT, 'a riot in the Khujand prison'),
  });
  updateClaim(db, riot.id, {
    claimantId: REUTERS,
    subjectIds: [KHUJAND],
    placeId: KHUJAND,
    type: 'event',
    certainty: 'likely',
    eventDate: '2018-11-07',
    tags: ['prison', 'riot'],
    status: 'reviewed',
  });
  const toll = createClaim(db, { documentId: doc.id, spans: at(SAMPLE_TEXT, 'closer to 50') });
  updateClaim(db, toll.id, {
    type: 'statistic',
    certainty: 'disputed',
    eventDate: '2018-11',
    tags: ['riot'],
  });
  const defect = createClaim(db, {
    documentId: doc.id,
    spans: at(SAMPLE_TEXT, 'had defected to ISIS in 2015'),
  });
  updateClaim(db, defect.id, {
    subjectIds: [KHALIMOV, KHUJAND],
    eventDate: '2015',
    note: 'Ombudsman says otherwise',
  });
  const zafar = createClaim(db, { documentId: pdf.id, spans: at(pdfText, 'Vahdat') });
  putRelation(db, {
    id: 'rel_00000000000a' as RelationId,
    fromClaimId: toll.id,
    toClaimId: riot.id,
    kind: 'contradicts',
    note: '',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  return { db, doc, pdf, riot, toll, defect, zafar };
}

const ids = (db: Db, filter: ClaimFilter) =>
  queryClaims(db, { filter, limit: 100, offset: 0 }).rows.map((r) => r.id);

describe('claims table', () => {
  it('returns every column of the table', async () => {
    const { db, doc, riot, zafar } = await fixture();
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
      certainty: 'likely',
      eventDate: '2018-11-07',
      tags: ['prison', 'riot'],
      status: 'reviewed',
      relationsCount: 1,
      page: null,
    });
    expect(SAMPLE_TEXT.slice(row.start, row.end)).toBe(row.quote);
    expect(page.rows.find((r) => r.id === zafar.id)!.page).toEqual({ index: 1, label: 'v' });
  });

  it('filters by every column and by text', async () => {
    const { db, doc, pdf, riot, toll, defect, zafar } = await fixture();
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(ids(db, { documentId: doc.id }))).toEqual(sorted([riot.id, toll.id, defect.id]));
    expect(ids(db, { documentId: pdf.id, page: 'v' })).toEqual([zafar.id]);
    expect(ids(db, { page: 'iv' })).toEqual([]);
    expect(ids(db, { claimantId: REUTERS })).toEqual([riot.id]);
    expect(ids(db, { claimantId: null })).toHaveLength(3);
    expect(sorted(ids(db, { subjectId: KHUJAND }))).toEqual(sorted([riot.id, defect.id]));
    expect(ids(db, { placeId: KHUJAND })).toEqual([riot.id]);
    expect(ids(db, { type: 'statistic' })).toEqual([toll.id]);
    expect(ids(db, { certainty: 'disputed' })).toEqual([toll.id]);
    expect(ids(db, { certainty: null })).toHaveLength(2);
    expect(ids(db, { stance: 'denies' })).toEqual([]);
    expect(sorted(ids(db, { eventDate: { from: '2018-11', to: '2018-11' } }))).toEqual(
      sorted([riot.id, toll.id]),
    );
    expect(ids(db, { eventDate: { to: '2017' } })).toEqual([defect.id]);
    expect(ids(db, { eventDate: { from: '2018-11-07' } })).toEqual([riot.id]);
    expect(sorted(ids(db, { tag: 'riot' }))).toEqual(sorted([riot.id, toll.id]));
    expect(ids(db, { status: 'reviewed' })).toEqual([riot.id]);
    expect(sorted(ids(db, { hasRelations: true }))).toEqual(sorted([riot.id, toll.id]));
    expect(sorted(ids(db, { hasRelations: false }))).toEqual(sorted([defect.id, zafar.id]));
    // text: statement, quote or note, each bare word a prefix
    expect(ids(db, { text: 'ombuds' })).toEqual([defect.id]);
    expect(ids(db, { text: 'khuj pris' })).toEqual([riot.id]);
    expect(ids(db, { text: 'riot', tag: 'prison', claimantId: REUTERS })).toEqual([riot.id]);
    expect(() => ids(db, { text: '"unclosed' })).toThrow(/quotation mark/);
  });

  it('sorts by any column either way, reading order breaking ties, and pages', async () => {
    const { db, riot, toll, defect, zafar } = await fixture();
    const order = (
      column: NonNullable<Parameters<typeof queryClaims>[1]['sort']>['column'],
      direction: 'asc' | 'desc' = 'asc',
    ) =>
      queryClaims(db, { filter: {}, sort: { column, direction }, limit: 100, offset: 0 }).rows.map(
        (r) => r.id,
      );
    // reading order: "A report" before "khujand", then by position
    expect(queryClaims(db, { filter: {}, limit: 100, offset: 0 }).rows.map((r) => r.id)).toEqual([
      zafar.id,
      riot.id,
      toll.id,
      defect.id,
    ]);
    expect(order('eventDate')).toEqual([defect.id, toll.id, riot.id, zafar.id]);
    expect(order('eventDate', 'desc')).toEqual([riot.id, toll.id, defect.id, zafar.id]);
    expect(order('certainty')).toEqual([riot.id, toll.id, zafar.id, defect.id]);
    expect(order('relations', 'desc').slice(2)).toEqual([zafar.id, defect.id]);
    expect(order('claimant')).toEqual([riot.id, zafar.id, toll.id, defect.id]);
    expect(order('subjects')[0]).toBe(defect.id); // "Gulmurod Khalimov; Khujand"
    expect(order('statement')[0]).toBe(riot.id);
    for (const column of [
      'quote',
      'document',
      'page',
      'type',
      'stance',
      'tags',
      'status',
      'createdAt',
      'updatedAt',
    ] as const) {
      expect(order(column).sort()).toEqual([riot.id, toll.id, defect.id, zafar.id].sort());
    }
    const second = queryClaims(db, { filter: {}, limit: 2, offset: 2 });
    expect(second.total).toBe(4);
    expect(second.rows.map((r) => r.id)).toEqual([toll.id, defect.id]);
  });

  it('uses indexes for the main filters', async () => {
    const { db } = await fixture();
    const plan = (filter: ClaimFilter) => {
      const where = filterSql(filter);
      const sql = `EXPLAIN QUERY PLAN ${claimRowsSql(where.sql)} ${orderSql()} LIMIT 100`;
      return (db.prepare(sql).all(where.params) as { detail: string }[])
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
