/**
 * Re-running OCR on a document (ocr.rerun): the new reading replaces the text, claims and mentions
 * move onto it with the shared re-anchoring, what cannot be placed is kept and reported, and the
 * whole change is one undo step. Scans are made here from the sample corpus (test/scans.ts); OCR is
 * slow on shared machines, so the scan is one page at 150 dpi.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openBackend } from '../backend';
import { main } from '../cli';
import type { ClaimId } from '../../shared/model';
import { failureOf, rpcOf } from '../test/rpc';
import { corpusDir, hasCommand, imagePdf, rasterise } from '../test/scans';
import { parseCsv } from '../test/csv';
import { expectValid } from '../test/schemas';
import { tempBackend, tempDir } from '../test/workspace';
import { findLanguage } from './languages';
import { ORPHAN_TAG } from './rerun';

const article = path.join(corpusDir, '002_1e1a6a2f2c58fe5b.pdf');
const canRasterise = hasCommand('pdftoppm');
const SLOW = 240_000;

describe.skipIf(!canRasterise)('re-running OCR on a document', () => {
  if (!canRasterise) console.log('skipped: pdftoppm (poppler-utils) is not installed');

  it(
    're-anchors claims and mentions, keeps and reports what it cannot place, in one undo step',
    async () => {
      const backend = tempBackend();
      const rpc = rpcOf(backend);
      const pdf = imagePdf([rasterise(article, 1, 150)]);
      const { document } = await rpc('documents.import', {
        fileName: 'scan.pdf',
        bytes: pdf,
        ocrLanguages: 'eng' as never,
      });
      const read = (await rpc('documents.content', { id: document.id })).text;

      // an earlier, worse reading: a garbled stretch in front of the passages, which shifts them,
      // and a claim made on the garbage (the new reading has real words there)
      const garbage = 'Xqzv Kkwp Zzrt Qqvw Jjxm. ';
      const older = garbage + read;
      backend.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(older, document.id);
      const quote = 'Kazakh National Pedagogical University';
      const at = older.indexOf(quote);
      expect(at).toBeGreaterThan(0);
      const kept = await rpc('claims.create', {
        documentId: document.id,
        spans: [{ start: at, end: at + quote.length }],
        tags: ['education'],
      });
      const lost = await rpc('claims.create', {
        documentId: document.id,
        spans: [{ start: 0, end: garbage.length - 2 }],
      });
      const entity = await rpc('entities.create', {
        kind: 'organization',
        name: 'Kazakh National Pedagogical University',
      } as never);
      const mention = await rpc('mentions.create', {
        documentId: document.id,
        entityId: entity.id,
        start: at,
        end: at + quote.length,
      });

      const outcome = await rpc('ocr.rerun', { id: document.id, languages: 'eng' as never });
      expect(outcome).toMatchObject({ pages: 1, languages: ['eng'], kept: 2 });
      expect(outcome.orphans).toEqual([
        { kind: 'claim', id: lost.id, quote: garbage.slice(0, -2) },
      ]);
      const text = (await rpc('documents.content', { id: document.id })).text;
      expect(text).toBe(read);

      const claims = await rpc('claims.list', { documentId: document.id } as never);
      const byId = new Map(claims.map((c) => [c.id as ClaimId, c]));
      const moved = byId.get(kept.id)!;
      expect(moved.spans[0]!.start).toBe(at - garbage.length);
      expect(text.slice(moved.spans[0]!.start, moved.spans[0]!.end)).toBe(quote);
      expect(moved.tags).toEqual(['education']);
      // the orphan is kept with its quote, marked for the researcher to fix by hand
      const orphan = byId.get(lost.id)!;
      expect(orphan.spans[0]!.exact).toBe(garbage.slice(0, -2));
      expect(orphan.tags).toEqual([ORPHAN_TAG]);
      const mentions = await rpc('mentions.list', { documentId: document.id } as never);
      expect(mentions.map((m) => text.slice(m.anchor.start, m.anchor.end))).toEqual([quote]);
      expect(mentions[0]!.id).toBe(mention.id);

      // one Ctrl+Z: the older text and every anchor on it come back together
      expect((await rpc('history.undo', {}))?.label).toMatch(/^re-run OCR of "scan\.pdf" \(eng\)/);
      expect((await rpc('documents.content', { id: document.id })).text).toBe(older);
      const undone = await rpc('claims.list', { documentId: document.id } as never);
      expect(undone.find((c) => c.id === kept.id)!.spans[0]!.start).toBe(at);
      expect(undone.find((c) => c.id === lost.id)!.tags).toEqual([]);
      await rpc('history.redo', {});
      expect((await rpc('documents.content', { id: document.id })).text).toBe(read);

      // W3C and CSV exports say which passages OCR read, as claims JSON does
      const w3c = JSON.parse((await rpc('export.claims', { format: 'w3c' } as never)).text) as {
        first: { items: { id: string; target: Record<string, unknown>[] }[] };
      };
      expectValid('w3c', w3c);
      const annotation = w3c.first.items.find((a) => a.id === `urn:claimdesk:claim:${kept.id}`)!;
      expect(annotation.target[0]!.ocr).toMatchObject({
        engine: 'tesseract.js',
        languages: ['eng'],
        pages: [1],
        words: 4,
      });
      const csv = (await rpc('export.claims', { format: 'csv' } as never)).text;
      const [columns, ...rows] = parseCsv(csv.slice(1));
      const row = rows.find((r) => r[0] === kept.id)!;
      const cell = (name: string) => row[columns!.indexOf(name)];
      expect(cell('ocr_engine')).toBe('tesseract.js');
      expect(cell('ocr_languages')).toBe('eng');
      expect(Number(cell('ocr_min_confidence'))).toBeLessThanOrEqual(
        Number(cell('ocr_mean_confidence')),
      );
    },
    SLOW,
  );

  it(
    'refuses a document without OCR pages, or unknown languages, and changes nothing',
    async () => {
      const backend = tempBackend();
      const rpc = rpcOf(backend);
      const { document } = await rpc('documents.import', {
        fileName: 'typed.pdf',
        bytes: imagePdf([{ text: 'A typed page with a text layer of its own.' }]),
      });
      const notScanned = await failureOf(backend, 'ocr.rerun', { id: document.id });
      expect(notScanned.message).toMatch(/no pages read by OCR/);
      const badCodes = await failureOf(backend, 'ocr.rerun', {
        id: document.id,
        languages: 'english' as never,
      });
      expect(badCodes.code).toBe('invalid_input');
      expect((await rpc('documents.content', { id: document.id })).text).toBe(
        'A typed page with a text layer of its own.',
      );
    },
    SLOW,
  );

  it(
    'runs from the command line: claimdesk ocr DOC_ID --languages, one JSON line out',
    async () => {
      const dir = tempDir();
      const file = path.join(dir, 'scan.pdf');
      writeFileSync(file, imagePdf([rasterise(article, 1, 150)]));
      let out = '';
      let err = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
      vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
      const run = (...argv: string[]) => main([...argv, '--data-dir', dir]);
      try {
        expect(await run('import', '--ocr-languages', 'eng', file)).toBe(0);
        const { documentId } = JSON.parse(out) as { documentId: string };
        out = '';
        expect(await run('ocr')).toBe(1);
        expect(err).toContain('Usage: claimdesk ocr <document-id>');
        expect(await run('ocr', documentId, '--languages', 'eng+')).toBe(1);
        expect(err).toMatch(/language/i);
        expect(out).toBe('');
        // the document's languages are recorded and changed by the command (rus where installed)
        const other = findLanguage('rus', null) ? 'eng+rus' : 'eng';
        if (other === 'eng') console.log('rus not installed: re-OCR in eng only');
        expect(await run('list')).toBe(0);
        expect(JSON.parse(out)).toMatchObject({ id: documentId, ocrLanguages: 'eng' });
        out = '';
        expect(await run('ocr', documentId, '--languages', other)).toBe(0);
        expect(JSON.parse(out)).toEqual({
          documentId,
          pages: 1,
          languages: other,
          kept: 0,
          orphans: [],
          dismissalsDropped: 0,
        });
        out = '';
        expect(await run('list')).toBe(0);
        expect(JSON.parse(out)).toMatchObject({ id: documentId, ocrLanguages: other });
        // and shown where OCR provenance is: the page view's OCR words say which languages
        const backend = openBackend(dir, 'cli');
        try {
          const map = await rpcOf(backend)('documents.pageMap', {
            id: documentId as never,
            pageIndex: 0,
          });
          expect(map.ocr?.languages.join('+')).toBe(other);
        } finally {
          backend.close();
        }
      } finally {
        vi.restoreAllMocks();
      }
    },
    SLOW,
  );
});
