import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RelationId } from '../../shared/model';
import { backupNow } from '../backup';
import { storedFilePath } from '../files/store';
import { buildClaimsFixture, T0 } from '../test/claims-fixture';
import { failureOf, rpcOf } from '../test/rpc';
import { tempBackend } from '../test/workspace';
import type { Db } from './open';
import { putRelation } from './relations';

/** The rows a document and what hangs on it live in, sorted, to compare before and after. */
const CONTENT = [
  'documents',
  'claims',
  'claim_spans',
  'claim_subjects',
  'claim_tags',
  'claim_relations',
  'mentions',
  'mention_dismissals',
  'pdf_page_maps',
  'collection_documents',
  'document_pages',
];
function contentOf(db: Db): string {
  return JSON.stringify(
    CONTENT.map((t) =>
      (db.prepare(`SELECT * FROM ${t}`).all() as object[]).map((r) => JSON.stringify(r)).sort(),
    ),
  );
}

async function library() {
  const backend = tempBackend();
  const fixture = await buildClaimsFixture(backend.db);
  // a relation across documents: it goes with either end
  putRelation(backend.db, {
    id: 'rel_00000000000b' as RelationId,
    fromClaimId: fixture.claims.vahdat.id,
    toClaimId: fixture.claims.riot.id,
    kind: 'contradicts',
    note: '',
    createdAt: T0,
  });
  return { backend, rpc: rpcOf(backend), ...fixture };
}

describe('the trash', () => {
  it('takes a document with its claims, mentions and relations, and gives them back whole', async () => {
    const { backend, rpc, doc, pdf } = await library();
    const { db } = backend;
    const collection = await rpc('collections.create', { name: 'Riots' });
    await rpc('collections.add', { id: collection.id, documentIds: [doc.id, pdf.id] });
    const before = contentOf(db);

    expect(await rpc('documents.trash', { ids: [doc.id] })).toEqual({
      claims: 3,
      mentions: 1,
      relations: 2,
    });
    expect((await rpc('documents.list', {})).map((d) => d.id)).toEqual([pdf.id]);
    expect((await rpc('claims.query', { filter: {} })).total).toBe(1);
    expect((await rpc('search.query', { query: 'Khujand' })).passages).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM claim_relations').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM v_claims').pluck().get()).toBe(1);
    expect(await rpc('collections.members', { id: collection.id })).toEqual([pdf.id]);
    const [entry] = await rpc('trash.list', {});
    expect(entry).toMatchObject({ documentId: doc.id, claims: 3, mentions: 1, relations: 2 });
    // the original stays in the store while the document is in the trash
    expect(existsSync(storedFilePath(backend.dataDir, doc.sha256))).toBe(true);

    await rpc('trash.restore', { ids: [doc.id] });
    expect(contentOf(db)).toBe(before);
    expect(await rpc('trash.list', {})).toEqual([]);
    expect((await rpc('search.query', { query: 'Khujand' })).passages.length).toBeGreaterThan(0);
  });

  it('moving to the trash and restoring are undoable and redoable', async () => {
    const { backend, rpc, doc, pdf } = await library();
    const before = contentOf(backend.db);
    await rpc('documents.trash', { ids: [doc.id, pdf.id] });
    expect(await rpc('documents.list', {})).toEqual([]);
    expect(await rpc('history.undo', {})).toMatchObject({
      label: 'Move 2 documents to the trash',
    });
    expect(contentOf(backend.db)).toBe(before);
    await rpc('history.redo', {});
    expect(await rpc('documents.list', {})).toEqual([]);
    await rpc('trash.restore', { ids: [pdf.id] });
    expect(await rpc('history.undo', {})).toMatchObject({
      label: 'Restore 1 document from the trash',
    });
    expect((await rpc('trash.list', {})).map((e) => e.documentId).sort()).toEqual(
      [doc.id, pdf.id].sort(),
    );
  });

  it('a claim that points at an entity deleted meanwhile comes back without it', async () => {
    const { backend, rpc, doc, claims } = await library();
    await rpc('documents.trash', { ids: [doc.id] });
    backend.db.prepare("DELETE FROM entities WHERE name = 'Reuters'").run();
    await rpc('trash.restore', { ids: [doc.id] });
    const riot = backend.db
      .prepare('SELECT claimant_id FROM claims WHERE id = ?')
      .get(claims.riot.id);
    expect(riot).toEqual({ claimant_id: null });
    expect(backend.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('emptying says what goes, removes the rows, and the file once no backup names it', async () => {
    const { backend, rpc, doc, pdf } = await library();
    await rpc('documents.trash', { ids: [doc.id] });
    await backupNow(backend.db, backend.dataDir);
    expect(await rpc('trash.empty', {})).toEqual({
      documents: 1,
      claims: 3,
      mentions: 1,
      relations: 2,
      filesRemoved: 0,
    });
    expect(await rpc('trash.list', {})).toEqual([]);
    // a backup names it: kept
    expect(existsSync(storedFilePath(backend.dataDir, doc.sha256))).toBe(true);
    expect(existsSync(storedFilePath(backend.dataDir, pdf.sha256))).toBe(true);
    const error = await failureOf(backend, 'history.undo', {});
    expect(error.message).toMatch(/removed from the trash for good/);
  });

  it('a restore refuses when the same file was imported again meanwhile', async () => {
    const { backend, rpc, doc } = await library();
    await rpc('documents.trash', { ids: [doc.id] });
    const again = await rpc('documents.import', {
      fileName: 'again.txt',
      bytes: readFileSync(storedFilePath(backend.dataDir, doc.sha256)),
    });
    expect(again.status).toBe('imported');
    const error = await failureOf(backend, 'trash.restore', { ids: [doc.id] });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/the same file is in the library/);
  });
});
