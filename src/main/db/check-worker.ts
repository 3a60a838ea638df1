/**
 * The background check's thread (background-check.ts): its own read-only connection, so reading
 * every page and every stored file never holds up the backend's event loop, and never writes.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { checkWorkspace } from './check';

const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string };
const port = parentPort!;

let db: Database.Database | undefined;
try {
  db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  const report = checkWorkspace(db, (progress) => port.postMessage({ type: 'progress', progress }));
  port.postMessage({ type: 'done', report });
} catch (error) {
  port.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  });
} finally {
  db?.close();
}
