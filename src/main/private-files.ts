import { chmodSync, closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';

/**
 * Everything the app writes is for the researcher's account only, whatever the parent folder or
 * the umask allows: sources, notes and exports can be sensitive on a shared machine. `mode` on
 * open/mkdir only applies to a NEW file and is narrowed by the umask, never widened, but an
 * existing file keeps its old mode, so every helper also sets the mode explicitly.
 * (On Windows chmod only toggles read-only; ACLs of the user's profile protect files there.)
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates dir (and missing parents) and makes dir itself 0700. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file 0600; a file that does not exist (yet) is left alone. */
export function makePrivate(file: string): void {
  try {
    chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates file if missing, 0600 either way (SQLite then gives its -wal and -shm the same mode). */
export function touchPrivate(file: string): void {
  const fd = openSync(file, 'a', PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    closeSync(fd);
  }
}

/** Opens file for writing (truncated), 0600 before its first byte is written; close the fd. */
export function openPrivate(file: string): number {
  const fd = openSync(file, 'w', PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}

/** Writes data to file, 0600 from its first byte. */
export function writePrivateFile(file: string, data: string | Uint8Array): void {
  const fd = openPrivate(file);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let offset = 0; offset < bytes.length;) {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
  } finally {
    closeSync(fd);
  }
}
