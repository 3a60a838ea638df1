import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
}

const ignore = () => {};

/**
 * A worker with no job for this long ends: a 1,000-page PDF leaves each worker holding a few
 * hundred megabytes of heap that V8 does not give back, and starting one again costs ~0.2 s.
 */
const IDLE_MS = 20_000;

/**
 * Runs extraction in worker threads (one per core, at most 4). From sources (unit tests) the worker
 * file is TypeScript that Node cannot start, so extraction runs inline there; the built app (out/)
 * always has the worker.
 *
 * A PDF arriving while two or more workers are idle is read by all of them, each taking its share of
 * the pages; the first (the lead) joins the parts. A batch of imports keeps every core busy anyway,
 * so then each file gets one worker.
 */
class ExtractionPool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private cursor = 0;
  private idleTimers = new Map<Worker, NodeJS.Timeout>();
  private readonly size = Math.min(4, Math.max(1, availableParallelism()));
  // the bundler may place this code in out/main/ or in out/main/chunks/
  private readonly workerFile = ['./import-worker.js', '../import-worker.js']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((file) => import.meta.url.endsWith('.js') && existsSync(file));

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
    const idle = this.idleWorkers();
    const [lead, ...helpers] = splittable(bytes) && idle.length >= 2 ? idle : [this.pick()];
    const channels = helpers.map(() => new MessageChannel());
    helpers.forEach((helper, i) => {
      const port = channels[i]!.port1;
      const request: PartRequest = {
        kind: 'pdf-part',
        id: this.track(helper, ignore, ignore),
        bytes,
        password,
        part: i + 1,
        parts: helpers.length + 1,
        port,
      };
      helper.postMessage(request, [port]);
    });
    return new Promise<Extracted>((resolve, reject) => {
      const ports = channels.map((c) => c.port2);
      const id = this.track(lead!, resolve, reject, onProgress);
      const request: ExtractRequest = {
        id,
        fileName,
        bytes,
        password,
        ...(ports.length ? { pdfParts: ports } : {}),
        ...(ocr ? { ocr } : {}),
      };
      lead!.postMessage(request, ports);
      const cancel = () => lead!.postMessage({ kind: 'cancel', id } satisfies CancelRequest);
      if (signal?.aborted) cancel();
      else signal?.addEventListener('abort', cancel, { once: true });
    });
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

  private pick(): Worker {
    const idle = this.idleWorkers();
    if (idle.length > 0) return idle[0]!;
    this.cursor = (this.cursor + 1) % this.workers.length;
    return this.workers[this.cursor]!;
  }

  private spawn(): Worker {
    // a larger young generation: pdf.js allocates per glyph, and scavenges then cost a third less
    const worker = new Worker(this.workerFile!, {
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
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

  private retireWhenIdle(worker: Worker): void {
    clearTimeout(this.idleTimers.get(worker));
    const timer = setTimeout(() => {
      this.idleTimers.delete(worker);
      if ([...this.pending.values()].some((p) => p.worker === worker)) return;
      this.workers = this.workers.filter((w) => w !== worker);
      void worker.terminate();
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
  }

  /** A crashed worker (e.g. out of memory on a hostile file) fails its jobs, not the backend. */
  private failAll(worker: Worker, error: Error): void {
    this.workers = this.workers.filter((w) => w !== worker);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      pending.reject(workerFailure(error));
      this.pending.delete(id);
    }
  }

  async close(): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
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
