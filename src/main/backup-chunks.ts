import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from './errors';
import { clearTemporaries, listObjects, ObjectBatch, objectPath, sha256Of } from './files/store';
import { PRIVATE_FILE_MODE } from './private-files';

/**
 * Backups that cost what changed (issue 16). A backup is a page-for-page snapshot of the database
 * (the backup API keeps the live file's page layout), cut into CHUNK_BYTES pieces that are stored
 * by their SHA-256 in `backups/chunks/` (the file store's layout). The backup file itself is then a
 * small manifest naming its chunks in order, the original files it refers to, and the whole
 * database's hash. A chunk is named by the hash of its pages and stored compressed (raw deflate,
 * fastest level: text, structure and indexes shrink three- to fivefold), so even the first backup
 * costs a fraction of the database. Two backups share every chunk whose pages did not change between them, so the
 * tenth automatic backup of a day costs the pages written since the ninth, not the whole database.
 *
 * Older backups (and any database file given to restore) are plain SQLite files: everything that
 * reads a backup goes through `openBackupCopy`, which gives a plain file for both.
 */

/** 64 KiB: sixteen 4 KiB pages. Smaller pieces share more but cost a file (and an fsync) each. */
const CHUNK_BYTES = 64 * 1024;
const MANIFEST_FORMAT = 'claimdesk.backup';
const SQLITE_MAGIC = 'SQLite format 3\u0000';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  /** the database's size and SHA-256, checked when it is put together again */
  byteSize: z.number().int().nonnegative(),
  sha256,
  chunkBytes: z.number().int().positive(),
  /** how a chunk's file holds its bytes (named by the hash of the bytes either way) */
  chunkEncoding: z.enum(['raw', 'deflate-raw']).default('raw'),
  chunks: z.array(sha256),
  /** the original files (file store) the database names: collection keeps them while this exists */
  files: z.array(sha256),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export const chunkStoreDir = (backupsDir: string) => join(backupsDir, 'chunks');

/** Whether a backup file is a manifest (else it is a plain SQLite database). */
export function isManifest(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    readSync(fd, head, 0, head.length, 0);
    return head.toString('latin1') !== SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export function readManifest(file: string): BackupManifest {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('invalid_input', `${file} is neither a database nor a backup manifest.`);
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success)
    throw new AppError('invalid_input', `${file} is not a backup manifest this version can read.`);
  return parsed.data;
}

/**
 * Cuts the database file `database` into chunks stored under `backupsDir`, and writes the manifest
 * to `target` (atomically: a manifest exists only once every chunk it names is on disk).
 */
export async function packDatabase(
  database: string,
  backupsDir: string,
  target: string,
  files: string[],
): Promise<BackupManifest> {
  const store = chunkStoreDir(backupsDir);
  const chunks: string[] = [];
  const whole = sha256Hasher();
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let byteSize = 0;
  // what a backup killed half-way left unnamed (backups of a folder run one at a time)
  clearTemporaries(store);
  const batch = new ObjectBatch(store);
  const fd = openSync(database, 'r');
  try {
    let sliceStart = performance.now();
    for (let n = readFull(fd, buffer); n > 0; n = readFull(fd, buffer)) {
      const piece = buffer.subarray(0, n);
      if (byteSize === 0) asRollbackJournalFile(piece);
      whole.update(piece);
      const hash = sha256Of(piece);
      // a chunk another backup stored is shared as it is (a stored name is a complete, synced file)
      if (!existsSync(objectPath(store, hash)))
        batch.add(deflateRawSync(piece, { level: 1 }), hash);
      chunks.push(hash);
      byteSize += n;
      // a large database takes a while: let the backend answer requests in between
      if (performance.now() - sliceStart > 25) {
        await new Promise<void>((resume) => setImmediate(resume));
        sliceStart = performance.now();
      }
    }
    // every new chunk on disk, under its name, before the manifest names it
    await batch.commit();
  } catch (error) {
    batch.discard();
    throw error;
  } finally {
    closeSync(fd);
  }
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    version: 1,
    byteSize,
    sha256: whole.digest('hex'),
    chunkBytes: CHUNK_BYTES,
    chunkEncoding: 'deflate-raw',
    chunks,
    files: [...new Set(files)].sort(),
  };
  writeDurably(target, JSON.stringify(manifest));
  return manifest;
}

/**
 * A plain database file with the backup's content, to open read-only or copy: the backup itself
 * when it is one, else its chunks put together in a temporary file (removed by `dispose`), each
 * chunk and the whole checked against their hashes. Missing or altered chunks are named.
 */
