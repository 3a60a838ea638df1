import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api, type Method, type Output } from '../shared/api';
import type { DocumentId, EntityId } from '../shared/model';
import type { ClaimsExport } from './exporters/claims-json';
import { getDocumentText } from './db/documents';
import { attachDocument } from './db/sources';
import { addDocument } from './test/add-document';
import { tempBackend } from './test/workspace';
import { OFFSET_CODECS } from './wire-offsets';
import type { Backend } from './backend';

/**
 * The RPC API speaks code points (src/main/wire-offsets.ts): positions an export gives can be fed
 * back to the API and land on the same text, whatever lies before them outside the BMP.
 */
const ASTRAL = ['🙂', '👩‍🔬', '𠀀', '𠜎', '𪚥', '𝔸', '𝐀', '𝟘'];
const text = fc
  .array(fc.constantFrom(...ASTRAL, 'a', 'ж', ' ', '\n', 'riot', '.', 'Khujand'), {
    minLength: 4,
    maxLength: 120,
  })
  .map((p) => `${p.join('')} end.`);

/** A text and a range of whole characters in it that is not all blank, in code points. */
const textAndRange = text.chain((t) => {
  const n = [...t].length;
  return fc
    .tuple(fc.nat({ max: n - 1 }), fc.integer({ min: 1, max: 16 }))
    .map(([from, length]) => ({ t, from, to: Math.min(n, from + length) }))
    .filter(({ t, from, to }) => [...t].slice(from, to).join('').trim() !== '');
});

const quoteOf = (t: string, from: number, to: number) => [...t].slice(from, to).join('');

async function call<M extends Method>(backend: Backend, method: M, input: unknown) {
  const result = await backend.registry.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Output<M>;
}

