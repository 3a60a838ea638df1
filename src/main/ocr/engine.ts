/**
 * The OCR engine: Tesseract compiled to WebAssembly (tesseract.js), in worker threads of its own,
 * one per core, each recognising one page at a time. Everything it loads is local: its worker
 * script (tesseract-worker.cjs, which also shuts the network), its WebAssembly core (required from
 * tesseract.js-core in node_modules) and the language data (languages.ts), copied for the run into
 * a private temporary folder given as `langPath`, with `cacheMethod: 'none'`.
 */
import { existsSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Tesseract from 'tesseract.js';
import type { OcrRun } from '../../shared/ocr';
import { ImportError } from '../importers/errors';
import { findLanguage, readLanguage, traineddataProblem, type LanguageSource } from './languages';
import { unpackedPath } from './unpacked';

const requireHere = createRequire(import.meta.url);

/** One recognised word in the pixels of the page picture. */
export interface PixelWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  confidence: number;
}

/** A line of words with its baseline (y at x0 and x1), in reading order. */
export interface PixelLine {
  words: PixelWord[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  baseline: { x0: number; y0: number; x1: number; y1: number } | null;
}

/** A page as recognised: paragraphs of lines, in Tesseract's reading order. */
export interface Recognised {
  paragraphs: PixelLine[][];
}

/** The worker script next to this module: src/main/ocr/ from sources, out/main/ (or its chunks/) built. */
export function workerScript(): string {
  const candidates = ['./tesseract-worker.cjs', './ocr-worker.cjs', '../ocr-worker.cjs'].map((r) =>
    unpackedPath(fileURLToPath(new URL(r, import.meta.url))),
  );
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error('The OCR worker script is missing from this installation.');
  return found;
}

/** The folder of the WebAssembly core (tesseract.js requires it from there in Node). */
export function coreDirectory(): string {
  return unpackedPath(path.dirname(requireHere.resolve('tesseract.js-core/package.json')));
}

export function engineVersion(): string {
  const version = (pkg: string) =>
    (requireHere(`${pkg}/package.json`) as { version: string }).version;
  return `tesseract.js ${version('tesseract.js')} (core ${version('tesseract.js-core')}, LSTM)`;
}

/** The language files of `codes`, checked; an ImportError names what is missing or broken. */
export function resolveLanguages(
  codes: readonly string[],
  dataDir: string | null,
): LanguageSource[] {
  return codes.map((code) => {
    const source = findLanguage(code, dataDir);
    if (!source) {
      throw new ImportError(
        'unsupported',
        `OCR language "${code}" is not installed. Install Tesseract's data for it (Debian/Ubuntu: ` +
          `apt install tesseract-ocr-${code.replace(/_/g, '-')}) or add its ${code}.traineddata file in Settings.`,
      );
    }
    const problem = traineddataProblem(readLanguage(source));
    if (problem) {
      throw new ImportError(
        'corrupt',
        `The OCR language file for "${code}" (${source.file}) is not Tesseract language data: ${problem}.`,
      );
    }
    return source;
  });
}

export interface EngineOptions {
  languages: LanguageSource[];
  /** worker threads (default: one per core, at most 4) */
  workers?: number;
}

/** A running set of Tesseract workers for one language set. */
export class OcrEngine {
  private constructor(
    private readonly scheduler: Tesseract.Scheduler,
    readonly run: Omit<OcrRun, 'dpi'>,
    readonly workerCount: number,
  ) {}

  static async start(options: EngineOptions): Promise<OcrEngine> {
    const codes = options.languages.map((l) => l.code);
    const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), 4));
    // one folder holding exactly this run's languages: tesseract.js reads `${langPath}/${code}.traineddata`
    // (gzipped or not: it looks at the bytes), and nothing else
    // loaded on first use: most imports never need OCR, and every CLI call would pay for it
    const { createScheduler, createWorker, OEM } = (await import('tesseract.js')).default;
    const langPath = mkdtempSync(path.join(tmpdir(), 'claimdesk-ocr-'));
    const scheduler = createScheduler();
    try {
      for (const source of options.languages) {
        copyFileSync(source.file, path.join(langPath, `${source.code}.traineddata`));
      }
      const workerPath = workerScript();
      const workers = await Promise.all(
        Array.from({ length: count }, () =>
          createWorker(codes.join('+'), OEM.LSTM_ONLY, {
            langPath,
            gzip: false,
            cacheMethod: 'none',
            cachePath: langPath,
            workerPath,
            corePath: coreDirectory(),
            workerBlobURL: false,
            errorHandler: () => {},
          }),
        ),
      );
      for (const worker of workers) scheduler.addWorker(worker);
    } catch (error) {
      await scheduler.terminate().catch(() => {});
      throw new ImportError('corrupt', `The OCR engine could not start: ${messageOf(error)}`);
    } finally {
      rmSync(langPath, { recursive: true, force: true });
    }
    return new OcrEngine(
      scheduler,
      {
        engine: engineVersion().split(' (')[0]!.split(' ')[0]!,
        version: engineVersion(),
        languages: codes,
      },
      count,
    );
  }

  /** Recognises one page picture (a PGM, PNG or JPEG file's bytes). */
  async recognise(image: Uint8Array): Promise<Recognised> {
    const result = await this.scheduler.addJob(
      'recognize',
      Buffer.from(image.buffer, image.byteOffset, image.byteLength),
      {},
      { blocks: true, text: false, hocr: false, tsv: false },
    );
    const paragraphs: PixelLine[][] = [];
    for (const block of result.data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        const lines = paragraph.lines
          .map((line) => ({
            ...line.bbox,
            baseline: (line.baseline as { has_baseline?: boolean } | undefined)?.has_baseline
              ? line.baseline
              : null,
            words: line.words
              .filter((w) => w.text.trim() !== '')
              .map((w) => ({ text: w.text.trim(), ...w.bbox, confidence: w.confidence })),
          }))
          .filter((line) => line.words.length > 0);
        if (lines.length > 0) paragraphs.push(lines);
      }
    }
    return { paragraphs };
  }

  async stop(): Promise<void> {
    await this.scheduler.terminate().catch(() => {});
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
