/**
 * OCR at import, end to end through the RPC registry (extraction runs inline in tests; the
 * Tesseract workers are real threads): scans made here from the sample corpus (pdftoppm), turned
 * and speckled, mixed with a text page; a Cyrillic page drawn in DejaVu Sans. OCR is slow on
 * shared machines, so each test reads one page.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPdf } from '../importers/pdf';
import { failureOf, rpcOf } from '../test/rpc';
import {
  corpusDir,
  drawText,
  hasCommand,
  imagePdf,
  rasterise,
  scanLike,
  wordAccuracy,
  wordsOf,
} from '../test/scans';
import { tempBackend } from '../test/workspace';
import { expectValid } from '../test/schemas';
import { findLanguage } from './languages';

const article = path.join(corpusDir, '002_1e1a6a2f2c58fe5b.pdf');
const canRasterise = hasCommand('pdftoppm');
const SLOW = 240_000;

/** The text of page `index` of a text PDF, as the importer reads it. */
async function pageText(file: string, index: number): Promise<string> {
  const content = await importPdf(new Uint8Array(readFileSync(file)));
  const page = content.pages[index]!;
  return content.text.slice(page.start, page.end);
}

afterEach(() => vi.restoreAllMocks());

describe.skipIf(!canRasterise)('OCR at import', () => {
  if (!canRasterise) console.log('skipped: pdftoppm (poppler-utils) is not installed');

  it(
    'reads the scanned page of a mixed PDF into text, page maps and words, offline',
    async () => {
      // nothing in this thread may reach the network either (the OCR threads trap it themselves)
      const attempts: string[] = [];
      const trap = (what: string) => () => {
        attempts.push(what);
        throw new Error(`network: ${what}`);
      };
      vi.spyOn(globalThis, 'fetch').mockImplementation(trap('fetch'));
      vi.spyOn(http, 'request').mockImplementation(trap('http'));
      vi.spyOn(https, 'request').mockImplementation(trap('https'));
      vi.spyOn(net, 'connect').mockImplementation(trap('net'));

      const scan = scanLike(rasterise(article, 1, 200), 0.6, 0.0015);
      const pdf = imagePdf([
        { text: 'A typed cover page that has a real text layer of its own.' },
        scan,
      ]);
      const backend = tempBackend();
      const rpc = rpcOf(backend);
      const { document } = await rpc('documents.import', {
        fileName: 'scan.pdf',
        bytes: pdf,
        ocrLanguages: 'eng' as never,
      });
      expect(attempts).toEqual([]);
      expect(document.pageCount).toBe(2);
      expect(document.warnings).toEqual([]);

      const content = await rpc('documents.content', { id: document.id });
      const [cover, scanned] = content.pages;
      expect(content.text.slice(cover!.start, cover!.end)).toBe(
        'A typed cover page that has a real text layer of its own.',
      );
      const read = content.text.slice(scanned!.start, scanned!.end);
      const accuracy = wordAccuracy(wordsOf(await pageText(article, 0)), wordsOf(read));
      console.log(
        `English scan (200 dpi, turned 0.6°, speckled): word accuracy ${(accuracy * 100).toFixed(1)}%`,
      );
      expect(accuracy).toBeGreaterThan(0.95);

      // the text page keeps pdf.js's items; the scanned page's items are the recognised words
      expect(
        (await rpc('documents.pageMap', { id: document.id, pageIndex: 0 })).ocr,
      ).toBeUndefined();
      const map = await rpc('documents.pageMap', { id: document.id, pageIndex: 1 });
      const ocr = map.ocr!;
      expect(ocr).toMatchObject({ index: 1, languages: ['eng'], dpi: 200 });
      expect(ocr.version).toMatch(/^tesseract\.js 7\./);
      expect(map.items).toHaveLength(ocr.words.length);
      let mapped = 0;
      map.items.forEach((range, i) => {
        if (!range) return;
        mapped++;
        const word = ocr.words[i]!;
        // a word maps to itself in the canonical text (a hyphen repaired at a line end aside)
        expect(content.text.slice(range[0], range[1])).toBe(word.str.slice(0, range[1] - range[0]));
        // inside the page, in points
        expect(word.transform[4]).toBeGreaterThanOrEqual(0);
        expect(word.transform[4]).toBeLessThanOrEqual(612);
        expect(word.transform[5]).toBeGreaterThanOrEqual(0);
        expect(word.transform[5]).toBeLessThanOrEqual(792);
        expect(word.confidence).toBeGreaterThanOrEqual(0);
        expect(word.confidence).toBeLessThanOrEqual(100);
      });
      expect(mapped).toBeGreaterThan(0.9 * ocr.words.length);
      // a word near the top left: the title, at its place on the Letter page
      const title = ocr.words.find((w) => w.str === 'approaches')!;
      expect(title.transform[4]).toBeGreaterThan(60);
      expect(title.transform[5]).toBeGreaterThan(700);
      // the words are in the search index like any text
      const hits = await rpc('search.query', { query: 'Orumbayeva' } as never);
      expect(JSON.stringify(hits)).toContain(document.id);

      // a claim on the scan, exported: it says it comes from OCR, and how sure the engine was
      const quote = 'Kazakh National Pedagogical University';
      const at = content.text.indexOf(quote, scanned!.start);
      expect(at).toBeGreaterThan(0);
      await rpc('claims.create', {
        documentId: document.id,
        spans: [{ start: at, end: at + quote.length }],
      });
      await rpc('claims.create', { documentId: document.id, spans: [{ start: 2, end: 7 }] });
      const file = await rpc('export.claims', { format: 'json' } as never);
      const exported = JSON.parse(file.text) as { claims: Record<string, unknown>[] };
      expectValid('claims', exported);
      const [onScan, onText] = [...exported.claims].sort(
        (a, b) => Number('ocr' in b) - Number('ocr' in a),
      );
      expect(onText).not.toHaveProperty('ocr');
      expect(onScan!.ocr).toMatchObject({
        engine: 'tesseract.js',
        version: ocr.version,
        languages: ['eng'],
        dpi: 200,
        pages: [2],
        words: 4,
      });
      const { meanConfidence, minConfidence } = onScan!.ocr as Record<string, number>;
      expect(minConfidence).toBeLessThanOrEqual(meanConfidence!);
    },
    SLOW,
  );

  it(
    'without OCR languages that exist, a scan fails with a clear message and nothing is stored',
    async () => {
      const backend = tempBackend();
      const pdf = imagePdf([rasterise(article, 1, 100)]);
      const missing = await failureOf(backend, 'documents.import', {
        fileName: 'scan.pdf',
        bytes: pdf,
        ocrLanguages: 'kir+eng' as never,
      });
      if (findLanguage('kir', null)) return console.log('skipped part: kir is installed here');
      expect(missing.message).toMatch(/^OCR language "kir" is not installed\. .*tesseract-ocr-kir/);
      // a language file in the workspace that is not Tesseract data
      mkdirSync(path.join(backend.dataDir, 'ocr-languages'));
      writeFileSync(
        path.join(backend.dataDir, 'ocr-languages', 'fra.traineddata'),
        'just some text',
      );
      const broken = await failureOf(backend, 'documents.import', {
        fileName: 'scan.pdf',
        bytes: pdf,
        ocrLanguages: 'fra' as never,
      });
      expect(broken.message).toMatch(
        /^The OCR language file for "fra" .* is not Tesseract language data/,
      );
      // other files are not held up by the languages: a text PDF imports with the same choice
      const rpc = rpcOf(backend);
      const text = await rpc('documents.import', {
        fileName: 'article.pdf',
        bytes: new Uint8Array(readFileSync(article)),
        ocrLanguages: 'fra' as never,
      });
      expect(text.status).toBe('imported');
      expect((await rpc('documents.list', {})).map((d) => d.fileName)).toEqual(['article.pdf']);
    },
    SLOW,
  );

  it(
    'is cancelled by its job: the import fails as cancelled and nothing is stored',
    async () => {
      const backend = tempBackend();
      const rpc = rpcOf(backend);
      const page = rasterise(article, 1, 150);
      const pdf = imagePdf([page, page, page]);
      const job = 'cancel-test-job-1';
      const importing = backend.registry.call('documents.import', {
        fileName: 'scan.pdf',
        bytes: pdf,
        job,
      });
      // wait until OCR has begun (progress reported), then stop it
      for (;;) {
        const progress = await rpc('jobs.progress', { job });
        if (progress?.stage === 'ocr') {
          expect(progress).toMatchObject({ pages: 3 });
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await rpc('jobs.cancel', { job })).toEqual({ cancelled: true });
      const result = await importing;
      expect(result).toMatchObject({ ok: false, error: { reason: 'cancelled' } });
      expect(await rpc('documents.list', {})).toEqual([]);
      expect(await rpc('jobs.progress', { job })).toBeNull();
      expect(await rpc('jobs.cancel', { job })).toEqual({ cancelled: false });
    },
    SLOW,
  );
});

describe('OCR of Cyrillic text', () => {
  it(
    'reads a Russian page with rus',
    async () => {
      const rus = findLanguage('rus', null);
      const lines = [
        'Местные источники сообщили о беспорядках в колонии строгого',
        'режима в Худжанде. По данным правозащитников, погибли не менее',
        'двадцати семи человек, однако власти эти сведения не подтвердили.',
      ];
      const image = await drawText(lines, 200);
      if (!rus || !image) {
        return console.log(
          `skipped: ${!rus ? 'Tesseract data for rus is not installed (apt install tesseract-ocr-rus)' : 'no DejaVu Sans font'}`,
        );
      }
      const content = await importPdf(imagePdf([image]), {
        ocr: { languages: ['rus'], dataDir: null },
      });
      const accuracy = wordAccuracy(wordsOf(lines.join(' ')), wordsOf(content.text));
      console.log(`Russian page (200 dpi): word accuracy ${(accuracy * 100).toFixed(1)}%`);
      expect(accuracy).toBeGreaterThanOrEqual(0.95);
      expect(content.ocrPages?.[0]?.languages).toEqual(['rus']);
    },
    SLOW,
  );
});
