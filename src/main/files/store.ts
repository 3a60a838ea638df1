import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../private-files';
import { diskFull, isDiskFull } from './disk-full';

/**
 * The content-addressed store of original files (git's objects, Zotero's storage/):
 * `<workspace>/files/ab/<sha256>`. A file is named by the SHA-256 of its bytes and never changes,
 * so any number of database snapshots (backups) can share one copy, and a name that is present with
 * the right hash is the right file.
 *
 * Writing is atomic and durable BEFORE the database row naming the hash commits: bytes go to a
 * temporary file in files/tmp, which is fsynced, renamed into place (atomic on one file system), and
 * the folder holding it fsynced, so a crash leaves either no file or the whole file, never a torn
 * one. A crash after the write but before the row commits leaves an unreferenced file, which
 * collection (gc.ts) removes.
 */

export const FILES_DIR = 'files';
const TMP_DIR = 'tmp';

const SHA256 = /^[0-9a-f]{64}$/;

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const fileStoreDir = (dataDir: string) => join(dataDir, FILES_DIR);

export function storedFilePath(dataDir: string, sha256: string): string {
  return objectPath(fileStoreDir(dataDir), sha256);
}

/**
 * Where content named by its SHA-256 lives under a content-addressed folder: `root/ab/<sha256>`.
 * The file store is one such folder; the backups' chunk store (backup-chunks.ts) is another.
 */
export function objectPath(root: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new AppError('invalid_input', `"${sha256}" is not a SHA-256.`);
  return join(root, sha256.slice(0, 2), sha256);
}

/** fsync a folder so a rename or a new entry in it survives power loss (not possible on Windows). */
export function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates `dir` (and its parent) with private permissions, fsyncing the parent when it is new, or
 * adding it to `toSync` for a caller that fsyncs its folders later, all at once.
 */
function ensureDir(dir: string, toSync?: Set<string>): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (!existsSync(parent)) ensureDir(parent, toSync);
  // sources can be sensitive: only the researcher's account may list or read them
  ensurePrivateDir(dir);
  if (toSync) toSync.add(parent);
  else syncDir(parent);
}

/**
 * Stores `bytes` (whose SHA-256 is `sha256`, computed if not given) and returns the hash. A file
 * already present with the right size is kept as it is: same name, same bytes. A full disk throws a
 * clear AppError and leaves nothing behind.
 */
export function putFile(dataDir: string, bytes: Uint8Array, sha256 = sha256Of(bytes)): string {
  try {
    return putObject(fileStoreDir(dataDir), bytes, sha256);
  } catch (error) {
    if (isDiskFull(error)) throw diskFull('store the file');
    throw error;
  }
}

/**
 * `putFile` whose wait for the disk runs on libuv's threads, so the backend answers (and the other
 * files of an import are read) while a large original is flushed.
 */
export async function putFileAsync(
  dataDir: string,
  bytes: Uint8Array,
  sha256 = sha256Of(bytes),
): Promise<string> {
  const batch = new ObjectBatch(fileStoreDir(dataDir));
  try {
    await batch.addAsync(bytes, sha256);
    await batch.commit();
    return sha256;
  } catch (error) {
    batch.discard();
    if (isDiskFull(error)) throw diskFull('store the file');
    throw error;
  }
}

/**
 * Writes `bytes` under `root` by their SHA-256, atomically and durably (see above); content already
 * there with the right size is kept. Throws the file system's error, leaving nothing behind.
 */
