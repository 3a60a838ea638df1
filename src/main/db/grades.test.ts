import { describe, expect, it } from 'vitest';
import { claimFilter } from '../../shared/api-search';
import { CSV_COLUMNS, exportCsv } from '../exporters/csv';
import { exportClaimsJson } from '../exporters/claims-json';
import { exportW3c } from '../exporters/w3c';
import { buildClaimsFixture, KHALIMOV, REUTERS } from '../test/claims-fixture';
import { failureOf, rpcOf } from '../test/rpc';
import { expectValid } from '../test/schemas';
import { tempBackend } from '../test/workspace';
import { queryClaims } from './claims-query';

async function graded() {
  const backend = tempBackend();
  const rpc = rpcOf(backend);
  const fixture = await buildClaimsFixture(backend.db);
  return { backend, rpc, db: backend.db, ...fixture };
}

const gradeOfRow = (db: Parameters<typeof queryClaims>[0], id: string) =>
  queryClaims(db, { filter: {}, limit: 100, offset: 0 }).rows.find((r) => r.id === id)!.grade;

describe('grading (Admiralty: reliability A–F of sources and claimants, credibility 1–6 of claims)', () => {
  it('takes a claim’s reliability from its claimant if graded, else from its document', async () => {
    const { rpc, db, doc, claims } = await graded();
    expect(gradeOfRow(db, claims.riot.id)).toEqual({ reliability: null, credibility: null });

    await rpc('grades.set', { target: 'document', id: doc.id, reliability: 'C', note: 'tabloid' });
    await rpc('grades.set', { target: 'claim', id: claims.riot.id, credibility: 2 });
    // riot's claimant (Reuters) is not graded yet: the document's grade applies
    expect(gradeOfRow(db, claims.riot.id)).toEqual({ reliability: 'C', credibility: 2 });
    const [card] = await rpc('analysis.cards', { claimIds: [claims.riot.id] });
    expect(card!.grade).toEqual({ reliability: 'C', credibility: 2, reliabilityFrom: 'source' });

    await rpc('grades.set', { target: 'entity', id: REUTERS, reliability: 'B' });
    expect(gradeOfRow(db, claims.riot.id)).toEqual({ reliability: 'B', credibility: 2 });
    const [again] = await rpc('analysis.cards', { claimIds: [claims.riot.id] });
    expect(again!.grade.reliabilityFrom).toBe('claimant');
    // a claim of the same document without a graded claimant keeps the document's grade
    expect(gradeOfRow(db, claims.toll.id)).toEqual({ reliability: 'C', credibility: null });

    // removing the claimant's grade falls back to the document's; the note stays with its grade
    await rpc('grades.set', { target: 'entity', id: REUTERS, reliability: null });
    expect(gradeOfRow(db, claims.riot.id).reliability).toBe('C');
    expect(await rpc('grades.list', { target: 'document' })).toMatchObject([
      { targetId: doc.id, reliability: 'C', note: 'tabloid' },
    ]);
  });

  it('is undoable, and refuses the wrong half of a grade and unknown targets', async () => {
    const { backend, rpc, db, doc, claims } = await graded();
    await rpc('grades.set', { target: 'document', id: doc.id, reliability: 'A' });
    await rpc('grades.set', { target: 'document', id: doc.id, reliability: 'E' });
    expect((await rpc('history.undo', {}))!.label).toBe('grade document');
    expect(gradeOfRow(db, claims.riot.id).reliability).toBe('A');
    await rpc('history.redo', {});
    expect(gradeOfRow(db, claims.riot.id).reliability).toBe('E');

    const wrongHalf = await failureOf(backend, 'grades.set', {
      target: 'claim',
      id: claims.riot.id,
      reliability: 'A',
    });
    expect(wrongHalf.message).toMatch(/credibility \(1–6\)/);
    expect(
      (await failureOf(backend, 'grades.set', { target: 'document', id: doc.id, credibility: 2 }))
        .code,
    ).toBe('invalid_input');
    expect(
      (
        await failureOf(backend, 'grades.set', {
          target: 'claim',
          id: claims.riot.id,
          credibility: 7,
        })
      ).code,
    ).toBe('invalid_input');
    expect(
      (
        await failureOf(backend, 'grades.set', {
          target: 'entity',
          id: 'ent_0123456789ab',
          reliability: 'B',
        })
      ).code,
    ).toBe('not_found');
    // nothing was stored by the refused calls
    expect(await rpc('grades.list', { target: 'claim' })).toEqual([]);
  });

  it('brings a claim’s grade back when its deletion is undone', async () => {
    const { rpc, db, claims } = await graded();
    await rpc('grades.set', { target: 'claim', id: claims.toll.id, credibility: 4 });
    await rpc('claims.delete', { id: claims.toll.id });
    await rpc('history.undo', {});
    expect(gradeOfRow(db, claims.toll.id).credibility).toBe(4);
  });

  it('sorts and filters the claims table by grade', async () => {
    const { rpc, db, doc, pdf, claims } = await graded();
    await rpc('grades.set', { target: 'document', id: doc.id, reliability: 'B' });
    await rpc('grades.set', { target: 'document', id: pdf.id, reliability: 'A' });
    await rpc('grades.set', { target: 'claim', id: claims.riot.id, credibility: 3 });
    await rpc('grades.set', { target: 'claim', id: claims.toll.id, credibility: 1 });
    const ids = (filter: object, sort?: object) =>
      queryClaims(db, {
        filter: claimFilter.parse(filter),
        ...(sort ? { sort: sort as never } : {}),
        limit: 100,
        offset: 0,
      }).rows.map((r) => r.id);
    // A– (vahdat), B1 (toll), B3 (riot), B– (cyrillic)
    expect(ids({}, { column: 'grade', direction: 'asc' })).toEqual([
      claims.vahdat.id,
      claims.toll.id,
      claims.riot.id,
      claims.cyrillic.id,
    ]);
    expect(ids({ reliability: 'A' })).toEqual([claims.vahdat.id]);
    expect(ids({ credibility: 3 })).toEqual([claims.riot.id]);
    expect(ids({ credibility: null }).sort()).toEqual(
      [claims.cyrillic.id, claims.vahdat.id].sort(),
    );
  });

  it('exports the grade: claims JSON (schema-valid), CSV columns and a W3C assessing body', async () => {
    const { rpc, db, doc, claims } = await graded();
    await rpc('grades.set', { target: 'document', id: doc.id, reliability: 'B' });
    await rpc('grades.set', { target: 'entity', id: KHALIMOV, reliability: 'E' });
    await rpc('grades.set', { target: 'claim', id: claims.riot.id, credibility: 2 });

    const json = exportClaimsJson(db, { generator: 'test' });
    expectValid('claims', json);
    const byId = new Map(json.claims.map((c) => [c.id, c]));
    expect(byId.get(claims.riot.id)!.grade).toEqual({ reliability: 'B', credibility: 2 });
    expect(byId.get(claims.vahdat.id)!.grade).toEqual({ reliability: null, credibility: null });

    const csv = exportCsv(db, {}).slice(1).split('\r\n');
    const header = csv[0]!.split(',');
    expect(header).toEqual(CSV_COLUMNS.map(([n]) => n));
    const riotLine = csv.find((l) => l.startsWith(claims.riot.id))!;
    expect(header.indexOf('reliability')).toBeGreaterThan(0);
    expect(riotLine).toContain(',B,2,0,0,,');

    const w3c = exportW3c(db, { generator: 'test' });
    expectValid('w3c', w3c);
    const items = (
      w3c.first as { items: { id: string; body?: { purpose: string; value: string }[] }[] }
    ).items;
    const riot = items.find((i) => i.id.endsWith(claims.riot.id))!;
    expect(riot.body!.find((b) => b.purpose === 'assessing')!.value).toBe(
      'B2 (usually reliable source, probably true)',
    );
  });
});
