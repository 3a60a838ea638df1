/**
 * PDF import: pdf.js reads the file; pdf-layout.ts turns its positioned text into lines,
 * pdf-running-lines.ts drops headers, footers and page numbers, and pdf-paragraphs.ts (with
 * pdf-word-breaks.ts) joins the lines into the canonical text, its paragraphs and page map.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { LIMITS } from '../../shared/limits';
import type { DocumentMeta, ImportedText, PageSpan } from '../../shared/model';
import { ImportError } from './errors';
import { buildLines, type TextRun } from './pdf-layout';
import { dropRunningLines } from './pdf-running-lines';
import { layoutText } from './pdf-paragraphs';

export const NO_TEXT_WARNING = 'no selectable text — scanned?';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is large: load it on first use, not at app start. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js's character maps (for CJK fonts without their own), read from disk, never fetched. */
function cMapDirectory(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return path.join(path.dirname(pkg), 'cmaps') + path.sep;
  } catch {
    return undefined;
  }
}

export async function importPdf(
  bytes: Uint8Array,
  options: { password?: string } = {},
): Promise<ImportedText> {
  checkEnvelope(bytes);
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const cMapUrl = cMapDirectory();
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js may transfer (detach) the buffer it is given
    password: options.password || undefined,
    isEvalSupported: false, // CVE-2024-4367: never compile font code
    useSystemFonts: false,
    disableFontFace: true,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    useWorkerFetch: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  let doc: PDFDocumentProxy | undefined;
  try {
    // only pdf.js's failures are the file's fault; a bug in the layout code is not "corrupt"
    const read = await (async () => {
      doc = await task.promise;
      if (doc.numPages > LIMITS.maxPdfPages) {
        throw new ImportError(
          'too_large',
          `This PDF has ${doc.numPages.toLocaleString('en')} pages; Claimdesk reads PDFs of up to ` +
            `${LIMITS.maxPdfPages.toLocaleString('en')} pages. Split it into smaller PDFs and import the parts.`,
        );
      }
      const pages: TextItem[][] = [];
      let lang: string | null = null;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        lang ??= content.lang;
        pages.push(content.items.filter(isTextItem));
        page.cleanup();
      }
      const labels = await doc.getPageLabels().catch(() => null);
      const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
      return { pages, lang, labels, info: info as Record<string, unknown> };
    })().catch((err: unknown) => {
      throw toImportError(err, options.password);
    });

    const pageLines = read.pages.map((items) => buildLines(toRuns(items)));
    const labels = pageLabels(read.labels, pageLines.length);
    const laid = layoutText(dropRunningLines(pageLines, labels));
    const pages: PageSpan[] = laid.pages.map((span, index) => ({
      index,
      label: labels[index]!,
      ...span,
    }));
    return {
      text: laid.text,
      blocks: laid.blocks,
      marks: [],
      pages,
      meta: readMeta(read.info, read.lang),
      warnings: pageLines.every((lines) => lines.length === 0) ? [NO_TEXT_WARNING] : [],
    };
  } finally {
    await doc?.destroy();
    await task.destroy();
  }
}

/**
 * Refuse what is plainly not a whole PDF before pdf.js sees it: pdf.js repairs what it can and
 * would silently return part of a truncated file, which is worse for a researcher than an error.
 */
function checkEnvelope(bytes: Uint8Array): void {
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

const corrupt = (why: string) =>
  new ImportError(
    'corrupt',
    `This PDF is damaged or incomplete (${why}); try re-downloading it or re-saving it from a PDF viewer.`,
  );

function toImportError(err: unknown, password: string | undefined): ImportError {
  if (err instanceof ImportError) return err;
  const { name, code, message } = (err ?? {}) as { name?: string; code?: number; message?: string };
  if (name === 'PasswordException') {
    // pdf.js: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD
    if (code === 2 || (code === 1 && password)) {
      return new ImportError(
        'wrong_password',
        'That password is not correct for this PDF. Check it and try again.',
      );
    }
    return new ImportError(
      'password_required',
      'This PDF is password-protected. Enter its password to import it.',
    );
  }
  return corrupt(message ? `pdf.js: ${message}` : 'it could not be read');
}

function isTextItem(item: object): item is TextItem {
  return 'str' in item;
}

/**
 * Runs in the frame of the page's dominant text direction, so that a landscape page drawn
 * rotated lays out like any other; text in other directions (a margin note) is kept aside.
 */
function toRuns(items: readonly TextItem[]): TextRun[] {
  const angleOf = (item: TextItem) =>
    Math.round((Math.atan2(item.transform[1], item.transform[0]) * 180) / Math.PI);
  const weights = new Map<number, number>();
  for (const item of items)
    weights.set(angleOf(item), (weights.get(angleOf(item)) ?? 0) + item.str.length);
  const dominant = [...weights].reduce((best, w) => (w[1] > best[1] ? w : best), [0, -1])[0];
  const cos = Math.cos((dominant * Math.PI) / 180);
  const sin = Math.sin((dominant * Math.PI) / 180);
  return items.map((item) => {
    const [a, b, c, d, e, f] = item.transform as number[];
    const upright = Math.abs(angleOf(item) - dominant) <= 1 && a! * d! - b! * c! > 0;
    return {
      str: item.str.replace(CONTROL_CHARS, ''),
      x: e! * cos + f! * sin,
      y: f! * cos - e! * sin,
      width: item.width,
      size: Math.hypot(c!, d!) || item.height,
      upright,
    };
  });
}

/** C0 controls other than whitespace and the DEL: broken ToUnicode maps produce them. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

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
