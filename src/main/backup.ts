import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BACKUP_FILE_NAME, type BackupInfo, type RestoreOutcome } from '../shared/api-search';
import { migrate, schemaVersion } from './db/migrate';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { DATABASE_FILE, openWorkspaceDb, type Db, type OpenOptions } from './db/open';
import { AppError } from './errors';
import {
  collectUnreferencedChunks,
  isManifest,
  openBackupCopy,
  packDatabase,
  readManifest,
} from './backup-chunks';
import { diskFull, isDiskFull } from './files/disk-full';
import { collectUnreferencedFiles, missingFilesOf } from './files/gc';
import { ensurePrivateDir, makePrivate, touchPrivate } from './private-files';

/**
 * Backups of the workspace database: a consistent page-for-page snapshot taken while the app runs
 * (read from the file under a held read snapshot, packLiveSnapshot; else the backup API), kept as <dataDir>/backups/claimdesk-YYYYMMDD-HHMMSS[-auto|-before-restore].sqlite (UTC):
 * a manifest whose chunks live in backups/chunks/, shared by every backup that has the same pages
 * (backup-chunks.ts), so a backup costs what changed since the last. The originals are not copied
 * either: they live in the append-only file store (files/store.ts), which every backup shares; a file
 * is collected only when no backup names it any more (files/gc.ts), and a restore first checks that
 * every original the backup names is there with its hash. Backups made before this layout are plain
 * SQLite files under the same names, and are read the same way (openBackupCopy).
 *
 * - "Backup now" makes a manual backup; they are the user's, never deleted.
 * - maybeAutoBackup (shells call it at start and every AUTO_BACKUP_EVERY_ACTIONS actions) makes an
 *   automatic one when the last is old enough, then rotates: the last 10, plus the newest of each of
 *   the last 7 days (planRotation).
 * - A restore first checks the backup (quick_check, schema version) and copies the current
 *   workspace aside ("-before-restore"). restoreBackupLive copies the backup INTO the open database
 *   through the backup API, so the connection every handler holds stays valid and simply sees the
 *   restored data; restoreBackupOffline replaces the file while nothing has it open (the CLI, or a
 *   shell before it opens a workspace that is too damaged to open).
 */

export const BACKUP_DIR = 'backups';
export const AUTO_BACKUP_EVERY_ACTIONS = 50;
const AUTO_MIN_INTERVAL_MS = 10 * 60 * 1000;
const KEEP_LAST = 10;
const KEEP_DAILY_DAYS = 7;

type Kind = BackupInfo['kind'];

export const backupDir = (dataDir: string) => join(dataDir, BACKUP_DIR);

const pad = (n: number) => String(n).padStart(2, '0');

