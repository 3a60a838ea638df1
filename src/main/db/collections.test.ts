import { describe, expect, it } from 'vitest';
import type { CollectionId } from '../../shared/api-library';
import { buildClaimsFixture } from '../test/claims-fixture';
import { rpcOf } from '../test/rpc';
import { tempBackend } from '../test/workspace';
import type { Db } from './open';

/** Every collection and membership, to compare a state with what undo and redo give back. */
function stateOf(db: Db): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM collections ORDER BY id').all(),
    db.prepare('SELECT * FROM collection_documents ORDER BY collection_id, document_id').all(),
  ]);
}

async function library() {
  const backend = tempBackend();
  const fixture = await buildClaimsFixture(backend.db);
  const rpc = rpcOf(backend);
  const riots = await rpc('collections.create', { name: 'Riots' });
  const prisons = await rpc('collections.create', { name: 'Prisons' });
  return { db: backend.db, rpc, riots: riots.id, prisons: prisons.id, ...fixture };
}

type Rpc = Awaited<ReturnType<typeof library>>['rpc'];

/** Runs an action, then checks that undo restores exactly the state before and redo the one after. */
async function undoable(db: Db, rpc: Rpc, label: string, action: () => Promise<unknown>) {
  const before = stateOf(db);
  await action();
  const after = stateOf(db);
  expect(after).not.toBe(before);
  expect(await rpc('history.undo', {})).toMatchObject({ label });
  expect(stateOf(db)).toBe(before);
  expect(await rpc('history.redo', {})).toMatchObject({ label });
  expect(stateOf(db)).toBe(after);
}

describe('collection changes in the undo history', () => {
  it('create and rename are each one step', async () => {
    const { db, rpc, riots, doc } = await library();
    let child: CollectionId | undefined;
    await undoable(db, rpc, 'Create collection "1980s"', async () => {
      child = (await rpc('collections.create', { name: '1980s', parentId: riots })).id;
    });
    await rpc('collections.add', { id: child!, documentIds: [doc.id] });
    await undoable(db, rpc, 'Rename collection "Riots" to "Prison riots"', () =>
      rpc('collections.rename', { id: riots, name: 'Prison riots' }),
    );
  });

  it('deleting a collection is undone with its sub-collections and all their members', async () => {
    const { db, rpc, riots, prisons, doc, pdf } = await library();
    const child = (await rpc('collections.create', { name: '1980s', parentId: riots })).id;
    const grandchild = (await rpc('collections.create', { name: 'Tajik', parentId: child })).id;
    await rpc('collections.add', { id: riots, documentIds: [doc.id, pdf.id] });
    await rpc('collections.add', { id: grandchild, documentIds: [pdf.id] });
    await rpc('collections.add', { id: prisons, documentIds: [doc.id] });
    await undoable(db, rpc, 'Delete collection "Riots"', () =>
      rpc('collections.delete', { id: riots }),
    );
    // the other collection was never touched
    expect(await rpc('collections.members', { id: prisons })).toEqual([doc.id]);
  });

  it('adding, removing and moving documents are each one step; a no-op records none', async () => {
    const { db, rpc, riots, prisons, doc, pdf } = await library();
    await undoable(db, rpc, 'Add 2 documents to "Riots"', () =>
      rpc('collections.add', { id: riots, documentIds: [doc.id, pdf.id] }),
    );
    await undoable(db, rpc, 'Remove 1 document from "Riots"', () =>
      rpc('collections.remove', { id: riots, documentIds: [pdf.id] }),
    );
    await undoable(db, rpc, 'Move 1 document to "Prisons"', () =>
      rpc('collections.move', { documentIds: [doc.id], from: riots, to: prisons }),
    );
    // adding what is already there changes nothing, so the last step is still the move
    await rpc('collections.add', { id: prisons, documentIds: [doc.id] });
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'Move 1 document to "Prisons"' });
  });
});
