/**
 * OCR of a PDF's scanned pages: each page is drawn by pdf.js (in this thread, an import worker
 * in the app) into a grey picture at the scan's own resolution, and recognised by the engine's
 * worker threads; the next pages are drawn while earlier ones are recognised, so every core works.
 * Progress is reported per page; the signal stops between pages and ends the engine's threads.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import type { OcrPage } from '../../shared/ocr';
import type { Line } from '../importers/pdf-layout';
import { openPdf } from '../importers/pdf-read';
import { ImportError } from '../importers/errors';
import { OcrEngine, resolveLanguages } from './engine';
import { renderDpi, rgbaToPgm } from './page-image';
import { pageWords } from './words';

export interface ScanRequest {
  index: number;
  /** the scan's own resolution, when the PDF says */
  dpi: number | null;
}

export interface OcrProgress {
  /** pages finished, of `pages` */
  done: number;
  pages: number;
}

export interface ScanOptions {
  password?: string;
  /** language codes ("eng", "rus"), found and checked (languages.ts) only when a page needs them */
  languages: string[];
  /** the workspace, whose `ocr-languages/` folder holds languages the researcher added */
  dataDir: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: OcrProgress) => void;
  workers?: number;
}

export interface ScannedPage extends OcrPage {
  lines: Line[];
}

export interface ScanResult {
  pages: ScannedPage[];
  /** pages that could not be read, with why (too large to draw, say) */
  skipped: { index: number; why: string }[];
}

export async function ocrPages(
  bytes: Uint8Array,
  requests: readonly ScanRequest[],
  options: ScanOptions,
): Promise<ScanResult> {
  const result: ScanResult = { pages: [], skipped: [] };
  if (requests.length === 0) return result;
  if (options.signal?.aborted) throw cancelled();
  const languages = resolveLanguages(options.languages, options.dataDir);
  const engine = await OcrEngine.start({ languages, workers: options.workers });
  // every wait below also ends when the researcher cancels (a stopped engine settles nothing)
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => (onAbort = () => reject(cancelled())));
  aborted.catch(() => {});
  const stop = () => {
    onAbort();
    void engine.stop();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  const until = <T>(promise: Promise<T>) => Promise.race([promise, aborted]);
  const task = await openPdf(bytes, { password: options.password });
  let done = 0;
  options.onProgress?.({ done, pages: requests.length });
  try {
    const doc = await until(task.promise);
    const inFlight = new Set<Promise<void>>();
    for (const request of requests) {
      if (options.signal?.aborted) throw cancelled();
      const image = await until(drawPage(doc, request));
      if ('why' in image) {
        result.skipped.push({ index: request.index, why: image.why });
        options.onProgress?.({ done: ++done, pages: requests.length });
        continue;
      }
      // one picture waits ready while every engine thread works; none queue inside the engine
      while (inFlight.size >= engine.workerCount) await until(Promise.race(inFlight));
      const job = engine.recognise(image.pgm).then((recognised) => {
        const { words, lines } = pageWords(
          recognised,
          image.transform,
          image.dpi / 72,
          image.height,
        );
        result.pages.push({ index: request.index, ...engine.run, dpi: image.dpi, words, lines });
        options.onProgress?.({ done: ++done, pages: requests.length });
      });
      inFlight.add(job);
      job.then(
        () => inFlight.delete(job),
        () => {},
      );
    }
    await until(Promise.all(inFlight));
    if (options.signal?.aborted) throw cancelled();
    result.pages.sort((a, b) => a.index - b.index);
    return result;
  } catch (error) {
    throw options.signal?.aborted ? cancelled() : error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await engine.stop();
    await task.close();
  }
}

type Picture = { pgm: Uint8Array; dpi: number; height: number; transform: number[] };

/** A page drawn in grey at the resolution OCR reads it at, or why it cannot be. */
async function drawPage(
  doc: PDFDocumentProxy,
  request: ScanRequest,
): Promise<Picture | { why: string }> {
  const page = await doc.getPage(request.index + 1);
  try {
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const dpi = renderDpi(Math.abs(x1 - x0), Math.abs(y1 - y0), request.dpi);
    if (dpi === null) {
      return {
        why: `page ${request.index + 1} is too large to read (${inches(x1 - x0)} × ${inches(y1 - y0)} in)`,
      };
    }
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(width, height);
    try {
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      await page.render({ canvas, canvasContext: context, viewport } as never).promise;
      const pgm = rgbaToPgm(context.getImageData(0, 0, width, height).data, width, height);
      return { pgm, dpi, height, transform: viewport.transform };
    } finally {
      factory.destroy({ canvas, context });
    }
  } finally {
    page.cleanup();
  }
}

interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: unknown;
    context: {
      fillStyle: string;
      fillRect(x: number, y: number, w: number, h: number): void;
      getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
    };
  };
  destroy(target: { canvas: unknown; context: unknown }): void;
}

const cancelled = () => new ImportError('cancelled', 'OCR was cancelled: nothing was imported.');

const inches = (points: number) => Math.round(Math.abs(points) / 72);