/** claimdesk-YYYYMMDD-HHMMSS[-n][-auto|-before-restore].sqlite, UTC; `-n` when a name is taken. */
export function backupFileName(
  at: Date,
  kind: Kind,
  taken: (name: string) => boolean = () => false,
): string {
  const stamp =
    `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  const suffix = kind === 'manual' ? '' : `-${kind}`;
  for (let n = 1; ; n++) {
    const name = `claimdesk-${stamp}${n > 1 ? `-${n}` : ''}${suffix}.sqlite`;
    if (!taken(name)) return name;
  }
}

export function parseBackupFileName(name: string): { createdAt: Date; kind: Kind } | null {
  if (!BACKUP_FILE_NAME.test(name)) return null;
  const m =
    /^claimdesk-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?(-auto|-before-restore)?\.sqlite$/.exec(
      name,
    )!;
  const [, y, mo, d, h, mi, s, kind] = m;
  return {
    createdAt: new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!)),
    kind: kind ? (kind.slice(1) as Kind) : 'manual',
  };
}

/** Backups in the workspace's backup folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const fileName of readdirSync(dir)) {
    const parsed = parseBackupFileName(fileName);
    if (!parsed) continue;
    out.push({
      fileName,
      kind: parsed.kind,
      createdAt: parsed.createdAt.toISOString(),
      byteSize: databaseSize(join(dir, fileName)),
    });
  }
  return out.sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName),
  );
}

/** The size of the database a backup holds (a manifest names it; a plain backup is it). */
function databaseSize(file: string): number {
  try {
    return isManifest(file) ? readManifest(file).byteSize : statSync(file).size;
  } catch {
    return statSync(file).size;
  }
}

/**
 * One backup operation at a time per folder: a backup writing its chunks and a rotation collecting
 * the chunks no manifest names must not overlap (the new manifest is written after its chunks).
 */
const backupQueues = new Map<string, Promise<unknown>>();
function serialized<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = backupQueues.get(dir) ?? Promise.resolve();
  const next = previous.then(work, work);
  backupQueues.set(
    dir,
    next.catch(() => undefined),
  );
  return next;
}

/** Copies the open workspace into a new backup. Only a finished backup gets a backup's name. */
export function backupNow(
  db: Db,
  dataDir: string,
  kind: Kind = 'manual',
  at = new Date(),
): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  return serialized(dir, async () => {
    ensurePrivateDir(dir);
    const fileName = backupFileName(at, kind, (name) => existsSync(join(dir, name)));
    const partial = join(dir, `.${fileName}.partial`);
    rmSync(partial, { force: true });
    try {
      const target = join(dir, fileName);
      const packed = await packLiveSnapshot(db, dir, target);
      if (!packed) {
        touchPrivate(partial);
        // the database only (the originals stay in the shared file store), page for page: the
        // backup API keeps the live file's layout, so pages unchanged since the last backup give
        // the same chunks (VACUUM INTO would rewrite every page after the first change)
        await db.backup(partial);
        // a rollback-journal file needs no -wal/-shm beside it: reading it later leaves nothing behind
        const copy = new Database(partial);
        copy.pragma('journal_mode = DELETE');
        const files = copy.prepare(FILES_NAMED).pluck().all() as string[];
        copy.close();
        await packDatabase(partial, dir, target, files);
      }
    } catch (error) {
      // the backup API reports a refused write as a plain I/O error (no extended code): here, the
      // only file it writes is the new copy in the backups folder
      const code = String((error as { code?: unknown } | null)?.code ?? '');
      if (isDiskFull(error) || code === 'SQLITE_IOERR') throw diskFull('make the backup');
      throw error;
    } finally {
      rmSync(partial, { force: true });
    }
    return listBackups(dataDir).find((b) => b.fileName === fileName)!;
  });
}

const FILES_NAMED = 'SELECT sha256 FROM document_files';

/**
 * Packs the open workspace's database straight from its file, without writing and flushing a copy
 * first (that was two thirds of a backup's time). In WAL mode the database file is written only by
 * checkpoints, and SQLite never checkpoints past what an open reader still reads: so once a
 * checkpoint has copied every frame of the WAL into the file, a read-only connection that starts
 * reading in the same tick (no write can come between) sees exactly the file, and the file stays
 * so until that reader ends, whatever the app writes meanwhile (it goes to the WAL). False when the
 * checkpoint could not copy every frame (another connection still reads an older state, like the
 * background check): the caller then copies with the backup API.
 */
async function packLiveSnapshot(db: Db, dir: string, target: string): Promise<boolean> {
  if (db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return false;
  const reader = new Database(db.name, { readonly: true, fileMustExist: true });
  try {
    // PASSIVE never waits (a blocking mode would hold the backend for the busy timeout while the
    // background check reads); it must have copied every frame of the WAL into the file
    const [done] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    if (!done || done.busy !== 0 || done.log < 0 || done.checkpointed !== done.log) return false;
    reader.exec('BEGIN');
    // the first read fixes the reader's snapshot: the file as the checkpoint left it
    const files = reader.prepare(FILES_NAMED).pluck().all() as string[];
    await packDatabase(db.name, dir, target, files);
    reader.exec('COMMIT');
    return true;
  } finally {
    reader.close();
  }
}

/**
 * Which automatic backups to keep: the `keepLast` newest, plus the newest of each UTC day among the
 * last `days` days (today included). Pure, so the policy is tested without a clock or a disk.
 */
export function planRotation(
  backups: { fileName: string; createdAt: Date }[],
  now: Date,
  keepLast = KEEP_LAST,
  days = KEEP_DAILY_DAYS,
): { keep: string[]; remove: string[] } {
  const newestFirst = [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.fileName.localeCompare(a.fileName),
  );
  const keep = new Set(newestFirst.slice(0, keepLast).map((b) => b.fileName));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = today - (days - 1) * 86_400_000;
  const seenDays = new Set<string>();
  for (const b of newestFirst) {
    const day = b.createdAt.toISOString().slice(0, 10);
    if (b.createdAt.getTime() >= firstDay && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.fileName);
    }
  }
  return {
    keep: newestFirst.filter((b) => keep.has(b.fileName)).map((b) => b.fileName),
    remove: newestFirst.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName),
  };
}

/**
 * Makes an automatic backup if the workspace holds something, changed since the last automatic
 * backup, and that backup is at least `minIntervalMs` old; then rotates. Returns the new backup, or
 * null when none was needed. The shells call this at start and every AUTO_BACKUP_EVERY_ACTIONS
 * actions; it never throws (a failed backup must not stop the researcher), it reports instead.
 */
export async function maybeAutoBackup(
  db: Db,
  dataDir: string,
  options: { now?: Date; minIntervalMs?: number; onError?: (error: unknown) => void } = {},
): Promise<BackupInfo | null> {
  const now = options.now ?? new Date();
  try {
    const holdsSomething = db
      .prepare('SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM entities) AS yes')
      .pluck()
      .get();
    if (!holdsSomething) return null;
    const autos = listBackups(dataDir).filter((b) => b.kind === 'auto');
    const last = autos[0];
    if (last) {
      const age = now.getTime() - new Date(last.createdAt).getTime();
      if (age < (options.minIntervalMs ?? AUTO_MIN_INTERVAL_MS)) return null;
      if (lastWrite(db) < statSync(join(backupDir(dataDir), last.fileName)).mtimeMs) return null;
    }
    const made = await backupNow(db, dataDir, 'auto', now);
    const plan = planRotation(
      [...autos, made].map((b) => ({ fileName: b.fileName, createdAt: new Date(b.createdAt) })),
      now,
    );
    if (plan.remove.length > 0) {
      const dir = backupDir(dataDir);
      await serialized(dir, async () => {
        for (const name of plan.remove) rmSync(join(dir, name), { force: true });
        // the chunks and originals only those backups named can go now
        collectUnreferencedChunks(
          dir,
          listBackups(dataDir).map((b) => join(dir, b.fileName)),
        );
        collectUnreferencedFiles(db, dataDir);
      });
    }
    return made;
  } catch (error) {
    (options.onError ?? ((e) => console.error('[claimdesk] automatic backup failed:', e)))(error);
    return null;
  }
}

/** When the database file or its WAL last changed. */
function lastWrite(db: Db): number {
  const times = [db.name, `${db.name}-wal`].filter(existsSync).map((f) => statSync(f).mtimeMs);
  return Math.max(0, ...times);
}

/** Where a backup named by the renderer lives; the name pattern admits no paths. */
export function backupPath(dataDir: string, fileName: string): string {
  if (!BACKUP_FILE_NAME.test(fileName) || basename(fileName) !== fileName) {
    throw new AppError('invalid_input', `"${fileName.slice(0, 100)}" is not the name of a backup.`);
  }
  const file = join(backupDir(dataDir), fileName);
  if (!existsSync(file)) throw new AppError('not_found', `There is no backup named ${fileName}.`);
  return file;
}

export function latestBackup(dataDir: string): BackupInfo {
  const latest =
    listBackups(dataDir).find((b) => b.kind !== 'before-restore') ?? listBackups(dataDir)[0];
  if (!latest)
    throw new AppError('not_found', `There are no backups in ${backupDir(dataDir)} yet.`);
  return latest;
}

/**
 * Checks that a file is a sound Claimdesk workspace this version can open: it opens, passes
 * quick_check, has the workspace's tables and a schema version not newer than this code knows.
 */
export function validateBackup(
  file: string,
  options: OpenOptions = {},
  /** the backup's own name, when `file` is a copy put together from its chunks */
  name = file,
): { schemaVersion: number; pageSize: number } {
  let probe: Db | undefined;
  try {
    probe = new Database(file, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
    });
    const problems = (probe.pragma('quick_check') as { quick_check: string }[])
      .map((r) => r.quick_check)
      .filter((r) => r !== 'ok');
    if (problems.length > 0)
      throw unusable(name, `it is damaged (${problems.slice(0, 3).join('; ')})`);
    const version = schemaVersion(probe);
    const hasTables =
      probe
        .prepare(
          "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('documents', 'claims', 'entities')",
        )
        .pluck()
        .get() === 3;
    if (version < 1 || !hasTables) throw unusable(name, 'it is not a Claimdesk workspace');
    if (version > LATEST_SCHEMA_VERSION) {
      throw unusable(
        name,
        `it was made by a newer Claimdesk (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION})`,
      );
    }
    return {
      schemaVersion: version,
      pageSize: probe.pragma('page_size', { simple: true }) as number,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unusable(
      name,
      `it cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    probe?.close();
  }
}

