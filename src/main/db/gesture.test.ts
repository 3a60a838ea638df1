import { describe, expect, it } from 'vitest';
import { addDocument } from '../test/add-document';
import { rpcOf } from '../test/rpc';
import { SAMPLE_TEXT, tempBackend } from '../test/workspace';

function setUp() {
  const backend = tempBackend();
  const rpc = rpcOf(backend);
  const doc = addDocument(backend.db, SAMPLE_TEXT);
  const at = SAMPLE_TEXT.indexOf('Khujand prison');
  return { backend, rpc, doc, at };
}

const historyLength = (backend: ReturnType<typeof tempBackend>) =>
  backend.db.prepare('SELECT count(*) FROM history WHERE undone = 0').pluck().get() as number;

describe('one gesture, one undo step', () => {
  it('creates a claim with every field in one step; undo removes it and the entities made for it', async () => {
    const { backend, rpc, doc, at } = setUp();
    const known = await rpc('entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const start = historyLength(backend);
    // the popover creates new names as they are picked, then saves the claim once
    const isis = await rpc('entities.create', { kind: 'organization', name: 'ISIS' });
    const khujand = await rpc('entities.create', { kind: 'place', name: 'Khujand' });
    const claim = await rpc('claims.create', {
      documentId: doc.id,
      spans: [{ start: at, end: at + 14 }],
      statement: 'a prison riot left at least 27 people dead',
      claimantId: isis.id,
      subjectIds: [khujand.id, known.id],
      placeId: khujand.id,
      type: 'event',
      stance: 'denies',
      certainty: 'alleged',
      eventDate: '2018-11-07',
      tags: ['riot', 'prison'],
      note: 'check the toll',
      status: 'reviewed',
      createdEntityIds: [isis.id, khujand.id],
    });
    expect(claim).toMatchObject({
      claimantId: isis.id,
      subjectIds: [khujand.id, known.id],
      placeId: khujand.id,
      type: 'event',
      stance: 'denies',
      certainty: 'alleged',
      eventDate: '2018-11-07',
      tags: ['riot', 'prison'],
      note: 'check the toll',
      status: 'reviewed',
    });
    expect(historyLength(backend)).toBe(start + 1);

    expect(await rpc('history.undo', {})).toMatchObject({
      label: 'create claim "a prison riot left at…"',
    });
    expect(await rpc('claims.list', {})).toEqual([]);
    expect((await rpc('entities.list', {})).map((e) => e.name)).toEqual(['Gulmurod Khalimov']);

    await rpc('history.redo', {});
    expect(await rpc('claims.list', {})).toEqual([claim]);
    expect((await rpc('entities.list', {})).map((e) => e.name).sort()).toEqual([
      'Gulmurod Khalimov',
      'ISIS',
      'Khujand',
    ]);
  });

  it('never folds an entity something else uses, nor a step that did more than create it', async () => {
    const { rpc, doc, at } = setUp();
    const isis = await rpc('entities.create', { kind: 'organization', name: 'ISIS' });
    // used by a mention made in between: its creation stays its own step
    await rpc('mentions.create', { documentId: doc.id, entityId: isis.id, start: at, end: at + 7 });
    await rpc('claims.create', {
      documentId: doc.id,
      spans: [{ start: at, end: at + 14 }],
      claimantId: isis.id,
      createdEntityIds: [isis.id],
    });
    await rpc('history.undo', {});
    expect(await rpc('claims.list', {})).toEqual([]);
    expect((await rpc('entities.list', {})).map((e) => e.name)).toEqual(['ISIS']);
  });

  it('a mention tagged with a new entity is one step too', async () => {
    const { rpc, doc, at } = setUp();
    const khujand = await rpc('entities.create', { kind: 'place', name: 'Khujand' });
    await rpc('mentions.create', {
      documentId: doc.id,
      entityId: khujand.id,
      start: at,
      end: at + 7,
      createdEntityIds: [khujand.id],
    });
    await rpc('history.undo', {});
    expect(await rpc('entities.list', {})).toEqual([]);
    expect(await rpc('history.undo', {})).toBeNull();
  });

  it('a refused claim leaves the history as it was', async () => {
    const { backend, rpc, doc, at } = setUp();
    const isis = await rpc('entities.create', { kind: 'organization', name: 'ISIS' });
    const start = historyLength(backend);
    const result = await backend.registry.call('claims.create', {
      documentId: doc.id,
      spans: [{ start: at, end: at + 14 }],
      claimantId: isis.id,
      eventDate: '2018-13-99',
      createdEntityIds: [isis.id],
    });
    expect(result.ok).toBe(false);
    expect(historyLength(backend)).toBe(start);
  });
});
