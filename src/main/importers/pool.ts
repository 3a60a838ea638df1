import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { LIMITS } from '../../shared/limits';
import type { ImportedText, MediaType } from '../../shared/model';
import { ImportError } from './errors';
import { extractDocument } from './index';
import type { OcrProgress } from '../ocr/scan-pages';
import type { CancelRequest, ExtractRequest, Failure, OcrRequest, PartRequest } from './worker';

type Extracted = { mediaType: MediaType; content: ImportedText };

interface Pending {
  worker: Worker;
  resolve: (value: Extracted) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: OcrProgress) => void;
}

type Reply = { id: number } & (
  | { ok: true; result?: Extracted }
  | ({ ok: false } & Failure)
  | { ok?: undefined; progress: OcrProgress }
);

/** How a file is extracted besides its bytes: OCR of scanned pages, its progress, and stopping it. */
export interface ExtractJob {
  password?: string;
  ocr?: OcrRequest;
  onProgress?: (progress: OcrProgress) => void;
  signal?: AbortSignal;
  /** this file's own time limit instead of the pool's (the CLI's `--time-limit`, tests) */
  timeLimitMs?: number;
}

const ignore = () => {};

/**
 * A worker with no job for this long ends: a 1,000-page PDF leaves each worker holding a few
 * hundred megabytes of heap that V8 does not give back, and starting one again costs ~0.2 s.
 */
const IDLE_MS = 20_000;

/**
 * Longest one file may keep its workers busy without news: a hostile 40 KB PDF of 200 empty pages
 * took 36 s, and one of 5,000 would take many minutes while every other file waited. A genuine
 * 1,000-page report is read in well under a minute. OCR reports every page, and each page
 * starts the clock again, so a long scan is limited per page, not as a whole.
 * Documented in docs/security.md (Limits).
 */
export const FILE_TIME_LIMIT_MS = 3 * 60_000;

/**
 * Heap cap per worker: the largest DOCX we accept parses in ~3 GB, and a hostile file that wants
 * more ends its own worker (ERR_WORKER_OUT_OF_MEMORY → `too_large`), not the backend. A quarter
 * of the machine's memory at most, so four busy workers cannot take it all.
 */
export const WORKER_HEAP_MB = Math.round(
  Math.min(4096, Math.max(1024, totalmem() / 4 / 1024 / 1024)),
);

export interface PoolOptions {
  size?: number;
  timeLimitMs?: number;
  heapMb?: number;
}

interface Queued {
  fileName: string;
  bytes: Uint8Array;
  job: ExtractJob;
  resolve: (value: Extracted) => void;
  reject: (error: Error) => void;
}

/**
 * Runs extraction in worker threads (one per core, at most 4). From sources (unit tests) the worker
 * file is TypeScript that Node cannot start, so extraction runs inline there; the built app (out/)
 * always has the worker.
 *
 * A worker reads one file at a time; files wait in a queue for a free worker, so a file that has
 * to be stopped (too slow, too big) takes down only the workers reading it, never a file waiting
 * behind it. A PDF arriving while two or more workers are idle is read by all of them, each taking
 * its share of the pages; the first (the lead) joins the parts. A batch of imports keeps every
 * core busy anyway, so then each file gets one worker.
 */