export function openBackupCopy(
  file: string,
  backupsDir: string,
): { path: string; dispose(): void } {
  if (!isManifest(file)) return { path: file, dispose() {} };
  const manifest = readManifest(file);
  const store = chunkStoreDir(backupsDir);
  /** a chunk's bytes, checked against its name; null when missing or damaged */
  const chunkBytes = (chunk: string): Buffer | null => {
    try {
      const stored = readFileSync(objectPath(store, chunk));
      const bytes = manifest.chunkEncoding === 'raw' ? stored : inflateRawSync(stored);
      return sha256Of(bytes) === chunk ? bytes : null;
    } catch {
      return null;
    }
  };
  // one pass: each chunk is read, inflated and checked once, and written while no piece has failed
  const path = join(
    backupsDir,
    `.unpacked-${process.pid}-${randomBytes(4).toString('hex')}.sqlite`,
  );
  const hash = sha256Hasher();
  const problems = new Set<string>();
  const fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  try {
    for (const chunk of manifest.chunks) {
      const bytes = problems.has(chunk) ? null : chunkBytes(chunk);
      if (!bytes) {
        problems.add(chunk);
        continue;
      }
      if (problems.size > 0) continue; // still counting what else is missing
      hash.update(bytes);
      writeAll(fd, bytes);
    }
  } finally {
    closeSync(fd);
  }
  const dispose = () => rmSync(path, { force: true });
  if (problems.size > 0) {
    dispose();
    const named = [...problems];
    throw new AppError(
      'invalid_input',
      `${named.length} of the ${new Set(manifest.chunks).size} pieces of this backup are missing or ` +
        `damaged in ${store} (${named.slice(0, 3).join(', ')}${named.length > 3 ? ', …' : ''}). ` +
        'The workspace was not changed.',
    );
  }
  if (hash.digest('hex') !== manifest.sha256) {
    dispose();
    throw new AppError(
      'invalid_input',
      `${file}: the pieces put together are not the backed-up database.`,
    );
  }
  return { path, dispose };
}

/** The original files a backup names: from its manifest, or read from a plain database by `read`. */
export function filesNamedBy(file: string, read: (database: string) => string[]): string[] {
  return isManifest(file) ? readManifest(file).files : read(file);
}

/**
 * Removes the chunks no kept manifest names. `manifests`: every backup file in the folder (plain
 * databases name no chunks). A manifest that cannot be read might name anything: nothing is removed.
 */
export function collectUnreferencedChunks(backupsDir: string, manifests: string[]): number {
  const named = new Set<string>();
  for (const file of manifests) {
    try {
      if (!isManifest(file)) continue;
      for (const chunk of readManifest(file).chunks) named.add(chunk);
    } catch (error) {
      console.warn(`[claimdesk] backup pieces were not collected: ${String(error)}`);
      return 0;
    }
  }
  const store = chunkStoreDir(backupsDir);
  let removed = 0;
  for (const chunk of listObjects(store)) {
    if (named.has(chunk)) continue;
    rmSync(objectPath(store, chunk), { force: true });
    removed++;
  }
  return removed;
}

/** One incremental hash over the whole database, beside the per-chunk ones. */
const sha256Hasher = () => createHash('sha256');

/** Reads until the buffer is full or the file ends. */
/**
 * A backup holds a rollback-journal database (it needs no -wal/-shm beside it, and reading it leaves
 * nothing behind): bytes 18 and 19 of the header say 2 for WAL, 1 for a rollback journal, which is
 * all `PRAGMA journal_mode = DELETE` changes in a file with an empty WAL.
 */
function asRollbackJournalFile(head: Buffer): void {
  if (head.length >= 20 && head[18] === 2 && head[19] === 2) {
    head[18] = 1;
    head[19] = 1;
  }
}

function readFull(fd: number, buffer: Buffer): number {
  let n = 0;
  while (n < buffer.length) {
    const got = readSync(fd, buffer, n, buffer.length - n, null);
    if (got === 0) break;
    n += got;
  }
  return n;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.byteLength;) at += writeSync(fd, bytes, at, bytes.byteLength - at);
}

/** Writes a small file through a temporary name, fsynced, then renamed into place. */
function writeDurably(target: string, text: string): void {
  const tmp = `${target}.${randomBytes(4).toString('hex')}.partial`;
  try {
    const fd = openSync(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
