import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportedText } from '../../shared/model';
import { importPdf } from './pdf';
import { PARAGRAPHS, typeset } from './pdf-fixtures';
import { dropRunningLines } from './pdf-running-lines';
import { loadPdfJs, readPdfPart, TEXT_CONTENT_OPTIONS } from './pdf-read';

const corpus = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const corpusPdfs = fs.existsSync(corpus)
  ? fs
      .readdirSync(corpus)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

interface Item {
  str: string;
}

/**
 * The text items as the renderer's page view gets them: its loading options (character maps and
 * standard fonts shipped with the app, no system fonts; src/renderer/src/features/pdf/pdfjs.ts)
 * and `page.getTextContent()` with pdf.js's defaults.
 */
async function rendererItems(bytes: Uint8Array): Promise<Item[][]> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
    useSystemFonts: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise;
    const pages: Item[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ({ str: 'str' in item ? item.str : '' })));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const blank = (item: Item) => item.str.trim() === '';

/**
 * The contract of the page maps, checked page by page against the renderer's items: one entry per
 * item; a mapped item's canonical text is its own text (whitespace aside), except a repaired
 * line-end hyphen and a superscript drawn later into an item; mapped items cover at least 99% of
 * the page's text; what is unmapped is blank or was dropped as a running line.
 */
function checkMaps(result: ImportedText, items: Item[][], dropped: Set<string>) {
  const maps = result.pageItems!;
  expect(maps).toHaveLength(items.length);
  let exact = 0;
  let mapped = 0;
  items.forEach((pageItems, page) => {
    const map = maps[page]!;
    expect(map).toHaveLength(pageItems.length);
    const span = result.pages[page]!;
    const covered = new Uint8Array(span.end - span.start);
    map.forEach((range, i) => {
      const item = pageItems[i]!;
      if (!range) {
        expect(
          blank(item) || dropped.has(`${page}:${i}`),
          `page ${page} item ${i}: ${item.str}`,
        ).toBe(true);
        return;
      }
      expect(dropped.has(`${page}:${i}`)).toBe(false);
      const [start, end] = range;
      expect(start).toBeGreaterThanOrEqual(span.start);
      expect(end).toBeLessThanOrEqual(span.end);
      expect(end).toBeGreaterThanOrEqual(start);
      covered.fill(1, start - span.start, end - span.start);
      mapped++;
      const slice = result.text.slice(start, end);
      if (slice === item.str) {
        exact++;
        return;
      }
      // other items inside this one's range: a late-drawn superscript split the item
      const nested = map.filter(
        (r, j) => r && j !== i && r[0] >= start && r[1] <= end && r[1] > r[0],
      );
      let own = slice;
      for (const [s, e] of [...nested].sort((a, b) => b![0] - a![0]) as [number, number][]) {
        own = own.slice(0, s - start) + own.slice(e - start);
      }
      const text = squeeze(item.str);
      const repaired = /[-\u00AD\u2010]$/.test(text) && squeeze(own) === text.slice(0, -1);
      expect(
        repaired || squeeze(own) === text,
        `page ${page} item ${i}: ${item.str} → ${slice}`,
      ).toBe(true);
    });
    const pageText = result.text.slice(span.start, span.end);
    let chars = 0;
    let hit = 0;
    for (let k = 0; k < pageText.length; k++) {
      if (pageText[k]!.trim() === '') continue;
      chars++;
      hit += covered[k]!;
    }
    expect(hit, `page ${page}`).toBeGreaterThanOrEqual(0.99 * chars);
  });
  return { exact, mapped };
}

/** Items of the lines dropped as running headers, footers and page numbers: "page:item". */
async function droppedItems(bytes: Uint8Array, labels: string[]): Promise<Set<string>> {
  const { pages } = await readPdfPart(bytes);
  const lines = pages.map((p) => p.lines);
  const kept = new Set(dropRunningLines(lines, labels).flat());
  const dropped = new Set<string>();
  lines.forEach((pageLines, page) => {
    for (const line of pageLines) {
      if (kept.has(line)) continue;
      const sources = line.sources ?? [];
      for (let j = 0; j < sources.length; j += 3) dropped.add(`${page}:${sources[j]}`);
    }
  });
  return dropped;
}

describe('page item maps', () => {
  it('map a typeset document: running lines dropped, hyphen repair, the page layout kept', async () => {
    const { pdf } = typeset(PARAGRAPHS, { heading: 'Findings' });
    const result = await importPdf(pdf);
    const items = await rendererItems(pdf);
    const dropped = await droppedItems(
      pdf,
      result.pages.map((p) => p.label),
    );
    checkMaps(result, items, dropped);
    // exactly the header and the footer of each page are dropped
    const droppedTexts = items.flatMap((page, p) =>
      page.filter((item, i) => !blank(item) && result.pageItems![p]![i] === null).map((i) => i.str),
    );
    expect(droppedTexts).toEqual(
      items.flatMap((_, p) => ['Claimdesk Test Report', `Page ${p + 1} of ${items.length}`]),
    );
    // "extrem-" + "ism": the hyphen of the first item maps to the end of its range, which is where
    // the second item starts
    const page = items[0]!;
    const first = page.findIndex((item) => item.str.endsWith(' extrem-'));
    const [start, end] = result.pageItems![0]![first]!;
    expect(result.text.slice(start, end)).toBe(page[first]!.str.slice(0, -1));
    expect(result.pageItems![0]![first + 1]![0]).toBe(end);
    expect(result.text.slice(end - 6, end + 3)).toBe('extremism');
  });

  for (const file of corpusPdfs) {
    it(`map every item of ${file} to its canonical text`, async () => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(corpus, file)));
      const result = await importPdf(bytes);
      const items = await rendererItems(bytes);
      const dropped = await droppedItems(
        bytes,
        result.pages.map((p) => p.label),
      );
      const { exact, mapped } = checkMaps(result, items, dropped);
      // verbatim (so exact character by character) for nearly every item
      expect(exact).toBeGreaterThanOrEqual(0.98 * mapped);
    });
  }

  it('count items the way the renderer does: the same getTextContent options as pdf.js defaults', () => {
    expect(TEXT_CONTENT_OPTIONS).toEqual({
      includeMarkedContent: false,
      disableNormalization: false,
    });
  });
});
