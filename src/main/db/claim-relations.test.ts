import { describe, expect, it } from 'vitest';
import { addDocument } from '../test/add-document';
import { failureOf, rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';

const NGO =
  'Human rights groups put the death toll of the Khujand prison riot at 50, citing relatives.';

async function twoDocuments() {
  const backend = tempBackend();
  const rpc = rpcOf(backend);
  const official = addDocument(backend.db, SAMPLE_TEXT, 'Prison riot in Khujand');
  const ngo = addDocument(backend.db, NGO, 'NGO statement');
  const span = (text: string, s: string) => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  });
  const a = await rpc('claims.create', {
    documentId: official.id,
    spans: [span(SAMPLE_TEXT, 'reportedly left at least 27 people dead')],
  });
  const b = await rpc('claims.create', {
    documentId: ngo.id,
    spans: [span(NGO, 'put the death toll of the Khujand prison riot at 50')],
  });
  const c = await rpc('claims.create', {
    documentId: official.id,
    spans: [span(SAMPLE_TEXT, 'had defected to ISIS in 2015')],
    statement: 'Khalimov joined ISIS in 2015',
  });
  return { backend, rpc, official, ngo, a, b, c };
}

describe('claim relations', () => {
  it('links claims across documents and lists them from both ends with the other claim and its document', async () => {
    const { backend, rpc, official, ngo, a, b } = await twoDocuments();
    const link = await rpc('relations.create', {
      fromClaimId: a.id,
      toClaimId: b.id,
      kind: 'contradicts',
      note: ' toll differs ',
    });
    expect(link).toMatchObject({
      relation: { fromClaimId: a.id, toClaimId: b.id, kind: 'contradicts', note: 'toll differs' },
      direction: 'outgoing',
      other: {
        id: b.id,
        statement: b.statement,
        documentId: ngo.id,
        documentTitle: 'NGO statement',
      },
    });
    expect(await rpc('relations.list', { claimId: a.id })).toEqual([link]);
    expect(await rpc('relations.list', { claimId: b.id })).toEqual([
      {
        relation: link.relation,
        direction: 'incoming',
        other: {
          id: a.id,
          statement: a.statement,
          documentId: official.id,
          documentTitle: 'Prison riot in Khujand',
        },
      },
    ]);
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'link claims' });
    expect(await rpc('relations.list', { claimId: a.id })).toEqual([]);
    expect(await rpc('history.redo', {})).toMatchObject({ label: 'link claims' });
    expect(await rpc('relations.list', { claimId: a.id })).toEqual([link]);

    expect((await rpc('relations.delete', { id: link.relation.id })).deleted).toEqual(
      link.relation,
    );
    expect(await rpc('relations.list', { claimId: b.id })).toEqual([]);
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'unlink claims' });
    expect(await rpc('relations.list', { claimId: b.id })).toHaveLength(1);
    expect((await failureOf(backend, 'relations.list', { claimId: 'clm_00000000' })).code).toBe(
      'not_found',
    );
  });

  it('refuses self-links and duplicates, in either direction for symmetric kinds', async () => {
    const { backend, rpc, a, b } = await twoDocuments();
    const self = await failureOf(backend, 'relations.create', {
      fromClaimId: a.id,
      toClaimId: a.id,
      kind: 'supports',
    });
    expect(self).toEqual({ code: 'invalid_input', message: 'A claim cannot be linked to itself.' });
    await rpc('relations.create', { fromClaimId: a.id, toClaimId: b.id, kind: 'contradicts' });
    const again = await failureOf(backend, 'relations.create', {
      fromClaimId: a.id,
      toClaimId: b.id,
      kind: 'contradicts',
    });
    expect(again).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^These claims are already linked: ".*" contradicts ".*"\.$/),
    });
    expect(
      (
        await failureOf(backend, 'relations.create', {
          fromClaimId: b.id,
          toClaimId: a.id,
          kind: 'contradicts',
        })
      ).code,
    ).toBe('conflict');
    // "refines" has a direction: the reverse is a different statement, and another kind is another link
    await rpc('relations.create', { fromClaimId: a.id, toClaimId: b.id, kind: 'refines' });
    await rpc('relations.create', { fromClaimId: b.id, toClaimId: a.id, kind: 'refines' });
    expect(await rpc('relations.list', { claimId: a.id })).toHaveLength(3);
    const missing = await failureOf(backend, 'relations.create', {
      fromClaimId: a.id,
      toClaimId: 'clm_00000000',
      kind: 'supports',
    });
    expect(missing.code).toBe('not_found');
  });

  it('deleting a claim removes its relations; undo brings both back', async () => {
    const { rpc, a, b, c } = await twoDocuments();
    await rpc('relations.create', { fromClaimId: a.id, toClaimId: b.id, kind: 'contradicts' });
    await rpc('relations.create', { fromClaimId: c.id, toClaimId: a.id, kind: 'supports' });
    const before = await rpc('relations.list', { claimId: a.id });
    expect(before).toHaveLength(2);

    await rpc('claims.delete', { id: a.id });
    expect(await rpc('relations.list', { claimId: b.id })).toEqual([]);
    expect(await rpc('relations.list', { claimId: c.id })).toEqual([]);

    expect(await rpc('history.undo', {})).toMatchObject({
      label: expect.stringMatching(/^delete claim "/),
    });
    expect((await rpc('claims.list', {})).map((x) => x.id)).toContain(a.id);
    expect(await rpc('relations.list', { claimId: a.id })).toEqual(before);
  });
});

describe('claims.search', () => {
  it('finds claims by statement, quote, entity names and aliases, and document title, ignoring case and accents', async () => {
    const { rpc, a, b, c } = await twoDocuments();
    const isis = await rpc('entities.create', {
      kind: 'organization',
      name: 'Islamic State',
      aliases: ['ISIS', 'Daesh'],
    });
    await rpc('claims.update', { id: b.id, patch: { claimantId: isis.id } });

    const ids = async (query: string, excludeClaimId?: typeof a.id) =>
      (await rpc('claims.search', { query, excludeClaimId, limit: 20 })).map((h) => h.claim.id);
    expect(await ids('khalimov joined')).toEqual([c.id]);
    expect(await ids('DAËSH')).toEqual([b.id]);
    expect(await ids('ngo statement')).toEqual([b.id]);
    // the quote, not the statement: c's statement was rewritten, its passage still says "defected"
    expect(await ids('defected')).toEqual([c.id]);
    expect(await ids('khujand')).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
    expect(await ids('khujand', a.id)).not.toContain(a.id);
    expect(await ids('khujand toll')).toEqual([b.id]);
    expect(await ids('nothing like this')).toEqual([]);

    const [hit] = await rpc('claims.search', { query: 'daesh toll', limit: 5 });
    expect(hit).toMatchObject({
      documentTitle: 'NGO statement',
      matchedIn: ['statement', 'quote', 'entity'],
    });
  });
});
