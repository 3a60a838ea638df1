import { describe, expect, it } from 'vitest';
import type { EntityId } from '../../shared/model';
import { openBackend, type Backend } from '../backend';
import { addDocument } from '../test/add-document';
import { failureOf, rpcOf } from '../test/rpc';
import { tempDir } from '../test/workspace';

const PROFILE =
  'Gulmurod Khalimov, commander of OMON, defected to ISIS. Khalimov was seen in Dushanbe.';
const OPINION = 'The April disappearance of Gumurod Halimov sent shudders through Dushanbe city.';

async function workspace(dir: string, backend: Backend) {
  const rpc = rpcOf(backend);
  const profile = addDocument(backend.db, PROFILE, 'Profile');
  const opinion = addDocument(backend.db, OPINION, 'Opinion');
  const a = await rpc('entities.create', {
    kind: 'person',
    name: 'Gulmurod Khalimov',
    aliases: ['Khalimov'],
    description: 'OMON commander',
    externalIds: { wikidata: 'Q20037335' },
  });
  const b = await rpc('entities.create', {
    kind: 'person',
    name: 'Gumurod Halimov',
    aliases: ['G. Halimov'],
    externalIds: { url: 'https://example.org/halimov' },
  });
  const city = await rpc('entities.create', { kind: 'place', name: 'Dushanbe' });
  const at = (text: string, s: string) => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  });
  await rpc('mentions.create', {
    documentId: profile.id,
    entityId: a.id,
    ...at(PROFILE, 'Gulmurod Khalimov'),
  });
  await rpc('mentions.create', {
    documentId: opinion.id,
    entityId: b.id,
    ...at(OPINION, 'Gumurod Halimov'),
  });
  // the same passage marked for both duplicates: after the merge it must be one mention, not two
  await rpc('mentions.create', {
    documentId: profile.id,
    entityId: b.id,
    ...at(PROFILE, 'Gulmurod Khalimov'),
  });
  const c1 = await rpc('claims.create', {
    documentId: profile.id,
    spans: [at(PROFILE, 'Gulmurod Khalimov, commander of OMON, defected to ISIS.')],
  });
  await rpc('claims.update', {
    id: c1.id,
    patch: { claimantId: b.id, subjectIds: [b.id, city.id], placeId: b.id },
  });
  const c2 = await rpc('claims.create', {
    documentId: opinion.id,
    spans: [at(OPINION, 'The April disappearance of Gumurod Halimov')],
  });
  await rpc('claims.update', { id: c2.id, patch: { subjectIds: [a.id, b.id] } });
  // a dismissed suggestion of the duplicate stays dismissed for the survivor
  const { candidates } = await rpc('mentions.suggest', { entityId: b.id });
  expect(candidates.map((c) => c.exact)).toEqual([]);
  const seen = PROFILE.indexOf('Khalimov was');
  await rpc('mentions.dismiss', {
    candidates: [
      { documentId: profile.id, entityId: b.id, start: seen, end: seen + 'Khalimov'.length },
    ],
  });
  return { rpc, a, b, city, c1, c2, profile, opinion, dir };
}

async function state(backend: Backend, ids: EntityId[]) {
  const rpc = rpcOf(backend);
  const entities = await rpc('entities.list', {});
  const details = [];
  for (const id of ids) {
    const r = await backend.registry.call('entities.get', { id });
    details.push(r.ok ? r.value : r.error.code);
  }
  return {
    entities,
    details,
    claims: await rpc('claims.list', {}),
    mentions: await rpc('mentions.list', {}),
    suggestions: await rpc('mentions.suggest', {}),
    dismissals: backend.db
      .prepare('SELECT * FROM mention_dismissals ORDER BY entity_id, start')
      .all(),
  };
}

