/**
 * Reading a PDF with pdf.js: the text of each page as lines (pdf-layout.ts), one part of the pages
 * at a time, so that a large PDF can be read by several worker threads at once (pool.ts) and the
 * parts joined afterwards (pdf.ts). Everything a part holds survives structured cloning.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocumentProxy, PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
import { LIMITS } from '../../shared/limits';
import { ImportError } from './errors';
import { buildLines, type Line, type TextRun } from './pdf-layout';
import { directPorts, type DirectPort } from './pdf-port';
import { textProblem } from '../ocr/detect';
import { drawnImages, imageArea, scanDpi } from '../ocr/page-image';

/**
 * The options of every `getTextContent` call. The renderer's page view must call it the same way
 * (these are pdf.js's defaults) with the same pdfjs-dist version, so that item i of a page is the
 * item i the page maps (pdf-items.ts) speak of.
 */
export const TEXT_CONTENT_OPTIONS = { includeMarkedContent: false, disableNormalization: false };

/** One page as read: its lines, and how many text items pdf.js reported for it. */
export interface PdfPage {
  index: number;
  itemCount: number;
  lang: string | null;
  lines: Line[];
  /** a scan: no usable text layer on a page that is mostly a picture (OCR reads it), else null */
  scan: ScanFacts | null;
}

/** Why a page is taken for a scan, and the resolution its picture was scanned at (if known). */
export interface ScanFacts {
  problem: 'none' | 'few' | 'garbage';
  dpi: number | null;
}

/** The pages one reader got (`pagesOfPart`), and from part 0 the document-level facts. */
export interface PdfPart {
  numPages: number;
  pages: PdfPage[];
  doc: { labels: string[] | null; info: Record<string, string> } | null;
}

/** Pages are dealt to parts in blocks of this many, round robin, so that parts cost about the same. */
const BLOCK_PAGES = 8;
/** Below this a PDF is read by one reader: opening it twice would cost more than it saves. */
export const MIN_SPLIT_PAGES = 24;

/** The 0-based indexes of the pages that part `part` of `parts` reads. */
export function pagesOfPart(numPages: number, part: number, parts: number): number[] {
  if (parts <= 1 || numPages < MIN_SPLIT_PAGES) return part === 0 ? range(numPages) : [];
  return range(numPages).filter((p) => Math.floor(p / BLOCK_PAGES) % parts === part);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs') & {
  WorkerMessageHandler: { initializeFromPort(port: DirectPort): void };
};
let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is large: load it on first use, not at app start. */
export const loadPdfJs = () => (pdfjs ??= loadKeepingNativeBuiltins());

/**
 * pdf.js's legacy build (the modern one needs a newer JavaScript than Node 20 and our Electron)
 * bundles core-js, which on V8 replaces some built-ins with JavaScript versions for the sake of
 * edge cases that do not occur here (arrays longer than 2³² - 1, JSON.parse's source-text
 * access): Array.prototype.push, which pdf.js calls per glyph (a sixth of the extraction time),
 * and JSON.parse/stringify, over ten times slower on our page maps. Those go back to the engine's
 * own; what core-js adds (Promise.withResolvers, Map#getOrInsertComputed...) stays, pdf.js needs
 * it. pdf.js's "fake worker" (Node has no web workers) would load its worker module on first use,
 * polyfilling again, so that module is loaded here too.
 */
async function loadKeepingNativeBuiltins(): Promise<PdfJs> {
  const natives = [
    [Array.prototype, 'push'],
    [JSON, 'parse'],
    [JSON, 'stringify'],
    [Function.prototype, 'toString'],
  ] as const;
  const saved = natives.map(([owner, name]) => Object.getOwnPropertyDescriptor(owner, name)!);
  try {
    const [lib, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    return {
      ...lib,
      WorkerMessageHandler: worker.WorkerMessageHandler as PdfJs['WorkerMessageHandler'],
    };
  } finally {
    natives.forEach(([owner, name], i) => Object.defineProperty(owner, name, saved[i]!));
  }
}

/** pdf.js's character maps (for CJK fonts without their own), read from disk, never fetched. */
function cMapDirectory(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return path.join(path.dirname(pkg), 'cmaps') + path.sep;
  } catch {
    return undefined;
  }
}

/**
 * Reads the pages of part `part` of `parts`. `owned`: the caller gives up `bytes` (pdf.js may
 * transfer, i.e. detach, the buffer it is given); otherwise pdf.js gets a copy.
 */
