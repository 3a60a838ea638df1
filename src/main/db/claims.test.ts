import { describe, expect, it } from 'vitest';
import type { ClaimId } from '../../shared/model';
import { importDocument } from '../documents';
import { SAMPLE_TEXT, enc, tempBackend } from '../test/workspace';
import { claimLabel, createClaim, deleteClaim, getClaim, listClaims, updateClaim } from './claims';
import { redo, undo } from './history';
import { putRelation } from './relations';

async function withDocument() {
  const backend = tempBackend();
  const { document } = await importDocument(backend.db, {
    fileName: 'khujand.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  return { db: backend.db, doc: document };
}

describe('claims', () => {
  it('builds the quote selector from the stored text and finds hedges', async () => {
    const { db, doc } = await withDocument();
    const start = SAMPLE_TEXT.indexOf('a riot in the Khujand prison');
    const end = SAMPLE_TEXT.indexOf('closer to 50') + 'closer to 50'.length;
    const claim = createClaim(db, { documentId: doc.id, spans: [{ start, end }] });
    expect(claim.spans[0]!.exact).toBe(SAMPLE_TEXT.slice(start, end));
    expect(claim.spans[0]!.prefix).toBe(SAMPLE_TEXT.slice(start - 32, start));
    expect(claim.spans[0]!.suffix).toBe(SAMPLE_TEXT.slice(end, end + 32));
    expect(claim.statement).toBe(SAMPLE_TEXT.slice(start, end));
    expect(claim.hedges).toEqual(expect.arrayContaining(['reportedly', 'at least', 'closer to']));
    expect(getClaim(db, claim.id)).toEqual(claim);
  });

  it('allows overlapping claims and lists them in reading order', async () => {
    const { db, doc } = await withDocument();
    const second = createClaim(db, { documentId: doc.id, spans: [{ start: 60, end: 120 }] });
    const first = createClaim(db, { documentId: doc.id, spans: [{ start: 30, end: 90 }] });
    expect(listClaims(db, { documentId: doc.id }).map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it('refuses passages outside the text and empty selections, storing nothing', async () => {
    const { db, doc } = await withDocument();
    expect(() =>
      createClaim(db, { documentId: doc.id, spans: [{ start: 10, end: SAMPLE_TEXT.length + 5 }] }),
    ).toThrow(/outside/);
    const blank = SAMPLE_TEXT.indexOf('\n\n');
    expect(() =>
      createClaim(db, { documentId: doc.id, spans: [{ start: blank, end: blank + 2 }] }),
    ).toThrow(/Select some text/);
    expect(listClaims(db)).toEqual([]);
  });

  it('edits fields, keeping tags in the order given and refusing padded or repeated ones', async () => {
    const { db, doc } = await withDocument();
    const claim = createClaim(db, { documentId: doc.id, spans: [{ start: 30, end: 90 }] });
    expect(() => updateClaim(db, claim.id, { tags: [' riot', 'prison'] })).toThrow(/spaces/);
    expect(() => updateClaim(db, claim.id, { tags: ['riot', 'prison', 'riot'] })).toThrow(
      /given twice/,
    );
    const edited = updateClaim(db, claim.id, {
      certainty: 'alleged',
      eventDate: '2018-11-07',
      tags: ['riot', 'prison'],
    });
    expect(edited).toMatchObject({
      certainty: 'alleged',
      eventDate: '2018-11-07',
      tags: ['riot', 'prison'],
    });
  });

  it('undoes and redoes create, edit and delete, relations included, across a reopen', async () => {
    const { db, doc } = await withDocument();
    const a = createClaim(db, { documentId: doc.id, spans: [{ start: 30, end: 90 }] });
    const b = createClaim(db, { documentId: doc.id, spans: [{ start: 100, end: 140 }] });
    putRelation(db, {
      id: 'rel_0123456789ab' as never,
      fromClaimId: a.id,
      toClaimId: b.id,
      kind: 'contradicts',
      note: '',
      createdAt: a.createdAt,
    });
    updateClaim(db, a.id, { note: 'check the NGO figure' });
    deleteClaim(db, a.id);
    expect(listClaims(db).map((c) => c.id)).toEqual([b.id]);
    expect(db.prepare('SELECT count(*) AS n FROM claim_relations').get()).toEqual({ n: 0 });

    const named = (action: string) => claimLabel(action, a.statement);
    expect(named('delete claim')).toMatch(/^delete claim ".+…"$/);
    expect(undo(db)?.label).toBe(named('delete claim'));
    expect(getClaim(db, a.id).note).toBe('check the NGO figure');
    expect(db.prepare('SELECT kind FROM claim_relations').all()).toEqual([{ kind: 'contradicts' }]);
    expect(undo(db)?.label).toBe(named('edit claim'));
    expect(getClaim(db, a.id).note).toBe('');
    expect(redo(db)?.label).toBe(named('edit claim'));
    expect(getClaim(db, a.id).note).toBe('check the NGO figure');
    expect(redo(db)?.label).toBe(named('delete claim'));
    expect(() => getClaim(db, a.id as ClaimId)).toThrow(/No claim/);
    expect(redo(db)).toBeNull();
    expect(undo(db)?.label).toBe(named('delete claim'));
    // a new action clears what could be redone
    createClaim(db, { documentId: doc.id, spans: [{ start: 0, end: 10 }] });
    expect(redo(db)).toBeNull();
  });
});