describe('entities.merge', () => {
  it('moves mentions, claim roles, aliases and dismissals to the survivor; undo and redo are exact, across a reopen', async () => {
    const dir = tempDir();
    let backend = openBackend(dir, 'cli');
    try {
      const { rpc, a, b, city, c1, c2 } = await workspace(dir, backend);
      const before = await state(backend, [a.id, b.id]);

      const outcome = await rpc('entities.merge', { survivorId: a.id, mergedIds: [b.id] });
      expect(outcome.moved).toEqual({
        mentions: 1,
        claims: 2,
        aliases: ['Gumurod Halimov', 'G. Halimov'],
      });
      expect(outcome.entity).toMatchObject({
        name: 'Gulmurod Khalimov',
        // the survivor's aliases first, then the merged names, in the order they were given
        aliases: ['Khalimov', 'Gumurod Halimov', 'G. Halimov'],
        description: 'OMON commander',
        externalIds: { wikidata: 'Q20037335', url: 'https://example.org/halimov' },
      });
      expect((await failureOf(backend, 'entities.get', { id: b.id })).code).toBe('not_found');

      const detail = await rpc('entities.get', { id: a.id });
      expect(detail.mentions.map((m) => [m.documentTitle, m.anchor.exact])).toEqual([
        ['Profile', 'Gulmurod Khalimov'],
        ['Opinion', 'Gumurod Halimov'],
      ]);
      expect(detail.entity).toMatchObject({ mentionCount: 2, claimCount: 2 });
      const claims = Object.fromEntries((await rpc('claims.list', {})).map((c) => [c.id, c]));
      expect(claims[c1.id]).toMatchObject({
        claimantId: a.id,
        subjectIds: [a.id, city.id],
        placeId: a.id,
      });
      expect(claims[c2.id]).toMatchObject({ subjectIds: [a.id] });
      expect(detail.claims.find((c) => c.claim.id === c1.id)?.roles).toEqual([
        'claimant',
        'subject',
        'place',
      ]);
      // the dismissed passage is still not suggested, now for the survivor
      const suggested = (await rpc('mentions.suggest', { entityId: a.id })).candidates.map(
        (c) => c.exact,
      );
      expect(suggested).toEqual([]);
      const after = await state(backend, [a.id, b.id]);

      expect(await rpc('history.undo', {})).toMatchObject({ label: 'merge entities' });
      expect(await state(backend, [a.id, b.id])).toEqual(before);
      expect(await rpc('history.redo', {})).toMatchObject({ label: 'merge entities' });
      expect(await state(backend, [a.id, b.id])).toEqual(after);

      // the journal lives in the workspace: close, reopen, undo
      backend.close();
      backend = openBackend(dir, 'cli');
      expect(await state(backend, [a.id, b.id])).toEqual(after);
      expect(await rpcOf(backend)('history.undo', {})).toMatchObject({ label: 'merge entities' });
      expect(await state(backend, [a.id, b.id])).toEqual(before);
    } finally {
      backend.close();
    }
  });

  it('refuses to merge an entity into itself or a missing one, changing nothing', async () => {
    const dir = tempDir();
    const backend = openBackend(dir, 'cli');
    try {
      const { a, b } = await workspace(dir, backend);
      const before = await state(backend, [a.id, b.id]);
      const self = await failureOf(backend, 'entities.merge', {
        survivorId: a.id,
        mergedIds: [b.id, a.id],
      });
      expect(self).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/into itself/),
      });
      const missing = await failureOf(backend, 'entities.merge', {
        survivorId: a.id,
        mergedIds: ['ent_00000000'],
      });
      expect(missing.code).toBe('not_found');
      expect(await state(backend, [a.id, b.id])).toEqual(before);
    } finally {
      backend.close();
    }
  });
});

describe('entities.delete', () => {
  it('warns with what refers to the entity, deletes on confirmation, and undo brings everything back', async () => {
    const dir = tempDir();
    const backend = openBackend(dir, 'cli');
    try {
      const { rpc, a, b, c1, c2 } = await workspace(dir, backend);
      const before = await state(backend, [a.id, b.id]);
      const warning = await failureOf(backend, 'entities.delete', { id: b.id });
      expect(warning).toEqual({
        code: 'conflict',
        message:
          '2 mentions and 2 claims refer to "Gumurod Halimov". Deleting it removes the mentions and clears it ' +
          'from the claims (as claimant, subject or place). Confirm to delete it anyway.',
      });
      expect(await state(backend, [a.id, b.id])).toEqual(before);

      const { deleted, references } = await rpc('entities.delete', { id: b.id, confirm: true });
      expect(deleted.name).toBe('Gumurod Halimov');
      expect(references).toEqual({ mentions: 2, claims: 2 });
      const claims = Object.fromEntries((await rpc('claims.list', {})).map((c) => [c.id, c]));
      expect(claims[c1.id]).toMatchObject({ claimantId: null, placeId: null });
      expect(claims[c1.id]!.subjectIds).not.toContain(b.id);
      expect(claims[c2.id]!.subjectIds).toEqual([a.id]);
      expect((await rpc('mentions.list', {})).map((m) => m.entityId)).toEqual([a.id]);

      expect(await rpc('history.undo', {})).toMatchObject({ label: 'delete entity' });
      expect(await state(backend, [a.id, b.id])).toEqual(before);
    } finally {
      backend.close();
    }
  });

  it('deletes an unused entity without confirmation, with a singular warning otherwise', async () => {
    const dir = tempDir();
    const backend = openBackend(dir, 'cli');
    try {
      const rpc = rpcOf(backend);
      const unused = await rpc('entities.create', { kind: 'organization', name: 'OMON' });
      expect((await rpc('entities.delete', { id: unused.id })).references).toEqual({
        mentions: 0,
        claims: 0,
      });
      const doc = addDocument(backend.db, 'OMON is an elite police unit.', 'Note');
      const used = await rpc('entities.create', { kind: 'organization', name: 'OMON' });
      await rpc('mentions.create', { documentId: doc.id, entityId: used.id, start: 0, end: 4 });
      expect((await failureOf(backend, 'entities.delete', { id: used.id })).message).toMatch(
        /^1 mention refers to "OMON"/,
      );
    } finally {
      backend.close();
    }
  });
});