export function putObject(
  root: string,
  bytes: Uint8Array,
  sha256 = sha256Of(bytes),
  /** false: the caller fsyncs the folders it wrote into once, after many objects */
  { syncFolder = true } = {},
): string {
  const target = objectPath(root, sha256);
  if (isStored(target, bytes)) return sha256;
  const tmp = writeTemporary(root, target, bytes, sha256);
  try {
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    if (syncFolder) syncDir(dirname(target));
    return sha256;
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Same name, same size: the same content (a name is the hash of the bytes). */
const isStored = (target: string, bytes: Uint8Array) =>
  existsSync(target) && statSync(target).size === bytes.byteLength;

/**
 * A new temporary file's path in `root`'s tmp/, the folders made (their parents fsynced, or added
 * to `toSync`).
 */
function temporaryFor(root: string, target: string, sha256: string, toSync?: Set<string>): string {
  const tmpDir = join(root, TMP_DIR);
  ensureDir(tmpDir, toSync);
  ensureDir(dirname(target), toSync);
  return join(tmpDir, `${sha256}.${process.pid}.${randomBytes(4).toString('hex')}`);
}

/** `bytes` in a new temporary file for `target` (not yet fsynced). */
function writeTemporary(
  root: string,
  target: string,
  bytes: Uint8Array,
  sha256: string,
  toSync?: Set<string>,
): string {
  const tmp = temporaryFor(root, target, sha256, toSync);
  try {
    const fd = openSync(tmp, 'wx', PRIVATE_FILE_MODE);
    try {
      for (let at = 0; at < bytes.byteLength;) {
        at += writeSync(fd, bytes, at, bytes.byteLength - at);
      }
    } finally {
      closeSync(fd);
    }
    return tmp;
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** How many fsyncs wait on the disk at once (libuv runs four at a time by default). */
const SYNC_CONCURRENCY = 8;

/**
 * Many objects with the guarantees of `putObject` but one wait for the disk: each new object is
 * written to a temporary file as it is added; `commit` then fsyncs them all at once on libuv's
 * threads (the file system flushes them in a few journal commits: 880 backup chunks took 5.5 s
 * fsynced one by one and 1.3 s so, on this project's machines), renames them into place and fsyncs
 * their folders. A name therefore never shows a torn file, and the backend keeps answering while
 * the disk works. `discard` removes what was written and not committed.
 */
export class ObjectBatch {
  private readonly pending: { tmp: string; target: string }[] = [];
  /** folders with new entries: fsynced in `commit`, after the renames */
  private readonly folders = new Set<string>();

  constructor(private readonly root: string) {}

  /** Writes `bytes` unless the object is already stored; returns its hash. */
  add(bytes: Uint8Array, sha256 = sha256Of(bytes)): string {
    const target = objectPath(this.root, sha256);
    if (this.has(target, bytes)) return sha256;
    const tmp = writeTemporary(this.root, target, bytes, sha256, this.folders);
    this.pending.push({ tmp, target });
    return sha256;
  }

  /** `add`, writing on libuv's threads: for large objects (an imported original). */
  async addAsync(bytes: Uint8Array, sha256 = sha256Of(bytes)): Promise<string> {
    const target = objectPath(this.root, sha256);
    if (this.has(target, bytes)) return sha256;
    const tmp = temporaryFor(this.root, target, sha256, this.folders);
    try {
      await writeFile(tmp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
    this.pending.push({ tmp, target });
    return sha256;
  }

  /** already written in this batch, or stored before */
  private has(target: string, bytes: Uint8Array): boolean {
    return this.pending.some((p) => p.target === target) || isStored(target, bytes);
  }

  get size(): number {
    return this.pending.length;
  }

  async commit(): Promise<void> {
    try {
      await syncAll(
        this.pending.map((p) => p.tmp),
        'r+',
      );
      for (const { tmp, target } of this.pending) {
        renameSync(tmp, target);
        this.folders.add(dirname(target));
      }
      if (process.platform !== 'win32') await syncAll([...this.folders], 'r');
      this.pending.length = 0;
      this.folders.clear();
    } catch (error) {
      this.discard();
      throw error;
    }
  }

  discard(): void {
    for (const { tmp } of this.pending) rmSync(tmp, { force: true });
    this.pending.length = 0;
    this.folders.clear();
  }
}

/**
 * fsyncs files (opened for writing: Windows flushes only such handles) or folders (opened for
 * reading, as Linux and macOS allow), several at a time.
 */
async function syncAll(paths: readonly string[], mode: 'r+' | 'r'): Promise<void> {
  let next = 0;
  const syncNext = async (): Promise<void> => {
    for (let i = next++; i < paths.length; i = next++) {
      const handle = await open(paths[i]!, mode);
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: SYNC_CONCURRENCY }, syncNext));
}

export type FileState = 'ok' | 'missing' | 'altered';

/** Whether the stored file is there with exactly the bytes its name promises (reads it whole). */
export function verifyFile(dataDir: string, sha256: string): FileState {
  const path = storedFilePath(dataDir, sha256);
  if (!existsSync(path)) return 'missing';
  return hashFileSync(path) === sha256 ? 'ok' : 'altered';
}

export function hashFileSync(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer))
      hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The bytes of a stored file, checked against their name: a file that is missing or was changed
 * on disk is reported as such (the reader shows it), never served as if it were the original.
 */
export function readStoredFile(dataDir: string, sha256: string, label: string): Buffer {
  const path = storedFilePath(dataDir, sha256);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missingFile(label, sha256);
    throw error;
  }
  if (sha256Of(bytes) !== sha256) throw alteredFile(label, sha256);
  return bytes;
}

export const missingFile = (label: string, sha256: string) =>
  new AppError(
    'unavailable',
    `The original file of "${label}" is missing from the workspace's file store ` +
      `(files/${sha256.slice(0, 2)}/${sha256}). Its text, claims and mentions are intact; ` +
      'restore the file from a copy of the workspace, or import the original again after deleting this document.',
    'file_missing',
  );

export const alteredFile = (label: string, sha256: string) =>
  new AppError(
    'unavailable',
    `The original file of "${label}" was changed on disk after import ` +
      `(files/${sha256.slice(0, 2)}/${sha256} no longer has the bytes it was stored with), so it is not shown. ` +
      'Its text, claims and mentions are intact; run claimdesk check for every such file.',
    'file_altered',
  );

/** Every hash in the store (names that are not hashes, like tmp/, are skipped). */
export function listStoredFiles(dataDir: string): string[] {
  return listObjects(fileStoreDir(dataDir));
}

export function listObjects(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const prefix of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(root, prefix))) {
      if (SHA256.test(name) && name.startsWith(prefix)) out.push(name);
    }
  }
  return out.sort();
}

export function removeStoredFile(dataDir: string, sha256: string): void {
  rmSync(storedFilePath(dataDir, sha256), { force: true });
}

/** Temporary files a crash left behind (a write that never got its name). */
export function clearStaleTemporaries(dataDir: string): void {
  clearTemporaries(fileStoreDir(dataDir));
}

/** The temporaries of a content-addressed folder (only while nothing is being written to it). */
export function clearTemporaries(root: string): void {
  rmSync(join(root, TMP_DIR), { recursive: true, force: true });
}