/**
 * A backup names its originals by hash; restoring one whose originals are gone from the file store
 * would give documents without files. Says which are missing or altered, and restores nothing.
 */
function refuseMissingFiles(file: string, dataDir: string, name = file): void {
  const missing = missingFilesOf(file, dataDir);
  if (missing.length === 0) return;
  const listed = missing
    .slice(0, 10)
    .map((m) => `${m.titles.join(', ') || 'no document'} (${m.sha256.slice(0, 12)}…, ${m.state})`)
    .join('; ');
  throw unusable(
    name,
    `${missing.length} original file(s) it names are not in the workspace's file store with their hash: ${listed}` +
      (missing.length > 10 ? `; and ${missing.length - 10} more` : ''),
  );
}

const unusable = (file: string, why: string) =>
  new AppError(
    'invalid_input',
    `${basename(file)} cannot be restored: ${why}. The workspace was not changed.`,
  );

function infoOf(file: string): BackupInfo {
  const parsed = parseBackupFileName(basename(file));
  const stat = statSync(file);
  return {
    fileName: basename(file),
    kind: parsed?.kind ?? 'manual',
    createdAt: (parsed?.createdAt ?? stat.mtime).toISOString(),
    byteSize: databaseSize(file),
  };
}

/**
 * Restores a backup into the OPEN workspace: validates it, copies the workspace aside, then copies
 * the backup's pages into the live database in one step of the backup API (one transaction: a
 * failure leaves the workspace as it was), and brings its schema up to date. Handlers keep their
 * connection; the renderer must reload its views.
 */
