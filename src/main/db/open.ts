import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WorkspaceError } from '../errors';
import { clearStaleTemporaries } from '../files/store';
import { ensurePrivateDir, makePrivate, touchPrivate } from '../private-files';
import { migrate, refuseNewerSchema } from './migrate';

export type Db = Database.Database;

export const DATABASE_FILE = 'claimdesk.sqlite';

/** The workspace folder of an open database: where its file store and backups live. */
export function workspaceDir(db: Db): string {
  if (db.memory) throw new Error('An in-memory database has no workspace folder.');
  return dirname(db.name);
}

export interface OpenOptions {
  /** better-sqlite3 binary to load (Electron and Node need different ABIs); default: Node's */
  nativeBinding?: string;
  /** a database up to this size is quick_checked at open (default QUICK_CHECK_MAX_BYTES) */
  quickCheckMaxBytes?: number;
}

/**
 * Up to this size the open reads every page (quick_check) before writing: a few milliseconds, for
 * a workspace of a few dozen documents. A larger database is not read whole at open, so opening
 * takes the same time at 30 MB (300 reports) as at 10 GB (issue 16: open ≤ 1.5× a 10-document
 * workspace); the background check (background-check.ts) reads it right after, in its own thread,
 * and makes the workspace read-only if it finds damage.
 */
export const QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Opens (creating if needed) the workspace database in `dataDir`.
 * An existing file is checked read-only first (bounded: see probeReadOnly): a database found
 * damaged is never written to.
 */
export function openWorkspaceDb(dataDir: string, options: OpenOptions = {}): Db {
  // 0700: sources and notes can be sensitive; other accounts on the machine must not read them
  ensurePrivateDir(dataDir);
  const file = join(dataDir, DATABASE_FILE);
  if (existsSync(file)) probeReadOnly(file, options);
  // 0600 before SQLite opens it: SQLite gives the -wal and -shm it creates the database's mode
  touchPrivate(file);
  const db = new Database(file, { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(db);
    for (const suffix of ['-wal', '-shm']) makePrivate(file + suffix);
    migrate(db);
    compactIfMostlyFree(db);
    clearStaleTemporaries(dataDir);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Free space worth giving back: more than half the file, and at least this much. */
const COMPACT_MIN_FREE_BYTES = 16 * 1024 * 1024;

/**
 * Gives back the space of a database that is mostly free pages, as after the originals moved out
 * into the file store (migration file-store). The counts come from the header, so deciding costs nothing; VACUUM
 * rewrites only the live pages and is atomic (a kill during it leaves the database as it was).
 */
export function compactIfMostlyFree(db: Db): void {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (free * 2 > pages && free * pageSize >= COMPACT_MIN_FREE_BYTES) {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // FULL: NORMAL may lose the last committed action on power loss; researchers' work is worth the fsync
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/**
 * Checks an existing database without writing a byte: a newer schema or a damaged file is refused
 * before the read-write open (which would already switch the journal mode in the header). What it
 * reads is bounded: the header, the schema, and every page only of a small database.
 */
function probeReadOnly(file: string, options: OpenOptions): void {
  let probe: Db | undefined;
  try {
    const short = cutShort(file);
    if (short) throw damaged(file, short);
    probe = new Database(file, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
    });
    refuseNewerSchema(probe);
    // parses every table, index, view and trigger: a damaged schema fails here
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (statSync(file).size <= (options.quickCheckMaxBytes ?? QUICK_CHECK_MAX_BYTES)) {
      const rows = probe.pragma('quick_check') as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length > 0) throw damaged(file, problems.slice(0, 3).join('; '));
    }
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/not a database|malformed|corrupt/i.test(message)) throw damaged(file, message);
    throw error;
  } finally {
    probe?.close();
  }
}

/**
 * A file shorter than its header says (cut off by a failed copy or a full disk), found from the
 * 100-byte header alone. The size field counts only when the header marks it valid (it matches
 * the change counter), as SQLite itself reads it, and only without a write-ahead log holding
 * frames: a checkpoint that a crash interrupted may have written the header before the pages
 * that grow the file, and SQLite completes it from the log.
 */
function cutShort(file: string): string | null {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return null;
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  if (pages === 0 || header.readUInt32BE(24) !== header.readUInt32BE(92)) return null;
  const size = statSync(file).size;
  return size < pages * pageSize
    ? `the file holds ${size} bytes of the ${pages * pageSize} its header names: it was cut short`
    : null;
}

function damaged(file: string, detail: string): WorkspaceError {
  return new WorkspaceError(
    'corrupt',
    `The workspace database ${file} is damaged (${detail}). Claimdesk did not change it. ` +
      'Restore the latest backup (claimdesk restore --latest, or from the app) or open another workspace.',
  );
}
