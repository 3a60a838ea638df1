import type { Database } from 'better-sqlite3';
import { WorkspaceError } from '../errors';
import { putFile, removeStoredFile, sha256Of, verifyFile } from './store';

/**
 * Moves the original files that older workspaces kept as BLOBs in document_files into the file
 * store, inside the migration's transaction. The BLOBs are emptied only after every file has been
 * written, fsynced and read back with its hash, and only when the transaction commits: a kill at any
 * moment leaves either the old layout whole (files already written are harmless: the next open
 * writes the rest and verifies them all again) or the new one whole.
 */
export function moveBlobsToStore(db: Database, dataDir: string): number {
  const hashes = db
    .prepare('SELECT sha256 FROM document_files WHERE length(bytes) > 0 ORDER BY sha256')
    .pluck()
    .all() as string[];
  const read = db.prepare('SELECT bytes FROM document_files WHERE sha256 = ?').pluck();
  for (const sha256 of hashes) {
    const bytes = read.get(sha256) as Buffer;
    if (sha256Of(bytes) !== sha256) {
      throw new WorkspaceError(
        'corrupt',
        `The stored original ${sha256} no longer matches its hash, so Claimdesk did not move it out of ` +
          'the database. Nothing was changed. Restore a backup, or run claimdesk check.',
      );
    }
    putFile(dataDir, bytes, sha256);
    // a file of the same size left by someone else is replaced, not trusted
    if (verifyFile(dataDir, sha256) !== 'ok') {
      removeStoredFile(dataDir, sha256);
      putFile(dataDir, bytes, sha256);
    }
  }
  // verified as a whole, after the last write: the layout the database will point to exists
  const bad = hashes.filter((sha256) => verifyFile(dataDir, sha256) !== 'ok');
  if (bad.length > 0) {
    throw new WorkspaceError(
      'corrupt',
      `Moving original files into ${dataDir}/files failed for ${bad.length} file(s) (they do not read back). ` +
        'The workspace was not changed.',
    );
  }
  db.prepare("UPDATE document_files SET bytes = x'' WHERE length(bytes) > 0").run();
  return hashes.length;
}
