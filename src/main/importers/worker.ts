/**
 * Worker thread entry: extracts documents off the backend's main thread, so the Electron main
 * process (IPC, menus) and the HTTP shell keep answering while a 500-page PDF is parsed.
 */
import { parentPort } from 'node:worker_threads';
import { ImportError } from './errors';
import { extractDocument } from './index';

export interface ExtractRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  password?: string;
}

parentPort?.on('message', async (request: ExtractRequest) => {
  try {
    const result = await extractDocument(request.fileName, request.bytes, { password: request.password });
    parentPort!.postMessage({ id: request.id, ok: true, result });
  } catch (error) {
    const importError = error instanceof ImportError ? { code: error.code, message: error.message } : null;
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      importError,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
