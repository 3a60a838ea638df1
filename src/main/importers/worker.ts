/**
 * Worker thread entry: extracts documents off the backend's main thread, so the Electron main
 * process (IPC, menus) and the HTTP shell keep answering while a 500-page PDF is parsed.
 *
 * A large PDF is read by several workers at once (pool.ts): the lead worker gets an ExtractRequest
 * with one MessagePort per helper, each helper a PartRequest with the other end; helpers send their
 * pages through the port and the lead joins them with its own (pdf.ts, `joinParts`).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { ImportError, type ImportErrorCode } from './errors';
import { extractDocument } from './index';
import { packPart, readPdfPart, unpackPart, type PackedPart, type PdfPart } from './pdf-read';

export interface ExtractRequest {
  kind?: 'extract';
  id: number;
  fileName: string;
  bytes: Uint8Array;
  password?: string;
  /** one port per helper reading other pages of this PDF */
  pdfParts?: MessagePort[];
  /** OCR the scanned pages of a PDF (progress is posted as `{ id, progress }`) */
  ocr?: OcrRequest;
}

export interface OcrRequest {
  languages: string[];
  dataDir: string | null;
}

/** Stops a running extraction (its OCR): the pool's `cancel`. */
export interface CancelRequest {
  kind: 'cancel';
  id: number;
}

export interface PartRequest {
  kind: 'pdf-part';
  id: number;
  bytes: Uint8Array;
  password?: string;
  part: number;
  parts: number;
  port: MessagePort;
}

/** What a failure looks like after structured cloning (an ImportError's class is lost). */
export interface Failure {
  importError: { code: ImportErrorCode; message: string } | null;
  message: string;
}

type PartMessage = { ok: true; part: PackedPart } | ({ ok: false } & Failure);

export const toFailure = (error: unknown): Failure => ({
  importError: error instanceof ImportError ? { code: error.code, message: error.message } : null,
  message: error instanceof Error ? error.message : String(error),
});

export const fromFailure = (failure: Failure): Error =>
  failure.importError
    ? new ImportError(failure.importError.code, failure.importError.message)
    : new Error(failure.message);

const running = new Map<number, AbortController>();

parentPort?.on('message', (request: ExtractRequest | PartRequest | CancelRequest) => {
  if (request.kind === 'pdf-part') void readPart(request);
  else if (request.kind === 'cancel') running.get(request.id)?.abort();
  else void extract(request);
});

async function extract(request: ExtractRequest): Promise<void> {
  const ports = request.pdfParts ?? [];
  const stop = new AbortController();
  running.set(request.id, stop);
  const { id } = request;
  try {
    const result = await extractDocument(request.fileName, request.bytes, {
      password: request.password,
      // this thread's copy of the bytes is its own: pdf.js may take the buffer over
      pdf: {
        owned: true,
        ...(ports.length ? { otherParts: ports.map(partFrom) } : {}),
        ...(request.ocr
          ? {
              ocr: {
                ...request.ocr,
                signal: stop.signal,
                onProgress: (progress) => parentPort!.postMessage({ id, progress }),
              },
            }
          : {}),
      },
    });
    parentPort!.postMessage({ id: request.id, ok: true, result });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, ok: false, ...toFailure(error) });
  } finally {
    running.delete(request.id);
    // a helper still reading (this part failed) stops at its next page
    for (const port of ports) port.close();
  }
}

/** The pages a helper sends; its thread stopping first (a crash) fails the import. */
function partFrom(port: MessagePort): Promise<PdfPart> {
  const part = new Promise<PdfPart>((resolve, reject) => {
    port.once('message', (message: PartMessage) => {
      if (message.ok) resolve(unpackPart(message.part));
      else reject(fromFailure(message));
    });
    port.once('close', () =>
      reject(new ImportError('corrupt', 'The file could not be read: a reader thread stopped.')),
    );
  });
  part.catch(() => {}); // awaited by the PDF importer; unawaited when the file fails earlier
  return part;
}

async function readPart(request: PartRequest): Promise<void> {
  const { port } = request;
  const stop = new AbortController();
  port.once('close', () => stop.abort());
  try {
    const part = await readPdfPart(request.bytes, {
      password: request.password,
      part: request.part,
      parts: request.parts,
      owned: true,
      signal: stop.signal,
    });
    const { packed, transfer } = packPart(part);
    port.postMessage({ ok: true, part: packed } satisfies PartMessage, transfer);
  } catch (error) {
    if (!stop.signal.aborted)
      port.postMessage({ ok: false, ...toFailure(error) } satisfies PartMessage);
  }
  // the lead closes the port once it has the part; the pool only learns that this job is done
  parentPort!.postMessage({ id: request.id, ok: true });
}
