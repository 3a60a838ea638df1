import Database from 'better-sqlite3';
import { join } from 'node:path';
import { backupDir, listBackups } from '../backup';
import { filesNamedBy } from '../backup-chunks';
import type { Db } from '../db/open';
import { listStoredFiles, removeStoredFile, verifyFile, type FileState } from './store';

/**
 * Collection of the file store. The store is append-only while anything may name a file: the live
 * database (documents, and documents in the trash, keep their document_files row) and every backup
 * in the backups folder, whatever its kind. A file is removed only when none of them names it, so
 * any kept backup restores with every original it had. A backup that cannot be read might name
 * anything: then nothing is collected, and the caller hears why.
 */
export function collectUnreferencedFiles(
  db: Db,
  dataDir: string,
): { removed: string[]; skipped?: string } {
  // inside a transaction the rows that name files may still roll back: collect after the commit
  if (db.inTransaction) return { removed: [], skipped: 'a transaction is open' };
  const referenced = new Set(namedFiles(db));
  for (const backup of listBackups(dataDir)) {
    const file = join(backupDir(dataDir), backup.fileName);
    const named = namedFilesOf(file);
    if (typeof named === 'string') {
      console.warn(`[claimdesk] ${named}`);
      return { removed: [], skipped: named };
    }
    for (const sha256 of named) referenced.add(sha256);
  }
  const removed = listStoredFiles(dataDir).filter((sha256) => !referenced.has(sha256));
  for (const sha256 of removed) removeStoredFile(dataDir, sha256);
  return { removed };
}

function namedFiles(db: Db): string[] {
  return db.prepare('SELECT sha256 FROM document_files').pluck().all() as string[];
}

/** The hashes a backup names, or why it cannot be read. */
function namedFilesOf(file: string): string[] | string {
  try {
    return filesNamedBy(file, (database) => {
      const copy = new Database(database, { readonly: true, fileMustExist: true });
      try {
        return namedFiles(copy);
      } finally {
        copy.close();
      }
    });
  } catch (error) {
    return (
      `Unused original files were not removed, because the backup ${file} cannot be read ` +
      `(${error instanceof Error ? error.message : String(error)}).`
    );
  }
}

export interface MissingFile {
  sha256: string;
  state: Exclude<FileState, 'ok'>;
  /** the titles of the backup's documents with this original */
  titles: string[];
}

/**
 * The originals a database (a backup about to be restored) names that are not in the store with
 * their hash. Rows that still carry their bytes (backups from before the file store) need nothing.
 */
export function missingFilesOf(file: string, dataDir: string): MissingFile[] {
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = backup
      .prepare(
        `SELECT f.sha256, json_extract(d.meta, '$.title') AS title
         FROM document_files f LEFT JOIN documents d USING (sha256)
         WHERE length(f.bytes) = 0 ORDER BY f.sha256`,
      )
      .all() as { sha256: string; title: string | null }[];
    const out = new Map<string, MissingFile>();
    for (const { sha256, title } of rows) {
      let entry = out.get(sha256);
      if (!entry) {
        const state = verifyFile(dataDir, sha256);
        if (state === 'ok') continue;
        out.set(sha256, (entry = { sha256, state, titles: [] }));
      }
      if (title) entry.titles.push(title);
    }
    return [...out.values()];
  } finally {
    backup.close();
  }
}
