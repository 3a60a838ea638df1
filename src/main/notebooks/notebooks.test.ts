import { describe, expect, it } from 'vitest';
import type { ClaimCard } from '../../shared/api-notebooks';
import { backupNow } from '../backup';
import { exportBundle, importBundle, textLines } from '../bundle';
import { addPagedDocument } from '../test/paged-document';
import {
  claimNode,
  editorState,
  heading,
  mention,
  paragraph,
  text,
} from '../test/notebook-content';
import { failureOf, rpcOf } from '../test/rpc';
import { tempBackend } from '../test/workspace';
import { openBackupDb } from '../test/backups';

type LiveCard = Extract<ClaimCard, { deleted: false }>;

async function workspace() {
  const backend = tempBackend();
  const rpc = rpcOf(backend);
  const doc = addPagedDocument(
    backend.db,
    ['Page one says little.', 'At least 27 people died in the Khujand prison riot.', 'More.'],
    { title: 'Prison report', authors: ['A. Author'], publishedDate: '2019-03' },
    11,
  );
  const at = 'Page one says little.\n\n'.length;
  const claim = await rpc('claims.create', {
    documentId: doc.id,
    spans: [{ start: at, end: at + 'At least 27 people died'.length }],
  });
  const [card] = (await rpc('notebooks.claimCards', { ids: [claim.id] })) as LiveCard[];
  return { backend, rpc, doc, claim, card: card! };
}