export async function readPdfPart(
  bytes: Uint8Array,
  options: {
    password?: string;
    part?: number;
    parts?: number;
    owned?: boolean;
    /** stop between pages (the other parts failed) */
    signal?: AbortSignal;
  } = {},
): Promise<PdfPart> {
  const { password, part = 0, parts = 1 } = options;
  // only pdf.js's failures are the file's fault; a bug in the layout code is not "corrupt"
  const pdf = <T>(promise: Promise<T>) =>
    promise.catch((err: unknown) => {
      throw toImportError(err, password);
    });
  const task = await openPdf(bytes, { password, owned: options.owned });
  try {
    const doc = await pdf(task.promise);
    if (doc.numPages > LIMITS.maxPdfPages) {
      throw new ImportError(
        'too_large',
        `This PDF has ${doc.numPages.toLocaleString('en')} pages; Claimdesk reads PDFs of up to ` +
          `${LIMITS.maxPdfPages.toLocaleString('en')} pages. Split it into smaller PDFs and import the parts.`,
      );
    }
    const pages: PdfPage[] = [];
    for (const index of pagesOfPart(doc.numPages, part, parts)) {
      options.signal?.throwIfAborted();
      const page = await pdf(doc.getPage(index + 1));
      const content = await pdf(page.getTextContent(TEXT_CONTENT_OPTIONS));
      const items = content.items.map((item) => ('str' in item ? item : null));
      const lines = buildLines(toRuns(items));
      pages.push({
        index,
        itemCount: items.length,
        lang: content.lang ?? null,
        lines,
        scan: await scanFacts(page, lines),
      });
      page.cleanup();
    }
    let facts: PdfPart['doc'] = null;
    if (part === 0) {
      const labels = await doc.getPageLabels().catch(() => null);
      const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
      facts = { labels, info: strings(info as Record<string, unknown>) };
    }
    return { numPages: doc.numPages, pages, doc: facts };
  } finally {
    await task.close();
  }
}

/**
 * Opens a PDF with pdf.js in this thread, never fetching anything (character maps from disk).
 * `owned`: the caller gives up `bytes`; otherwise pdf.js gets a copy. `close` frees everything.
 */