export class ExtractionPool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private queue: Queued[] = [];
  private nextId = 1;
  private idleTimers = new Map<Worker, NodeJS.Timeout>();
  /** how many files are read at once */
  readonly size: number;
  private readonly timeLimitMs: number;
  private readonly heapMb: number;
  // the bundler may place this code in out/main/ or in out/main/chunks/
  private readonly workerFile = ['./import-worker.js', '../import-worker.js']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((file) => import.meta.url.endsWith('.js') && existsSync(file));

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? Math.min(4, Math.max(1, availableParallelism()));
    this.timeLimitMs = options.timeLimitMs ?? FILE_TIME_LIMIT_MS;
    this.heapMb = options.heapMb ?? WORKER_HEAP_MB;
  }

  get usesWorkers(): boolean {
    return this.workerFile !== undefined;
  }

  extract(fileName: string, bytes: Uint8Array, job: ExtractJob = {}): Promise<Extracted> {
    const { password, ocr, onProgress, signal } = job;
    if (!this.usesWorkers) {
      return extractDocument(fileName, bytes, {
        password,
        ...(ocr ? { pdf: { ocr: { ...ocr, signal, onProgress } } } : {}),
      });
    }
    return new Promise<Extracted>((resolve, reject) => {
      const queued: Queued = { fileName, bytes, job, resolve, reject };
      this.queue.push(queued);
      // cancelled while waiting: it never starts
      signal?.addEventListener(
        'abort',
        () => {
          if (!this.queue.includes(queued)) return;
          this.queue = this.queue.filter((q) => q !== queued);
          reject(new ImportError('cancelled', 'The import was cancelled: nothing was imported.'));
        },
        { once: true },
      );
      this.dispatch();
    });
  }

  /** Starts waiting files on idle workers. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.idleWorkers();
      if (idle.length === 0) return;
      const next = this.queue.shift()!;
      // the next file waiting gets a worker of its own rather than a share of this one's pages
      const share = splittable(next.bytes) && this.queue.length === 0 ? idle : idle.slice(0, 1);
      this.start(next, share);
    }
  }

  private start(queued: Queued, [lead, ...helpers]: Worker[]): void {
    const { fileName, bytes, job, resolve, reject } = queued;
    const { password, ocr, onProgress, signal } = job;
    const channels = helpers.map(() => new MessageChannel());
    const helperIds = helpers.map((helper, i) => {
      const port = channels[i]!.port1;
      const id = this.track(helper, ignore, ignore);
      const request: PartRequest = {
        kind: 'pdf-part',
        id,
        bytes,
        password,
        part: i + 1,
        parts: helpers.length + 1,
        port,
      };
      helper.postMessage(request, [port]);
      return id;
    });
    const limitMs = job.timeLimitMs ?? this.timeLimitMs;
    let watchdog: NodeJS.Timeout | undefined;
    const stopWatchdog = () => clearTimeout(watchdog);
    const armWatchdog = () => {
      stopWatchdog();
      watchdog = setTimeout(() => this.timeOut(fileName, id, helperIds, limitMs), limitMs);
    };
    const id = this.track(
      lead!,
      (value) => {
        stopWatchdog();
        resolve(value);
      },
      (error) => {
        stopWatchdog();
        reject(error);
      },
      (progress) => {
        armWatchdog();
        onProgress?.(progress);
      },
    );
    const ports = channels.map((c) => c.port2);
    const request: ExtractRequest = {
      id,
      fileName,
      bytes,
      password,
      ...(ports.length ? { pdfParts: ports } : {}),
      ...(ocr ? { ocr } : {}),
    };
    lead!.postMessage(request, ports);
    armWatchdog();
    const cancel = () => lead!.postMessage({ kind: 'cancel', id } satisfies CancelRequest);
    if (signal?.aborted) cancel();
    else signal?.addEventListener('abort', cancel, { once: true });
  }

  /**
   * A file past its time limit: a worker busy inside pdf.js or a parser cannot be interrupted, so
   * its workers are ended; the file fails as `timed_out`, and the files waiting go on with new ones.
   */
  private timeOut(fileName: string, id: number, helperIds: number[], limitMs: number): void {
    const lead = this.pending.get(id);
    if (!lead) return;
    const workers = new Set([lead.worker]);
    for (const helperId of helperIds) {
      const helper = this.pending.get(helperId);
      if (helper) workers.add(helper.worker);
      this.pending.delete(helperId);
    }
    this.pending.delete(id);
    const minutes = Math.round(limitMs / 60_000);
    const limit = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${limitMs} ms`;
    lead.reject(
      new ImportError(
        'timed_out',
        `Reading "${fileName}" took longer than ${limit}, the most Claimdesk gives one file: it is ` +
          'very large, or built to be slow to read. Nothing was imported from it; the other files go ' +
          'on. Split it into smaller files (for a PDF, e.g. with qpdf --split-pages) and import those.',
      ),
    );
    for (const worker of workers) this.retire(worker);
    this.dispatch();
  }

  /** Registers a job; a busy worker keeps the process alive (the CLI awaits it), an idle one not. */
  private track(
    worker: Worker,
    resolve: Pending['resolve'],
    reject: Pending['reject'],
    onProgress?: Pending['onProgress'],
  ): number {
    const id = this.nextId++;
    clearTimeout(this.idleTimers.get(worker));
    worker.ref();
    this.pending.set(id, { worker, resolve, reject, onProgress });
    return id;
  }

  /** Workers with no job, starting new ones up to the pool size. */
  private idleWorkers(): Worker[] {
    while (this.workers.length < this.size) this.spawn();
    const busy = new Set([...this.pending.values()].map((p) => p.worker));
    return this.workers.filter((w) => !busy.has(w));
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerFile!, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.heapMb,
        // a larger young generation: pdf.js allocates per glyph, and scavenges then cost a third less
        maxYoungGenerationSizeMb: 64,
      },
    });
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(worker, error));
    // after 'error' nothing is pending any more; an exit with jobs left is a worker that stopped
    worker.on('exit', (code) =>
      this.failAll(worker, new Error(`the reader stopped unexpectedly (exit code ${code})`)),
    );
    worker.unref();
    this.workers.push(worker);
    this.retireWhenIdle(worker);
    return worker;
  }

  /** Ends a worker now; what it was doing has been settled by the caller. */
  private retire(worker: Worker): void {
    clearTimeout(this.idleTimers.get(worker));
    this.idleTimers.delete(worker);
    this.workers = this.workers.filter((w) => w !== worker);
    void worker.terminate();
  }

  private retireWhenIdle(worker: Worker): void {
    clearTimeout(this.idleTimers.get(worker));
    const timer = setTimeout(() => {
      this.idleTimers.delete(worker);
      if ([...this.pending.values()].some((p) => p.worker === worker)) return;
      this.retire(worker);
    }, IDLE_MS);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('progress' in reply) {
      pending.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (![...this.pending.values()].some((p) => p.worker === pending.worker)) {
      pending.worker.unref();
      this.retireWhenIdle(pending.worker);
    }
    if (!reply.ok) {
      pending.reject(
        reply.importError
          ? new ImportError(reply.importError.code, reply.importError.message)
          : new Error(reply.message || 'extraction failed'),
      );
    } else if (reply.result) pending.resolve(reply.result);
    else pending.reject(new Error('extraction failed')); // a helper's reply (ignored)
    this.dispatch();
  }

  /** A crashed worker (e.g. out of memory on a hostile file) fails its jobs, not the backend. */
  private failAll(worker: Worker, error: Error): void {
    this.workers = this.workers.filter((w) => w !== worker);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      pending.reject(workerFailure(error));
      this.pending.delete(id);
    }
    this.dispatch();
  }

  /**
   * Ends every worker: files being read and files waiting fail as `cancelled` (the process is
   * stopping), before anything of them is stored.
   */
  async close(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const stopped = () =>
      new ImportError('cancelled', 'Claimdesk is stopping: this file was not imported.');
    const waiting = this.queue;
    this.queue = [];
    for (const q of waiting) q.reject(stopped());
    const reading = [...this.pending.values()];
    this.pending.clear();
    for (const p of reading) p.reject(stopped());
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * What the researcher is told when the worker reading a file dies. Out of memory is the file's size
 * or make-up (a hostile PDF can be built to exhaust memory), not damage: it is `too_large`.
 */
export function workerFailure(error: Error & { code?: string }): ImportError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ImportError(
      'too_large',
      'Reading this file needed more memory than Claimdesk gives one file: it is very large, or built to exhaust memory. Nothing was imported. Split it into smaller files (for a PDF, e.g. with qpdf --split-pages), or import its text.',
    );
  }
  return new ImportError('corrupt', `The file could not be read: ${error.message}`);
}

/** Worth reading in parts: a PDF (as detectMediaType decides) the importer will not refuse outright. */
function splittable(bytes: Uint8Array): boolean {
  const header = '%PDF-';
  return (
    bytes.byteLength <= LIMITS.maxFileBytes &&
    bytes.byteLength >= header.length &&
    [...header].every((c, i) => bytes[i] === c.charCodeAt(0))
  );
}

export const extractionPool = new ExtractionPool();