describe('notebooks', () => {
  it('creates, saves by revision, lists, and refuses a stale save without changing anything', async () => {
    const { backend, rpc, card } = await workspace();
    const entity = await rpc('entities.create', { kind: 'place', name: 'Khujand' });
    const created = await rpc('notebooks.create', { title: 'Riot findings', entityId: entity.id });
    expect(created).toMatchObject({ title: 'Riot findings', entityId: entity.id, revision: 1 });
    expect(JSON.parse(created.content).root.type).toBe('root');

    const content = editorState(
      heading('h1', text('Findings')),
      paragraph(
        text('The toll is disputed: '),
        claimNode(card),
        text(' says '),
        mention(entity.id, 'Khujand'),
      ),
    );
    const saved = await rpc('notebooks.save', { id: created.id, baseRevision: 1, content });
    expect(saved.revision).toBe(2);
    expect((await rpc('notebooks.get', { id: created.id })).content).toBe(content);

    const stale = await failureOf(backend, 'notebooks.save', {
      id: created.id,
      baseRevision: 1,
      content: editorState(paragraph(text('older'))),
    });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/saved elsewhere.*nothing was overwritten/);
    expect((await rpc('notebooks.get', { id: created.id })).content).toBe(content);

    expect((await rpc('notebooks.list', { entityId: entity.id })).map((n) => n.id)).toEqual([
      created.id,
    ]);
    expect(await rpc('notebooks.list', { documentId: card.documentId })).toEqual([]);
  });

  it('refuses content that is not a notebook, and ties to what does not exist', async () => {
    const { backend, rpc } = await workspace();
    const notebook = await rpc('notebooks.create', { title: 'N' });
    const cases: [string, RegExp][] = [
      ['not json', /not valid JSON/],
      ['{"root":{"type":"paragraph"}}', /not a Lexical editor state/],
      [
        '{"root":{"type":"root","children":[{"type":"script","children":[]}]}}',
        /unknown node type "script"/,
      ],
      [
        '{"root":{"type":"root","children":[{"type":"claim","claimId":"clm_0000000x"}]}}',
        /no valid claim id/,
      ],
      [
        JSON.stringify({ root: { type: 'root', children: [nest(100)] } }),
        /nested deeper than 64 levels/,
      ],
    ];
    for (const [content, message] of cases) {
      const error = await failureOf(backend, 'notebooks.save', {
        id: notebook.id,
        baseRevision: 1,
        content,
      });
      expect(error.code, content.slice(0, 40)).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
    expect((await rpc('notebooks.get', { id: notebook.id })).revision).toBe(1);
    const missing = await failureOf(backend, 'notebooks.create', {
      title: 'x',
      entityId: 'ent_00000000000000000000dead',
    });
    expect(missing.code).toBe('not_found');
    const noCollections = await failureOf(backend, 'notebooks.create', {
      title: 'x',
      collectionId: 'col_0000000000000001',
    });
    expect(noCollections.code).toBe('not_found');
  });

  it('gives live claim cards, and says which claims were deleted', async () => {
    const { rpc, claim, card } = await workspace();
    expect(card).toMatchObject({
      deleted: false,
      statement: 'At least 27 people died',
      quote: 'At least 27 people died',
      documentTitle: 'Prison report',
      pages: '12',
    });
    expect(card.grade).toBeNull();
    await rpc('claims.update', { id: claim.id, patch: { statement: 'Toll: 27' } });
    await rpc('grades.set', { target: 'document', id: card.documentId, reliability: 'B' });
    await rpc('grades.set', { target: 'claim', id: claim.id, credibility: 2 });
    const [edited] = await rpc('notebooks.claimCards', { ids: [claim.id] });
    expect(edited).toMatchObject({ deleted: false, statement: 'Toll: 27', grade: 'B2' });
    await rpc('claims.delete', { id: claim.id });
    expect(await rpc('notebooks.claimCards', { ids: [claim.id] })).toEqual([
      { id: claim.id, deleted: true },
    ]);
  });

  it('is found by the search box, and follows renames and deletion', async () => {
    const { rpc, card } = await workspace();
    const notebook = await rpc('notebooks.create', { title: 'Riot memo' });
    await rpc('notebooks.save', {
      id: notebook.id,
      baseRevision: 1,
      content: editorState(
        paragraph(text('The casualty figures diverge sharply. '), claimNode(card)),
      ),
    });
    const hits = await rpc('search.query', { query: 'diverge' });
    expect(hits.notebooks).toMatchObject([
      { notebookId: notebook.id, title: 'Riot memo', field: 'text' },
    ]);
    expect(hits.notebooks[0]!.snippet.text).toContain('casualty figures diverge sharply');
    await rpc('notebooks.update', { id: notebook.id, patch: { title: 'Khujand memo' } });
    expect((await rpc('search.query', { query: 'Khujand memo' })).notebooks).toHaveLength(1);
    await rpc('notebooks.delete', { id: notebook.id });
    expect((await rpc('search.query', { query: 'diverge' })).notebooks).toEqual([]);
  });

  it('deleting is undoable, and an entity delete or merge keeps its notebooks tied right', async () => {
    const { rpc } = await workspace();
    const a = await rpc('entities.create', { kind: 'person', name: 'Khalimov' });
    const b = await rpc('entities.create', { kind: 'person', name: 'Halimov' });
    const notebook = await rpc('notebooks.create', { title: 'About B', entityId: b.id });
    const content = editorState(paragraph(text('Written before the delete')));
    await rpc('notebooks.save', { id: notebook.id, baseRevision: 1, content });

    await rpc('notebooks.delete', { id: notebook.id });
    expect(await rpc('notebooks.list', {})).toEqual([]);
    expect(await rpc('history.undo', {})).toMatchObject({ label: 'delete notebook' });
    expect((await rpc('notebooks.get', { id: notebook.id })).content).toBe(content);

    await rpc('entities.merge', { survivorId: a.id, mergedIds: [b.id] });
    expect((await rpc('notebooks.get', { id: notebook.id })).entityId).toBe(a.id);
    await rpc('entities.delete', { id: a.id, confirm: true });
    expect((await rpc('notebooks.get', { id: notebook.id })).entityId).toBeNull();
    // writing in between is kept when the ties come back
    const later = editorState(paragraph(text('Written after the delete')));
    await rpc('notebooks.save', { id: notebook.id, baseRevision: 2, content: later });
    await rpc('history.undo', {});
    await rpc('history.undo', {});
    const restored = await rpc('notebooks.get', { id: notebook.id });
    expect(restored).toMatchObject({ entityId: b.id, content: later });
  });

  it('an undone delete then edited is not deleted again by redo', async () => {
    const { rpc } = await workspace();
    const notebook = await rpc('notebooks.create', { title: 'N' });
    await rpc('notebooks.delete', { id: notebook.id });
    await rpc('history.undo', {});
    const edited = editorState(paragraph(text('new words')));
    await rpc('notebooks.save', { id: notebook.id, baseRevision: 1, content: edited });
    await rpc('history.redo', {});
    expect((await rpc('notebooks.get', { id: notebook.id })).content).toBe(edited);
  });

  it('travels in bundles and backups, and is searchable after a bundle import', async () => {
    const { backend, rpc, card } = await workspace();
    const notebook = await rpc('notebooks.create', {
      title: 'Bundled',
      documentId: card.documentId,
    });
    const content = editorState(paragraph(text('Portable findings '), claimNode(card)));
    await rpc('notebooks.save', { id: notebook.id, baseRevision: 1, content });

    const bundle = exportBundle(backend.db, 'test');
    expect(bundle).toContain('"table":"notebooks"');
    const other = tempBackend();
    importBundle(other.db, textLines(bundle));
    const copy = await rpcOf(other)('notebooks.get', { id: notebook.id });
    expect(copy).toEqual(await rpc('notebooks.get', { id: notebook.id }));
    expect((await rpcOf(other)('search.query', { query: 'portable' })).notebooks).toHaveLength(1);
    // a workspace holding notebooks is not empty: a bundle is not loaded over it
    expect((await failureOf(other, 'bundle.import', { text: bundle })).code).toBe('conflict');

    const backup = await backupNow(backend.db, backend.dataDir);
    const db = openBackupDb(backend.dataDir, backup.fileName);
    expect(db.prepare('SELECT content FROM notebooks WHERE id = ?').pluck().get(notebook.id)).toBe(
      content,
    );
    db.close();
  });
});

function nest(depth: number): object {
  let node: object = { type: 'text', text: 'deep' };
  for (let i = 0; i < depth; i++) node = { type: 'quote', children: [node] };
  return node;
}