export async function openPdf(
  bytes: Uint8Array,
  options: { password?: string; owned?: boolean },
): Promise<{ promise: Promise<PDFDocumentProxy>; close(): Promise<void> }> {
  const { getDocument, PDFWorker, VerbosityLevel, WorkerMessageHandler } = await loadPdfJs();
  const cMapUrl = cMapDirectory();
  const [apiPort, workerPort] = directPorts();
  WorkerMessageHandler.initializeFromPort(workerPort);
  type WorkerPort = NonNullable<Parameters<typeof PDFWorker.create>[0]>['port'];
  const worker = PDFWorker.create({
    port: apiPort as unknown as WorkerPort,
    verbosity: VerbosityLevel.ERRORS,
  });
  const task = getDocument({
    worker,
    data: options.owned ? bytes : new Uint8Array(bytes),
    password: options.password || undefined,
    isEvalSupported: false, // CVE-2024-4367: never compile font code
    useSystemFonts: false,
    disableFontFace: true,
    fontExtraProperties: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    useWorkerFetch: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  return {
    promise: task.promise,
    async close() {
      // destroying the task destroys its document and ends the worker side
      await task.destroy();
      worker.destroy();
    },
  };
}

/**
 * A part as a few flat arrays, for posting to another thread: cloning tens of thousands of line
 * objects costs more than reading their pages takes the other thread to join. Post it with
 * `transfer` so the arrays move instead of being copied.
 */
export interface PackedPart {
  numPages: number;
  doc: PdfPart['doc'];
  pages: {
    index: number;
    itemCount: number;
    lang: string | null;
    lineCount: number;
    scan: ScanFacts | null;
  }[];
  /** the line texts, joined by "\n" (line texts are single-spaced: they hold no newline) */
  texts: string;
  /** per line: x0, x1, y, size, charWidth, firstWordWidth, upright (1 or 0) */
  numbers: Float64Array;
  /** per line: the number of source triples, then the triples */
  sources: Int32Array;
}

const LINE_NUMBERS = 7;

export function packPart(part: PdfPart): { packed: PackedPart; transfer: ArrayBuffer[] } {
  const lines = part.pages.flatMap((p) => p.lines);
  const numbers = new Float64Array(lines.length * LINE_NUMBERS);
  const sources = new Int32Array(lines.reduce((n, line) => n + 1 + (line.sources?.length ?? 0), 0));
  let at = 0;
  lines.forEach((line, i) => {
    const n = i * LINE_NUMBERS;
    numbers[n] = line.x0;
    numbers[n + 1] = line.x1;
    numbers[n + 2] = line.y;
    numbers[n + 3] = line.size;
    numbers[n + 4] = line.charWidth;
    numbers[n + 5] = line.firstWordWidth;
    numbers[n + 6] = line.upright ? 1 : 0;
    const own = line.sources ?? [];
    sources[at++] = own.length / 3;
    for (const value of own) sources[at++] = value;
  });
  const packed: PackedPart = {
    numPages: part.numPages,
    doc: part.doc,
    pages: part.pages.map(({ index, itemCount, lang, lines, scan }) => ({
      index,
      itemCount,
      lang,
      lineCount: lines.length,
      scan,
    })),
    texts: lines.map((l) => l.text).join('\n'),
    numbers,
    sources,
  };
  return { packed, transfer: [numbers.buffer as ArrayBuffer, sources.buffer as ArrayBuffer] };
}

export function unpackPart(packed: PackedPart): PdfPart {
  const texts = packed.texts === '' ? [] : packed.texts.split('\n');
  const { numbers, sources } = packed;
  let line = 0;
  let at = 0;
  const pages = packed.pages.map(({ index, itemCount, lang, lineCount, scan }) => {
    const lines: Line[] = [];
    for (let end = line + lineCount; line < end; line++) {
      const n = line * LINE_NUMBERS;
      const count = sources[at++]! * 3;
      const own = new Array<number>(count);
      for (let k = 0; k < count; k++) own[k] = sources[at + k]!;
      lines.push({
        text: texts[line]!,
        x0: numbers[n]!,
        x1: numbers[n + 1]!,
        y: numbers[n + 2]!,
        size: numbers[n + 3]!,
        charWidth: numbers[n + 4]!,
        firstWordWidth: numbers[n + 5]!,
        upright: numbers[n + 6] === 1,
        sources: own,
      });
      at += count;
    }
    return { index, itemCount, lang, lines, scan };
  });
  return { numPages: packed.numPages, doc: packed.doc, pages };
}

/**
 * A page whose text is missing, scant or garbage (ocr/detect.ts) and that is mostly covered by an
 * image is a scan. Only such pages pay for the operator list (decoding nothing, images included).
 */
async function scanFacts(page: PDFPageProxy, lines: readonly Line[]): Promise<ScanFacts | null> {
  const problem = textProblem(lines.map((l) => l.text).join('\n'));
  if (!problem) return null;
  const { OPS } = await loadPdfJs();
  const list = await page.getOperatorList({ intent: 'display' }).catch(() => null);
  if (!list) return null;
  const [x0, y0, x1, y1] = page.view as [number, number, number, number];
  const pageArea = Math.abs((x1 - x0) * (y1 - y0));
  const images = drawnImages(list.fnArray, list.argsArray, OPS);
  if (!images.some((image) => imageArea(image) >= 0.5 * pageArea)) return null;
  return { problem, dpi: scanDpi(images, pageArea) };
}

/** The string entries of the info dictionary (all that readMeta reads; they clone cheaply). */
function strings(info: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(info).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export const corrupt = (why: string) =>
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

/**
 * Runs in the frame of the page's dominant text direction, so that a landscape page drawn
 * rotated lays out like any other; text in other directions (a margin note) is kept aside.
 * Each run remembers its item's index (null entries are not text items and yield no run).
 */
function toRuns(items: readonly (TextItem | null)[]): TextRun[] {
  const angleOf = (item: TextItem) =>
    Math.round((Math.atan2(item.transform[1], item.transform[0]) * 180) / Math.PI);
  const weights = new Map<number, number>();
  for (const item of items) {
    if (item) weights.set(angleOf(item), (weights.get(angleOf(item)) ?? 0) + item.str.length);
  }
  const dominant = [...weights].reduce((best, w) => (w[1] > best[1] ? w : best), [0, -1])[0];
  const cos = Math.cos((dominant * Math.PI) / 180);
  const sin = Math.sin((dominant * Math.PI) / 180);
  const runs: TextRun[] = [];
  items.forEach((item, index) => {
    if (!item) return;
    const [a, b, c, d, e, f] = item.transform as number[];
    const upright = Math.abs(angleOf(item) - dominant) <= 1 && a! * d! - b! * c! > 0;
    runs.push({
      str: item.str.replace(CONTROL_CHARS, ''),
      x: e! * cos + f! * sin,
      y: f! * cos - e! * sin,
      width: item.width,
      size: Math.hypot(c!, d!) || item.height,
      upright,
      item: index,
    });
  });
  return runs;
}

/** C0 controls other than whitespace and the DEL: broken ToUnicode maps produce them. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
