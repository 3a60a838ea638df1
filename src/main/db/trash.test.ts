import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RelationId, SourceId } from '../../shared/model';
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
      sources: 1, // its source held only what was read from the file
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

  it('emptying removes a source left with no file, unless the researcher vouched for it', async () => {
    const { backend, rpc } = await library();
    const imported = async (name: string) => {
      const out = await rpc('documents.import', {
        fileName: `${name}.txt`,
        bytes: new TextEncoder().encode(`The ${name} report.\n`),
      });
      if (out.status !== 'imported') throw new Error(`${name} was not imported`);
      return out.document;
    };
    const found = await imported('found');
    const confirmed = await imported('confirmed');
    const twin = await imported('twin');
    const waiting = await imported('waiting');
    const sourceOf = (id: string) =>
      backend.db
        .prepare('SELECT source_id FROM documents WHERE id = ?')
        .pluck()
        .get(id) as SourceId;
    const sources = {
      found: sourceOf(found.id),
      confirmed: sourceOf(confirmed.id),
      twin: sourceOf(twin.id),
      waiting: sourceOf(waiting.id),
    };
    // what was read from the files is unconfirmed until the researcher looks at it
    const { provenance } = await rpc('sources.get', { id: sources.found });
    expect(Object.values(provenance).some((o) => o?.confirmed)).toBe(false);
    // the researcher typed the title of this one
    await rpc('sources.update', {
      id: sources.confirmed,
      patch: { title: 'The confirmed report' },
    });
    // twin's source has a second file, the found one's; waiting's file is still in the trash
    await rpc('sources.attach', { documentId: found.id, sourceId: sources.twin });
    const foundAlone = await imported('found-alone');
    const foundAloneSource = sourceOf(foundAlone.id);
    await rpc('documents.trash', { ids: [foundAlone.id, confirmed.id, twin.id, waiting.id] });

    const outcome = await rpc('trash.empty', { ids: [foundAlone.id, confirmed.id, twin.id] });
    expect(outcome).toMatchObject({ documents: 3, sources: 1 });
    const left = new Set((await rpc('sources.list', {})).map((s) => s.id));
    expect(left.has(sourceOf(found.id))).toBe(true); // twin's, still with a file in the library
    expect(left.has(sources.confirmed)).toBe(true); // vouched for: waits for a file
    expect(left.has(sources.waiting)).toBe(true); // its file can still be restored
    expect(left.has(foundAloneSource)).toBe(false); // only what was read from its file
    await rpc('trash.restore', { ids: [waiting.id] });
    expect(sourceOf(waiting.id)).toBe(sources.waiting);
    expect(backend.db.pragma('foreign_key_check')).toEqual([]);

    // once its file goes for good, so does waiting's unconfirmed source
    await rpc('documents.trash', { ids: [waiting.id] });
    expect(await rpc('trash.empty', {})).toMatchObject({ documents: 1, sources: 1 });
    expect((await rpc('sources.list', {})).some((s) => s.id === sources.waiting)).toBe(false);
  });
});
