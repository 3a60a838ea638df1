import { basename } from 'node:path';
import type { ImportOutcome, PageMap } from '../shared/api';
import { UNSAFE_CHARACTERS } from '../shared/clean-text';
import type { DocumentId, SourceId } from '../shared/model';
import {
  findDocumentBySha256,
  getDocument,
  getDocumentFile,
  getDocumentText,
  getPageMap,
  hasPageMaps,
  insertDocument,
  insertPageMaps,
  type PageItemMap,
} from './db/documents';
import { getOcrPage } from './db/ocr';
import { workspaceDir, type Db } from './db/open';
import { AppError } from './errors';
import { putFileAsync, sha256Of } from './files/store';
import { ImportError } from './importers/errors';
import { extractionPool } from './importers/pool';
import { foundOfImport } from './metadata/found';
import { runJob } from './jobs';
import { defaultOcrLanguages } from './ocr/settings';

/** A file name safe to store and show: no directories, no control or bidirectional characters. */
export function cleanFileName(fileName: string): string {
  const name = basename(fileName.replace(/\\/g, '/')).replace(UNSAFE_CHARACTERS, '').trim();
  const short = name.slice(0, 255);
  return short === '' || short === '.' || short === '..' ? 'untitled' : short;
}

/**
 * Imports one file: identified by the SHA-256 of its bytes, so the same file twice is a duplicate
 * (and the existing document is returned). Nothing is written unless extraction succeeded.
 */
export async function importDocument(
  db: Db,
  file: { fileName: string; bytes: Uint8Array; password?: string; sourceId?: SourceId },
  options: { dataDir?: string | null; ocrLanguages?: string[]; job?: string } = {},
): Promise<ImportOutcome> {
  const fileName = cleanFileName(file.fileName);
  const sha256 = sha256Of(file.bytes);
  const existing = findDocumentBySha256(db, sha256);
  if (existing) return { status: 'duplicate', document: existing };
  let extracted;
  try {
    const languages = options.ocrLanguages ?? defaultOcrLanguages(db);
    extracted = await runJob(options.job, ({ signal, report }) =>
      extractionPool.extract(fileName, file.bytes, {
        password: file.password,
        ocr: { languages, dataDir: options.dataDir ?? null },
        signal,
        onProgress: ({ done, pages }) => report({ stage: 'ocr', done, pages }),
      }),
    );
  } catch (error) {
    if (error instanceof ImportError)
      throw new AppError('import_failed', error.message, error.code);
    throw error;
  }
  const { mediaType, content } = extracted;
  const found = foundOfImport(mediaType, content);
  // the original to the file store first, waiting for the disk off the main thread (insertDocument
  // then finds it stored); an in-memory database keeps the bytes inline
  if (!db.memory) await putFileAsync(workspaceDir(db), file.bytes, sha256);
  // a concurrent import of the same bytes may have won the race while we were extracting
  const raced = findDocumentBySha256(db, sha256);
  if (raced) return { status: 'duplicate', document: raced };
  const document = insertDocument(db, {
    sha256,
    mediaType,
    fileName,
    bytes: file.bytes,
    content,
    found,
    sourceId: file.sourceId,
  });
  return { status: 'imported', document };
}

/**
 * One page's item map (importers/pdf-items.ts) for the PDF page view. A PDF imported before maps
 * were stored gets them on first request, from its stored file, if that still reads to the very
 * text stored (it would not after an extraction change, or without the password).
 */
export async function pdfPageMap(db: Db, id: DocumentId, pageIndex: number): Promise<PageMap> {
  const items = await pageItems(db, id, pageIndex);
  const ocr = getOcrPage(db, id, pageIndex);
  return ocr ? { items, ocr } : { items };
}

async function pageItems(db: Db, id: DocumentId, pageIndex: number): Promise<PageItemMap> {
  const document = getDocument(db, id);
  if (document.mediaType !== 'application/pdf') {
    throw new AppError('not_found', `"${document.fileName}" is not a PDF, so it has no pages.`);
  }
  const pages = document.pageCount ?? 0;
  if (pageIndex >= pages) {
    throw new AppError(
      'not_found',
      `"${document.fileName}" has ${pages} page${pages === 1 ? '' : 's'}; there is no page ${pageIndex + 1}.`,
    );
  }
  const stored = getPageMap(db, id, pageIndex);
  if (stored) return stored;
  if (!hasPageMaps(db, id) && (await backfillPageMaps(db, id))) {
    const made = getPageMap(db, id, pageIndex);
    if (made) return made;
  }
  throw new AppError(
    'not_found',
    `The page view cannot map the text of "${document.fileName}": it was imported by an older ` +
      'version of Claimdesk and now reads differently (or needs its password). Delete it and import it again to select text on its pages.',
  );
}

/** Backfills in progress, so the pages the page view asks for at once extract the file once. */
const backfills = new WeakMap<Db, Map<DocumentId, Promise<boolean>>>();

function backfillPageMaps(db: Db, id: DocumentId): Promise<boolean> {
  let running = backfills.get(db);
  if (!running) backfills.set(db, (running = new Map()));
  let job = running.get(id);
  if (!job) {
    job = (async () => {
      const { bytes } = getDocumentFile(db, id);
      const { content } = await extractionPool.extract('stored.pdf', bytes);
      if (!content.pageItems || content.text !== getDocumentText(db, id)) return false;
      // a document deleted meanwhile fails the foreign key: nothing is written
      db.transaction(() => insertPageMaps(db, id, content.pageItems!))();
      return true;
    })()
      .catch(() => false)
      .finally(() => running.delete(id));
    running.set(id, job);
  }
  return job;
}
