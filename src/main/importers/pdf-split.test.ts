import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { importPdf, joinParts } from './pdf';
import { PARAGRAPHS, typeset } from './pdf-fixtures';
import { cleanLine } from './pdf-layout';
import { MIN_SPLIT_PAGES, packPart, pagesOfPart, readPdfPart, unpackPart } from './pdf-read';

const corpus = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const article = path.join(corpus, '002_1e1a6a2f2c58fe5b.pdf');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pdf-split-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The corpus article three times over (63 pages), joined by qpdf as the benchmark does. */
function longArticle(): Uint8Array {
  const out = path.join(dir, 'long.pdf');
  execFileSync('qpdf', ['--empty', '--pages', article, article, article, '--', out]);
  return new Uint8Array(fs.readFileSync(out));
}

/** As the worker threads pass a part: packed, moved by structured cloning, unpacked. */
function moved(part: Awaited<ReturnType<typeof readPdfPart>>) {
  const { packed, transfer } = packPart(part);
  return unpackPart(structuredClone(packed, { transfer }));
}

describe('pages dealt to parts', () => {
  it('gives every page to exactly one part, in blocks, and small PDFs to part 0 alone', () => {
    for (const pages of [0, 1, MIN_SPLIT_PAGES - 1, MIN_SPLIT_PAGES, 100, 1009]) {
      for (let parts = 1; parts <= 4; parts++) {
        const dealt = Array.from({ length: parts }, (_, part) => pagesOfPart(pages, part, parts));
        expect(dealt.flat().sort((a, b) => a - b)).toEqual([...Array(pages).keys()]);
        if (pages < MIN_SPLIT_PAGES) expect(dealt[0]).toHaveLength(pages);
        else if (pages >= 100) expect(Math.min(...dealt.map((d) => d.length))).toBeGreaterThan(0);
      }
    }
    expect(pagesOfPart(40, 1, 2)).toEqual([
      8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31,
    ]);
  });
});

describe('a PDF read in parts', () => {
  (fs.existsSync(article) ? it : it.skip)(
    'gives the same ImportedText as one pass (corpus article, 63 pages, 2 and 3 parts)',
    async () => {
      const bytes = longArticle();
      const whole = await importPdf(bytes);
      expect(whole.pages).toHaveLength(63);
      expect(await importPdf(bytes, { parts: 2 })).toEqual(whole);

      const parts = await Promise.all(
        [0, 1, 2].map((part) => readPdfPart(bytes, { part, parts: 3 })),
      );
      expect(parts.map((p) => p.pages.length).every((n) => n >= 16)).toBe(true);
      const received = parts.map(moved);
      expect(received).toEqual(parts);
      expect(joinParts([...received].reverse())).toEqual(whole);
      expect(
        await importPdf(bytes, { otherParts: received.slice(1).map((p) => Promise.resolve(p)) }),
      ).toEqual(whole);
    },
  );

  it('gives the same result where running lines and hyphen repair cross the parts', async () => {
    const paragraphs = Array.from({ length: 12 }, () => PARAGRAPHS).flat();
    const { pdf, lines } = typeset(paragraphs, { linesPerPage: 4, heading: 'Findings' });
    expect(lines.length).toBeGreaterThanOrEqual(2 * MIN_SPLIT_PAGES);
    const whole = await importPdf(pdf);
    expect(whole.text).not.toMatch(/Claimdesk Test Report|Page \d+ of/);
    expect(whole.text).toContain('violent extremism in the region');
    for (const parts of [2, 3, 4]) expect(await importPdf(pdf, { parts })).toEqual(whole);
  });

  it('fails as the failing part does', async () => {
    const { pdf } = typeset(PARAGRAPHS);
    const failed = Promise.reject(new ImportError('corrupt', 'part 1 could not be read'));
    await expect(importPdf(pdf, { otherParts: [failed] })).rejects.toThrow(
      'part 1 could not be read',
    );
  });

  it('refuses to join parts that do not cover the document', async () => {
    const { pdf } = typeset(Array.from({ length: 12 }, () => PARAGRAPHS).flat(), {
      linesPerPage: 4,
    });
    const first = await readPdfPart(pdf, { part: 0, parts: 2 });
    expect(() => joinParts([first])).toThrow(/was not read/);
    expect(() => joinParts([first, first])).toThrow(/read twice/);
  });
});

describe('cleaning a line', () => {
  const reference = (raw: string) =>
    raw
      .replace(/ {2,}/g, ' ')
      .trim()
      .replace(/\u00AD(?!$)/g, '');

  it('is the regular-expression clean-up, and moves offsets with their characters', () => {
    const raw = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\u00AD', '-'), maxLength: 24 });
    fc.assert(
      fc.property(raw, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const offsets = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        // (item, start, end) triples over ascending offsets, as pushLine records them
        const bounds = offsets.length % 2 ? [...offsets, text.length] : offsets;
        const pieces = bounds.flatMap((o, i) => (i % 2 ? [o] : [i / 2, o]));
        const offsetsOf = (triples: number[]) => triples.filter((_, i) => i % 3 !== 0);
        const before = offsetsOf(pieces);
        const clean = cleanLine(text, pieces);
        expect(clean).toBe(reference(text));
        const after = offsetsOf(pieces);
        after.forEach((to, i) => {
          expect(to).toBeLessThanOrEqual(clean.length);
          if (i > 0) expect(to).toBeGreaterThanOrEqual(after[i - 1]!);
          // a character that is never removed lands on itself
          const from = before[i]!;
          if (from < text.length && !/[ \u00AD]/.test(text[from]!))
            expect(clean[to]).toBe(text[from]);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
