import Database from 'better-sqlite3';
import { join } from 'node:path';
import { backupDir } from '../backup';
import { openBackupCopy } from '../backup-chunks';

/** A backup's database, read-only (put together from its chunks); close() removes the copy. */
export function openBackupDb(dataDir: string, fileName: string): Database.Database {
  const copy = openBackupCopy(join(backupDir(dataDir), fileName), backupDir(dataDir));
  const db = new Database(copy.path, { readonly: true, fileMustExist: true });
  const close = db.close.bind(db);
  db.close = () => {
    close();
    copy.dispose();
    return db;
  };
  return db;
}
