import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportedText, MediaType } from '../../shared/model';
import { ImportError, type ImportErrorCode } from './errors';
import { extractDocument } from './index';

type Extracted = { mediaType: MediaType; content: ImportedText };

interface Pending {
  worker: Worker;
  resolve: (value: Extracted) => void;
  reject: (error: Error) => void;
}

interface Reply {
  id: number;
  ok: boolean;
  result?: Extracted;
  importError?: { code: ImportErrorCode; message: string } | null;
  message?: string;
}

/**
 * Runs extraction in worker threads (one per core, at most 4). From sources (unit tests) the worker
 * file is TypeScript that Node cannot start, so extraction runs inline there; the built app (out/)
 * always has the worker.
 */
class ExtractionPool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private cursor = 0;
  // the bundler may place this code in out/main/ or in out/main/chunks/
  private readonly workerFile = ['./import-worker.js', '../import-worker.js']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find((file) => import.meta.url.endsWith('.js') && existsSync(file));

  get usesWorkers(): boolean {
    return this.workerFile !== undefined;
  }

  extract(fileName: string, bytes: Uint8Array, password?: string): Promise<Extracted> {
    if (!this.usesWorkers) return extractDocument(fileName, bytes, { password });
    const worker = this.pick();
    const id = this.nextId++;
    // a busy worker keeps the process alive (the CLI awaits it); an idle one does not
    worker.ref();
    return new Promise<Extracted>((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      worker.postMessage({ id, fileName, bytes, password });
    });
  }

  private pick(): Worker {
    const size = Math.min(4, Math.max(1, availableParallelism()));
    if (this.workers.length < size) {
      const worker = new Worker(this.workerFile!);
      worker.on('message', (reply: Reply) => this.settle(reply));
      worker.on('error', (error) => this.failAll(worker, error));
      worker.unref();
      this.workers.push(worker);
      return worker;
    }
    this.cursor = (this.cursor + 1) % this.workers.length;
    return this.workers[this.cursor]!;
  }

  private settle(reply: Reply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (![...this.pending.values()].some((p) => p.worker === pending.worker)) pending.worker.unref();
    if (reply.ok && reply.result) pending.resolve(reply.result);
    else if (reply.importError) pending.reject(new ImportError(reply.importError.code, reply.importError.message));
    else pending.reject(new Error(reply.message ?? 'extraction failed'));
  }

  /** A crashed worker (e.g. out of memory on a hostile file) fails its jobs, not the backend. */
  private failAll(worker: Worker, error: Error): void {
    this.workers = this.workers.filter((w) => w !== worker);
    for (const [id, pending] of this.pending) {
      if (pending.worker !== worker) continue;
      pending.reject(new ImportError('corrupt', `The file could not be read: ${error.message}`));
      this.pending.delete(id);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}

export const extractionPool = new ExtractionPool();
