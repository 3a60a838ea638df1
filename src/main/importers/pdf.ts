/**
 * PDF import: pdf-read.ts reads the file with pdf.js and turns each page's positioned text into
 * lines (pdf-layout.ts), in one part or in several read at once by worker threads; here the parts
 * are joined: pdf-running-lines.ts drops headers, footers and page numbers, pdf-paragraphs.ts
 * (with pdf-word-breaks.ts) joins the lines into the canonical text, its paragraphs and page map,
 * and pdf-items.ts maps each pdf.js text item to its place in the canonical text.
 */
import type { DocumentMeta, ImportedText, PageSpan } from '../../shared/model';
import { LIMITS } from '../../shared/limits';
import { ImportError } from './errors';
import { itemMaps } from './pdf-items';
import { corrupt, readPdfPart, type PdfPart } from './pdf-read';
import { dropRunningLines } from './pdf-running-lines';
import { layoutText } from './pdf-paragraphs';
import { ocrPages, type ScanOptions, type ScanResult } from '../ocr/scan-pages';

export const NO_TEXT_WARNING = 'no selectable text — scanned?';

export interface PdfImportOptions {
  password?: string;
  /**
   * Read the pages in this many parts: this call reads part 0, `otherParts` are the rest, read
   * elsewhere (worker threads) from the same bytes (pdf-read.ts, `readPdfPart`). Without
   * `otherParts` all parts are read here, one after the other (tests compare that with one part).
   */
  parts?: number;
  otherParts?: Promise<PdfPart>[];
  /** the caller gives up `bytes` (a worker's own copy): pdf.js may take the buffer over */
  owned?: boolean;
  /** read scanned pages with OCR in these languages (ocr/scan-pages.ts); without, they stay empty */
  ocr?: Omit<ScanOptions, 'password'>;
}

export async function importPdf(
  bytes: Uint8Array,
  options: PdfImportOptions = {},
): Promise<ImportedText> {
  checkEnvelope(bytes);
  const { password } = options;
  // OCR draws the scanned pages from the same bytes afterwards: pdf.js must not take them over
  const owned = options.owned && !options.ocr;
  const parts = Math.max(
    1,
    options.otherParts ? options.otherParts.length + 1 : (options.parts ?? 1),
  );
  const read: PdfPart[] = [];
  if (options.otherParts) {
    read.push(
      ...(await Promise.all([
        readPdfPart(bytes, { password, part: 0, parts, owned }),
        ...options.otherParts,
      ])),
    );
  } else {
    for (let part = 0; part < parts; part++) {
      read.push(
        await readPdfPart(bytes, { password, part, parts, owned: owned && part === parts - 1 }),
      );
    }
  }
  const scans = read
    .flatMap((part) => part.pages)
    .flatMap((page) => (page.scan ? [{ index: page.index, dpi: page.scan.dpi }] : []))
    .sort((a, b) => a.index - b.index);
  if (options.ocr && scans.length > LIMITS.maxOcrPages) {
    throw new ImportError(
      'too_large',
      `This PDF has ${scans.length.toLocaleString('en')} scanned pages to read by OCR; Claimdesk reads up to ` +
        `${LIMITS.maxOcrPages.toLocaleString('en')} in one file (each takes seconds). Split it into smaller PDFs ` +
        '(e.g. qpdf --split-pages=500) and import the parts.',
    );
  }
  const ocr =
    options.ocr && scans.length > 0
      ? await ocrPages(bytes, scans, { ...options.ocr, password })
      : null;
  return joinParts(read, ocr);
}

/**
 * The document from its parts (in any order). The result is the same however the pages were
 * split: every step that looks across pages (running lines, the lexicon of hyphenated words,
 * paragraph and margin statistics) runs here, over all pages.
 */
export function joinParts(parts: readonly PdfPart[], ocr: ScanResult | null = null): ImportedText {
  const first = parts.find((p) => p.doc !== null);
  if (!first?.doc) throw new Error('PDF parts: none has the document facts (part 0)');
  const numPages = first.numPages;
  const pages = new Array<PdfPart['pages'][number] | undefined>(numPages);
  for (const part of parts) {
    for (const page of part.pages) {
      if (part.numPages !== numPages || page.index >= numPages || pages[page.index]) {
        throw new Error(`PDF parts: page ${page.index} is read twice or does not exist`);
      }
      pages[page.index] = page;
    }
  }
  const read = new Map(ocr?.pages.map((p) => [p.index, p]));
  const all = Array.from(pages, (page, index) => {
    if (!page) throw new Error(`PDF parts: page ${index} was not read`);
    // a scanned page's text is what OCR read: its words are the page's text items
    const scanned = read.get(index);
    return scanned ? { ...page, lines: scanned.lines, itemCount: scanned.words.length } : page;
  });
  const lang = all.find((p) => p.lang)?.lang ?? null;
  const pageLines = all.map((p) => p.lines);
  const labels = pageLabels(first.doc.labels, numPages);
  const kept = dropRunningLines(pageLines, labels);
  const laid = layoutText(kept);
  const spans: PageSpan[] = laid.pages.map((span, index) => ({
    index,
    label: labels[index]!,
    ...span,
  }));
  return {
    text: laid.text,
    blocks: laid.blocks,
    marks: [],
    pages: spans,
    pageItems: itemMaps(
      kept,
      laid.lines,
      all.map((p) => p.itemCount),
    ),
    meta: readMeta(first.doc.info, lang),
    warnings: [
      ...(pageLines.every((lines) => lines.length === 0) ? [NO_TEXT_WARNING] : []),
      ...scanWarnings(all, ocr),
    ],
    ...(ocr && ocr.pages.length > 0
      ? { ocrPages: ocr.pages.map(({ lines: _lines, ...page }) => page) }
      : {}),
  };
}