describe('RPC offsets are code points', () => {
  it('a claim made from code points quotes them, and an export’s positions make the same claim again', async () => {
    const backend = tempBackend();
    let runs = 0; // fast-check may try a text twice: each run is a document of its own
    await fc.assert(
      fc.asyncProperty(textAndRange, async ({ t, from, to }) => {
        const doc = addDocument(backend.db, t, `run ${++runs}`);
        const made = await call(backend, 'claims.create', {
          documentId: doc.id,
          spans: [{ start: from, end: to }],
        });
        const quote = quoteOf(t, from, to);
        expect(made.spans[0]).toMatchObject({ start: from, end: to, exact: quote });

        // export → feed the exported position back to the API → the same quote
        const file = await call(backend, 'export.claims', { format: 'json', documentId: doc.id });
        const exported = (JSON.parse(file.text) as ClaimsExport).claims[0]!;
        expect(exported.position).toEqual({ start: from, end: to });
        const again = await call(backend, 'claims.create', {
          documentId: doc.id,
          spans: [exported.position],
        });
        expect(again.spans[0]!.exact).toBe(quote);
        expect(again.spans[0]!.exact).toBe(exported.quote.exact);

        // the list answers code points too, and what it answers makes the same claim again
        const listed = await call(backend, 'claims.list', { documentId: doc.id });
        for (const c of listed) expect(quoteOf(t, c.spans[0]!.start, c.spans[0]!.end)).toBe(quote);
      }),
      { numRuns: 40 },
    );
  });

  it('mentions, search hits, snippets, table rows, cards and document structure count code points', async () => {
    const backend = tempBackend();
    const t = '🙂👩‍🔬 𠀀 prefix.\n\n𝔸𝐀 The riot in Khujand 🙂 left 27 dead.';
    const doc = addDocument(backend.db, t);
    const points = [...t];
    const from = points.indexOf('T');
    const to = points.indexOf('7') + 1; // "The riot … 27"
    const quote = quoteOf(t, from, to);

    const content = await call(backend, 'documents.content', { id: doc.id });
    expect(content.blocks[0]).toMatchObject({ start: 0, end: points.length });

    const claim = await call(backend, 'claims.create', {
      documentId: doc.id,
      spans: [{ start: from, end: to }],
    });
    expect(claim.spans[0]!.exact).toBe(quote);

    const entity = await call(backend, 'entities.create', { kind: 'place', name: 'Khujand' });
    const k = points.indexOf('K');
    const mention = await call(backend, 'mentions.create', {
      documentId: doc.id,
      entityId: entity.id,
      start: k,
      end: k + 'Khujand'.length,
    });
    expect(mention.anchor).toMatchObject({ start: k, end: k + 7, exact: 'Khujand' });
    const [listed] = await call(backend, 'mentions.list', { documentId: doc.id });
    expect(listed!.anchor).toMatchObject({ start: k, end: k + 7 });
    const detail = await call(backend, 'entities.get', { id: entity.id });
    expect(detail.mentions[0]!.anchor.start).toBe(k);

    const results = await call(backend, 'search.query', { query: 'riot' });
    const hit = results.passages[0]!;
    expect(quoteOf(t, hit.start, hit.end)).toBe('riot');
    const snippet = hit.snippet;
    for (const h of snippet.highlights) expect(quoteOf(snippet.text, h.start, h.end)).toBe('riot');
    const claimHit = results.claims[0]!;
    expect([claimHit.start, claimHit.end]).toEqual([from, to]);

    const table = await call(backend, 'claims.query', {});
    expect(table.rows[0]).toMatchObject({ start: from, end: to });
    const [card] = await call(backend, 'analysis.cards', { claimIds: [claim.id] });
    expect(card).toMatchObject({ start: from, end: to });
    const [notebookCard] = await call(backend, 'notebooks.claimCards', { ids: [claim.id] });
    expect(notebookCard).toMatchObject({ start: from, end: to });

    const updated = await call(backend, 'claims.update', { id: claim.id, patch: { note: 'n' } });
    expect(updated.spans[0]).toMatchObject({ start: from, end: to });
    const { deleted } = await call(backend, 'claims.delete', { id: claim.id });
    expect(deleted.spans[0]).toMatchObject({ start: from, end: to });
  });

  it('suggested mentions accepted as given land on the name', async () => {
    const backend = tempBackend();
    const t = '𝔸𝐀 🙂 Gulmurod Khalimov spoke. 𠀀 Khalimov left.';
    const doc = addDocument(backend.db, t);
    await call(backend, 'entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const { candidates } = await call(backend, 'mentions.suggest', { documentId: doc.id });
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(quoteOf(t, c.start, c.end)).toBe(c.exact);
    const refs = candidates.map(({ documentId, entityId, start, end }) => ({
      documentId,
      entityId,
      start,
      end,
    }));
    const { created } = await call(backend, 'mentions.accept', { candidates: refs });
    for (const m of created) expect(quoteOf(t, m.anchor.start, m.anchor.end)).toBe(m.anchor.exact);
  });

  it('a hit’s places in the other files of its work count code points too', async () => {
    const backend = tempBackend();
    const plain = 'The opening words of it. Then Gulmurod Khalimov spoke to the assembled press.';
    const astral = `𝔸𝐀 🙂 𠀀\n\n${plain}`;
    const a = addDocument(backend.db, plain);
    const b = addDocument(backend.db, astral);
    attachDocument(backend.db, b.id, a.sourceId);
    await call(backend, 'entities.create', { kind: 'person', name: 'Gulmurod Khalimov' });
    const textOf = (id: DocumentId) => getDocumentText(backend.db, id);
    expect(textOf(b.id)).toContain('🙂');
    const { candidates } = await call(backend, 'mentions.suggest', {});
    expect(candidates).toHaveLength(1);
    const hits = (await call(backend, 'search.query', { query: 'Khalimov' })).passages;
    expect(hits).toHaveLength(1);
    for (const hit of [...candidates, ...hits]) {
      expect(hit.also).toHaveLength(1);
      for (const p of [hit, ...hit.also]) {
        // a suggestion's place is the name; a search hit's, the word (or the entity's name)
        expect(quoteOf(textOf(p.documentId), p.start, p.end)).toMatch(/Khalimov$/);
      }
    }
  });

  it('a position past the end is refused, not moved onto the last character', async () => {
    const backend = tempBackend();
    const t = '🙂🙂🙂 abc'; // 7 code points, 10 UTF-16 units
    const doc = addDocument(backend.db, t);
    const result = await backend.registry.call('claims.create', {
      documentId: doc.id,
      spans: [{ start: 4, end: 9 }],
    });
    expect(result.ok).toBe(false);
    expect(await call(backend, 'claims.list', { documentId: doc.id })).toEqual([]);
    const entity = await call(backend, 'entities.create', { kind: 'other', name: 'abc' });
    const mention = await backend.registry.call('mentions.create', {
      documentId: doc.id,
      entityId: entity.id as EntityId,
      start: 4,
      end: 8,
    });
    expect(mention.ok).toBe(false);
  });

  it('every method whose input holds a position converts it', () => {
    const positions = (Object.keys(api) as Method[]).filter((method) => {
      const schema = z.toJSONSchema(api[method].input, { unrepresentable: 'any', io: 'input' });
      return /"(start|end|spans)"/.test(JSON.stringify(schema));
    });
    expect(positions.length).toBeGreaterThan(0);
    for (const method of positions) expect(OFFSET_CODECS[method]?.input, method).toBeDefined();
  });
});

describe('which texts have astral characters, remembered', () => {
  it('is found once, and forgotten when the text changes, so positions stay right', async () => {
    const backend = tempBackend();
    const doc = addDocument(backend.db, 'The riot in Khujand was mixed.', 'plain');
    const remembered = () =>
      backend.db
        .prepare('SELECT astral FROM document_text_astral WHERE document_id = ?')
        .pluck()
        .get(doc.id);
    expect(remembered()).toBeUndefined();
    const plain = await call(backend, 'claims.create', {
      documentId: doc.id,
      spans: [{ start: 4, end: 8 }],
    });
    expect(plain.spans[0]!.exact).toBe('riot');
    expect(remembered()).toBe(0);
    // a text changed in place (as reading a scan again does): the answer is forgotten with it
    backend.db
      .prepare('UPDATE documents SET text = ? WHERE id = ?')
      .run('🙂 The riot in Khujand was mixed.', doc.id);
    expect(remembered()).toBeUndefined();
    const after = await call(backend, 'claims.create', {
      documentId: doc.id,
      spans: [{ start: 6, end: 10 }],
    });
    expect(after.spans[0]!.exact).toBe('riot');
    expect(remembered()).toBe(1);
    backend.db.prepare('DELETE FROM claims WHERE document_id = ?').run(doc.id);
    backend.db.prepare('DELETE FROM documents WHERE id = ?').run(doc.id);
    expect(remembered()).toBeUndefined();
  });
});
