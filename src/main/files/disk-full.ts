import { AppError } from '../errors';

/**
 * A full disk (ENOSPC), a file-size limit (EFBIG) or a disk quota (EDQUOT), from Node or from
 * SQLite (SQLITE_FULL, or SQLITE_IOERR_WRITE, which is what SQLite reports when the system refuses
 * a write for a size limit): one test, so every writer says the same thing.
 */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'ENOSPC' ||
    code === 'EFBIG' ||
    code === 'EDQUOT' ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_IOERR_WRITE' ||
    (error instanceof Error && /database or disk is full/i.test(error.message))
  );
}

/** The message for a write that ran out of room; what was being done is named, nothing half-written. */
export const diskFull = (doing: string) =>
  new AppError(
    'unavailable',
    `There is not enough free disk space to ${doing} (the disk is full or refused the write). ` +
      'Nothing was half-written and what the workspace ' +
      'already held is unchanged; free some space and try again.',
    'disk_full',
  );
