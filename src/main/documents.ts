import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { ImportOutcome } from '../shared/api';
import type { DocumentMeta } from '../shared/model';
import { findDocumentBySha256, insertDocument } from './db/documents';
import type { Db } from './db/open';
import { AppError } from './errors';
import { ImportError } from './importers/errors';
import { extractionPool } from './importers/pool';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** C0/C1 controls, zero-width and direction-changing characters ("invoice\u202Efdp.exe"). */
const UNSAFE_IN_NAMES =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A file name safe to store and show: no directories, no control or bidirectional characters. */
export function cleanFileName(fileName: string): string {
  const name = basename(fileName.replace(/\\/g, '/')).replace(UNSAFE_IN_NAMES, '').trim();
  const short = name.slice(0, 255);
  return short === '' || short === '.' || short === '..' ? 'untitled' : short;
}

/**
 * Imports one file: identified by the SHA-256 of its bytes, so the same file twice is a duplicate
 * (and the existing document is returned). Nothing is written unless extraction succeeded.
 */
export async function importDocument(
  db: Db,
  file: { fileName: string; bytes: Uint8Array; password?: string },
): Promise<ImportOutcome> {
  const fileName = cleanFileName(file.fileName);
  const sha256 = sha256Hex(file.bytes);
  const existing = findDocumentBySha256(db, sha256);
  if (existing) return { status: 'duplicate', document: existing };
  let extracted;
  try {
    extracted = await extractionPool.extract(fileName, file.bytes, file.password);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError('import_failed', error.message, error.code);
    throw error;
  }
  const { mediaType, content } = extracted;
  const meta: DocumentMeta = {
    title: content.meta.title?.trim() || basename(fileName, extname(fileName)),
    authors: content.meta.authors ?? [],
    publishedDate: content.meta.publishedDate ?? null,
    publisher: content.meta.publisher ?? null,
    sourceUrl: content.meta.sourceUrl ?? null,
    language: content.meta.language ?? null,
  };
  // a concurrent import of the same bytes may have won the race while we were extracting
  const raced = findDocumentBySha256(db, sha256);
  if (raced) return { status: 'duplicate', document: raced };
  const document = insertDocument(db, { sha256, mediaType, fileName, bytes: file.bytes, content, meta });
  return { status: 'imported', document };
}