export async function restoreBackupLive(
  db: Db,
  dataDir: string,
  file: string,
): Promise<RestoreOutcome> {
  const copy = openBackupCopy(file, backupDir(dataDir));
  try {
    const checked = validateBackup(copy.path, {}, file);
    refuseMissingFiles(copy.path, dataDir, file);
    const livePageSize = db.pragma('page_size', { simple: true }) as number;
    if (checked.pageSize !== livePageSize) {
      throw new AppError(
        'conflict',
        `This backup uses ${checked.pageSize}-byte pages and the open workspace ${livePageSize}-byte ones, ` +
          'so it cannot be restored while the app runs. Quit Claimdesk and run: claimdesk restore ' +
          `${basename(file)}`,
      );
    }
    const safetyCopy = await backupNow(db, dataDir, 'before-restore');
    const source = new Database(copy.path, { readonly: true, fileMustExist: true });
    try {
      // all pages in one step: the live database is locked for that one synchronous call only
      await source.backup(db.name, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    return {
      restored: infoOf(file),
      safetyCopy,
      schemaVersion: migrate(db),
      reloadRequired: true,
    };
  } finally {
    copy.dispose();
  }
}

/**
 * Restores a backup while the workspace is closed (the CLI; a shell before opening a workspace that
 * is damaged): validates it, keeps the current database aside (a consistent copy if it still opens,
 * its raw files if not), puts the backup in its place and opens it once to migrate it.
 */
export async function restoreBackupOffline(
  dataDir: string,
  file: string,
  options: OpenOptions = {},
): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo | null; schemaVersion: number }> {
  const copy = openBackupCopy(file, backupDir(dataDir));
  try {
    return await restoreCopyOffline(dataDir, file, copy.path, options);
  } finally {
    copy.dispose();
  }
}

/** restoreBackupOffline of `database`, a plain database file with the content of the backup `file`. */
async function restoreCopyOffline(
  dataDir: string,
  file: string,
  database: string,
  options: OpenOptions,
): Promise<{ restored: BackupInfo; safetyCopy: BackupInfo | null; schemaVersion: number }> {
  validateBackup(database, options, file);
  refuseMissingFiles(database, dataDir, file);
  const live = join(dataDir, DATABASE_FILE);
  let safetyCopy: BackupInfo | null = null;
  if (existsSync(live)) {
    try {
      const current = new Database(live, {
        readonly: true,
        fileMustExist: true,
        nativeBinding: options.nativeBinding,
      });
      try {
        safetyCopy = await backupNow(current, dataDir, 'before-restore');
      } finally {
        current.close();
      }
    } catch {
      // too damaged to read through SQLite: keep its files as they are
      ensurePrivateDir(backupDir(dataDir));
      const name = backupFileName(new Date(), 'before-restore', (n) =>
        existsSync(join(backupDir(dataDir), n)),
      );
      for (const suffix of ['', '-wal']) {
        if (existsSync(live + suffix)) {
          copyFileSync(live + suffix, join(backupDir(dataDir), name + suffix));
          makePrivate(join(backupDir(dataDir), name + suffix));
        }
      }
      safetyCopy = infoOf(join(backupDir(dataDir), name));
    }
  }
  const incoming = join(dataDir, `.${DATABASE_FILE}.restoring`);
  copyFileSync(database, incoming);
  makePrivate(incoming);
  // The old WAL must go first (SQLite would replay it into the restored file), but the database
  // itself is replaced by one atomic rename: a crash in between leaves the old database (its WAL
  // content is in the safety copy), never no database at all.
  for (const suffix of ['-wal', '-shm']) rmSync(live + suffix, { force: true });
  renameSync(incoming, live);
  const db = openWorkspaceDb(dataDir, options);
  try {
    return { restored: infoOf(file), safetyCopy, schemaVersion: schemaVersion(db) };
  } finally {
    db.close();
  }
}