/** Scanned pages left without text: OCR was not asked for, or could not read them. */
function scanWarnings(
  pages: readonly PdfPart['pages'][number][],
  ocr: ScanResult | null,
): string[] {
  const scans = pages.filter((p) => p.scan).map((p) => p.index);
  if (scans.length === 0) return [];
  if (!ocr) {
    return [
      `${pageList(scans)} ${scans.length === 1 ? 'is a scan' : 'are scans'} without usable text: run OCR on this document to read ${scans.length === 1 ? 'it' : 'them'}.`,
    ];
  }
  return ocr.skipped.map((s) => `OCR skipped ${s.why}.`);
}

export function pageList(indexes: readonly number[]): string {
  const shown = indexes
    .slice(0, 10)
    .map((i) => i + 1)
    .join(', ');
  const more = indexes.length > 10 ? ` and ${indexes.length - 10} more` : '';
  return `${indexes.length === 1 ? 'Page' : 'Pages'} ${shown}${more}`;
}

/**
 * Refuse what is plainly not a whole PDF before pdf.js sees it: pdf.js repairs what it can and
 * would silently return part of a truncated file, which is worse for a researcher than an error.
 */
export function checkEnvelope(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError('empty', 'This file is empty (0 bytes).');
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
  // the header may follow up to 1 KB of junk; the end-of-file marker must be near the end
  if (!ascii(0, Math.min(bytes.length, 1024)).includes('%PDF-')) {
    throw new ImportError(
      'corrupt',
      'This file is not a PDF (it does not start with a PDF header). Check that you chose the right file.',
    );
  }
  const tail = Math.max(0, bytes.length - 2048);
  if (!ascii(tail, bytes.length).includes('%%EOF')) {
    throw corrupt('it ends before the end-of-file marker, so it is probably truncated');
  }
}

function pageLabels(labels: string[] | null, count: number): string[] {
  return Array.from({ length: count }, (_, i) => labels?.[i]?.trim() || String(i + 1));
}

// ---- metadata --------------------------------------------------------------------------------

function readMeta(info: Record<string, unknown>, lang: string | null): Partial<DocumentMeta> {
  const str = (key: string) => (typeof info[key] === 'string' ? (info[key] as string).trim() : '');
  const meta: Partial<DocumentMeta> = {
    authors: splitAuthors(str('Author')),
    publishedDate: pdfDate(str('CreationDate')),
    publisher: null,
    language: languageTag(str('Language') || lang || ''),
  };
  const title = cleanTitle(str('Title'));
  if (title) meta.title = title;
  return meta;
}

/** Producers put file names and placeholders in Title; those are not titles. */
export function cleanTitle(raw: string): string {
  const title = raw
    .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, '')
    .replace(/<[^<>]*>/g, ' ') // HTML some producers copy in
    .replace(/\.(?:docx?|rtf|odt|pdf|pptx?|xlsx?|txt|tex|indd|qxd)$/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/\p{L}/u.test(title)) return '';
  if (
    /^(?:untitled(?: document)?|document\d*|title|slide \d+|none|null|unknown|new document)$/i.test(
      title,
    )
  ) {
    return '';
  }
  if (/[\\/]/.test(title) && !/\s/.test(title)) return ''; // a file path
  return title;
}

/** "A. Smith; B. Jones", "A. Smith, B. Jones and C. Lee"; "Smith, John" is one person. */
export function splitAuthors(raw: string): string[] {
  if (!raw || /^(?:administrator|admin|user|owner|author|unknown)$/i.test(raw)) return [];
  const parts = raw
    .split(raw.includes(';') ? ';' : /,|\s+(?:and|&)\s+/)
    .map((a) => a.trim())
    .filter(Boolean);
  // two single words around a comma are one name, surname first
  const surnameFirst = parts.length === 2 && /^[^\s,]+,\s*[^\s,]+$/.test(raw.trim());
  return surnameFirst ? [raw.trim()] : parts;
}

/** PDF date "D:20190307120000+03'00'" → "2019-03-07" (or "2019-03", "2019" if that is all). */
export function pdfDate(raw: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw);
  if (!m) return null;
  const [, year, month, day] = m;
  if (Number(year) < 1900) return null;
  if (!month || Number(month) < 1 || Number(month) > 12) return year!;
  if (!day || Number(day) < 1 || Number(day) > 31) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

function languageTag(raw: string): string | null {
  const tag = raw.trim().replace(/_/g, '-');
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag) ? tag : null;
}
