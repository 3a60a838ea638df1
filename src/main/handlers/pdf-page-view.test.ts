/**
 * What the PDF page view asks the backend for: the original file (documents.file) and, page by
 * page, the item maps (documents.pageMap), stored with the document when it is imported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentId, DocumentSummary } from '../../shared/model';
import { LIMITS } from '../../shared/limits';
import { importPdf } from '../importers/pdf';
import { PARAGRAPHS, typeset } from '../importers/pdf-fixtures';
import { failureOf, rpcOf } from '../test/rpc';
import { enc, tempBackend } from '../test/workspace';

const corpus = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const article = path.join(corpus, '002_1e1a6a2f2c58fe5b.pdf');

async function setup() {
  const backend = tempBackend();
  const rpc = rpcOf(backend);
  const { pdf, lines } = typeset(PARAGRAPHS, { heading: 'Findings' });
  const imported = await rpc('documents.import', { fileName: 'report.pdf', bytes: pdf });
  const text = await rpc('documents.import', { fileName: 'notes.txt', bytes: enc('Some notes.') });
  return { backend, rpc, pdf, pageCount: lines.length, doc: imported.document, txt: text.document };
}

describe('documents.file and documents.pageMap', () => {
  it('give back the original file and, per page, the maps made at import', async () => {
    const { backend, rpc, pdf, pageCount, doc } = await setup();
    const file = await rpc('documents.file', { id: doc.id });
    expect(file.mediaType).toBe('application/pdf');
    expect(Buffer.from(file.bytes).equals(Buffer.from(pdf))).toBe(true);

    const expected = (await importPdf(pdf)).pageItems!;
    expect(expected).toHaveLength(pageCount);
    for (let pageIndex = 0; pageIndex < pageCount; pageIndex++) {
      expect(await rpc('documents.pageMap', { id: doc.id, pageIndex })).toEqual({
        items: expected[pageIndex],
      });
    }
    // stored one row a page, beside the document's structure, not inside it
    const rows = backend.db
      .prepare('SELECT count(*) AS n FROM pdf_page_maps WHERE document_id = ?')
      .get(doc.id);
    expect(rows).toEqual({ n: pageCount });
    const { structure } = backend.db
      .prepare('SELECT structure FROM documents WHERE id = ?')
      .get(doc.id) as { structure: string };
    expect(Object.keys(JSON.parse(structure) as object).sort()).toEqual([
      'blocks',
      'marks',
      'pages',
    ]);
  });

  it('answer not_found for a document that is not a PDF, a page it does not have, an unknown id', async () => {
    const { backend, rpc, pageCount, doc, txt } = await setup();
    expect((await rpc('documents.file', { id: txt.id })).mediaType).toBe('text/plain');
    const notPdf = await failureOf(backend, 'documents.pageMap', { id: txt.id, pageIndex: 0 });
    expect(notPdf).toMatchObject({
      code: 'not_found',
      message: '"notes.txt" is not a PDF, so it has no pages.',
    });
    const past = await failureOf(backend, 'documents.pageMap', {
      id: doc.id,
      pageIndex: pageCount,
    });
    expect(past).toMatchObject({
      code: 'not_found',
      message: `"report.pdf" has ${pageCount} pages; there is no page ${pageCount + 1}.`,
    });
    const unknown = 'doc_0123456789abcdef01234567';
    for (const method of ['documents.file', 'documents.pageMap'] as const) {
      const error = await failureOf(backend, method, { id: unknown, pageIndex: 0 } as never);
      expect(error.code).toBe(method === 'documents.file' ? 'invalid_input' : 'not_found');
    }
    expect((await failureOf(backend, 'documents.file', { id: unknown })).code).toBe('not_found');
  });

  it('refuse malformed input', async () => {
    const { backend, doc } = await setup();
    const bad: unknown[] = [
      {},
      { id: doc.id },
      { id: doc.id, pageIndex: -1 },
      { id: doc.id, pageIndex: 1.5 },
      { id: doc.id, pageIndex: '0' },
      { id: doc.id, pageIndex: LIMITS.maxPdfPages },
      { id: doc.id, pageIndex: Number.NaN },
      { id: 'doc_x', pageIndex: 0 },
      { id: doc.id, pageIndex: 0, extra: true },
    ];
    for (const input of bad) {
      const result = await backend.registry.call('documents.pageMap', input);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    for (const input of [{}, { id: 42 }, { id: doc.id, pageIndex: 0 }]) {
      const result = await backend.registry.call('documents.file', input);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('make the maps of a PDF imported before they were stored, once, if its text reads the same', async () => {
    const { backend, rpc, doc } = await setup();
    const rows = (id: DocumentId) =>
      backend.db
        .prepare('SELECT page_index, items FROM pdf_page_maps WHERE document_id = ? ORDER BY 1')
        .all(id);
    const stored = rows(doc.id);
    backend.db.prepare('DELETE FROM pdf_page_maps WHERE document_id = ?').run(doc.id);
    const [first, second] = await Promise.all([
      rpc('documents.pageMap', { id: doc.id, pageIndex: 1 }),
      rpc('documents.pageMap', { id: doc.id, pageIndex: 0 }),
    ]);
    expect(rows(doc.id)).toEqual(stored);
    expect([first.items, second.items].map((m) => JSON.stringify(m))).toEqual(
      [1, 0].map((p) => (stored[p] as { items: string }).items),
    );

    // stored text that no longer matches what the file reads to: no map is better than a wrong one
    backend.db.prepare('DELETE FROM pdf_page_maps WHERE document_id = ?').run(doc.id);
    backend.db.prepare("UPDATE documents SET text = text || ' (edited)' WHERE id = ?").run(doc.id);
    const error = await failureOf(backend, 'documents.pageMap', { id: doc.id, pageIndex: 0 });
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/imported by an older version/);
    expect(rows(doc.id)).toEqual([]);
  });

  (fs.existsSync(article) ? it : it.skip)('serve a corpus article: 21 pages of maps', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const bytes = new Uint8Array(fs.readFileSync(article));
    const { document }: { document: DocumentSummary } = await rpc('documents.import', {
      fileName: path.basename(article),
      bytes,
    });
    const { text } = await rpc('documents.content', { id: document.id });
    const page = await rpc('documents.pageMap', { id: document.id, pageIndex: 2 });
    const sentence =
      'Common principles of Central Asian countries in developing and ensuring national security systems are identified.';
    const at = text.indexOf(sentence);
    // the sentence is made of page 3's items, in order (selecting them selects it)
    const end = at + sentence.length;
    const pieces = page.items
      .filter((r): r is [number, number] => !!r && r[1] > at && r[0] < end)
      .map(([s, e]) => text.slice(Math.max(s, at), Math.min(e, end)));
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(sentence);
  });
});
