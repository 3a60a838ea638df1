import {
  emptyFound,
  listedCreators,
  type CslItem,
  type FoundMeta,
  type Provenance,
} from '../../shared/csl';
import { addFromMeta } from '../metadata/found';
import type {
  DocumentContent,
  DocumentId,
  DocumentMeta,
  DocumentSummary,
  ImportedText,
  MediaType,
  SourceId,
} from '../../shared/model';
import { notFound } from '../errors';
import { putFile, readStoredFile } from '../files/store';
import { newId, now } from '../ids';
import { workspaceDir, type Db } from './open';
import {
  cslPatchFromMeta,
  insertSource,
  metaFromCsl,
  refreshDocumentMeta,
  sourceIdOfDocument,
  updateSource,
} from './sources';
import { insertOcrPages } from './ocr';

interface DocumentRow {
  id: string;
  sha256: string;
  media_type: string;
  file_name: string;
  byte_size: number;
  page_count: number | null;
  source_id: string;
  source_csl: string;
  provenance: string;
  file_date: string | null;
  warnings: string;
  imported_at: string;
  updated_at: string;
  claim_count: number;
}

// the work's metadata is the source's (one place); documents.meta is no longer read
const SUMMARY_COLUMNS = `d.id, d.sha256, d.media_type, d.file_name, d.byte_size, d.page_count,
  d.source_id, d.file_date, d.warnings, d.imported_at, d.updated_at,
  (SELECT s.csl FROM sources s WHERE s.id = d.source_id) AS source_csl,
  (SELECT s.provenance FROM sources s WHERE s.id = d.source_id) AS provenance,
  (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claim_count`;

function toSummary(row: DocumentRow): DocumentSummary {
  const provenance = JSON.parse(row.provenance) as Provenance;
  const csl = JSON.parse(row.source_csl) as CslItem;
  return {
    id: row.id as DocumentId,
    sha256: row.sha256,
    mediaType: row.media_type as MediaType,
    fileName: row.file_name,
    byteSize: row.byte_size,
    pageCount: row.page_count,
    meta: metaFromCsl(csl, untitled(row.file_name)),
    sourceId: row.source_id as SourceId,
    cslType: csl.type || 'document',
    creators: listedCreators(csl),
    found: Object.entries(provenance)
      .filter(([, origin]) => !origin.confirmed)
      .map(([field]) => field),
    fileDate: row.file_date,
    warnings: JSON.parse(row.warnings) as string[],
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    claimCount: row.claim_count,
  };
}

/** A file's name without its extension: the title of last resort. */
export const untitled = (fileName: string) => fileName.replace(/\.[^.]*$/, '') || fileName;

export interface NewDocument {
  sha256: string;
  mediaType: MediaType;
  fileName: string;
  bytes: Uint8Array;
  content: ImportedText;
  /** what the importer found about the work, with origins; becomes a new source */
  found?: FoundMeta;
  /** metadata known for certain (tests, benchmarks, a bundle): a new source, its fields confirmed */
  meta?: Partial<DocumentMeta>;
  /** a file of this existing source instead (a reference's attachment) */
  sourceId?: SourceId;
}

/**
 * Stores a document, its original bytes and (unless given one) its source. The original bytes go to
 * the file store first (written and fsynced, see files/store.ts), then the document's row, its
 * source and the row naming the file commit in one transaction. A failure in between leaves only an
 * unreferenced file, which collection removes.
 */
export function insertDocument(db: Db, doc: NewDocument): DocumentSummary {
  const id = newId<DocumentId>('doc');
  const at = now();
  // an in-memory database (tests, a bundle being upgraded) has no folder: it keeps bytes inline
  if (!db.memory) putFile(workspaceDir(db), doc.bytes, doc.sha256);
  const inline = db.memory ? doc.bytes : new Uint8Array(0);
  db.transaction(() => {
    let found = doc.found ?? emptyFound();
    if (doc.meta) {
      found = emptyFound();
      addFromMeta(found, doc.meta, 'given on import');
    }
    const sourceId =
      doc.sourceId ?? insertSource(db, { type: 'document', ...found.csl }, found.from, !!doc.meta);
    db.prepare('INSERT OR IGNORE INTO document_files (sha256, bytes) VALUES (?, ?)').run(
      doc.sha256,
      Buffer.from(inline.buffer, inline.byteOffset, inline.byteLength),
    );
    db.prepare(
      `INSERT INTO documents (id, sha256, media_type, file_name, byte_size, page_count, meta, text,
         structure, warnings, imported_at, updated_at, source_id, file_date)
       VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      doc.sha256,
      doc.mediaType,
      doc.fileName,
      doc.bytes.byteLength,
      doc.mediaType === 'application/pdf' ? doc.content.pages.length : null,
      doc.content.text,
      JSON.stringify({
        blocks: doc.content.blocks,
        marks: doc.content.marks,
        pages: doc.content.pages,
      }),
      JSON.stringify(doc.content.warnings),
      at,
      at,
      sourceId,
      found.fileDate ?? null,
    );
    if (doc.content.pageItems) insertPageMaps(db, id, doc.content.pageItems);
    refreshDocumentMeta(db, sourceId);
    if (doc.content.ocrPages) insertOcrPages(db, id, doc.content.ocrPages);
  })();
  return getDocument(db, id);
}

export type PageItemMap = ([number, number] | null)[];

/** A PDF's page item maps (importers/pdf-items.ts), one row per page; existing pages are kept. */
export function insertPageMaps(
  db: Db,
  id: DocumentId,
  maps: readonly (readonly (readonly [number, number] | null)[])[],
): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO pdf_page_maps (document_id, page_index, items) VALUES (?, ?, ?)',
  );
  maps.forEach((items, pageIndex) => insert.run(id, pageIndex, JSON.stringify(items)));
}

/** One page's item map, or null when none is stored (not a PDF, no such page, imported before maps). */
export function getPageMap(db: Db, id: DocumentId, pageIndex: number): PageItemMap | null {
  const row = db
    .prepare('SELECT items FROM pdf_page_maps WHERE document_id = ? AND page_index = ?')
    .get(id, pageIndex) as { items: string } | undefined;
  return row ? (JSON.parse(row.items) as PageItemMap) : null;
}

export function hasPageMaps(db: Db, id: DocumentId): boolean {
  return (
    db.prepare('SELECT 1 FROM pdf_page_maps WHERE document_id = ? LIMIT 1').get(id) !== undefined
  );
}

export function findDocumentBySha256(db: Db, sha256: string): DocumentSummary | null {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.sha256 = ?`)
    .get(sha256) as DocumentRow | undefined;
  return row ? toSummary(row) : null;
}

export function listDocuments(db: Db): DocumentSummary[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.imported_at DESC, d.rowid DESC`)
    .all() as DocumentRow[];
  return rows.map(toSummary);
}

export function getDocument(db: Db, id: DocumentId): DocumentSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`).get(id) as
    DocumentRow | undefined;
  if (!row) throw notFound('document', id);
  return toSummary(row);
}

export function getDocumentText(db: Db, id: DocumentId): string {
  const row = db.prepare('SELECT text FROM documents WHERE id = ?').get(id) as
    { text: string } | undefined;
  if (!row) throw notFound('document', id);
  return row.text;
}

export function getDocumentContent(db: Db, id: DocumentId): DocumentContent {
  const row = db.prepare('SELECT text, structure FROM documents WHERE id = ?').get(id) as
    { text: string; structure: string } | undefined;
  if (!row) throw notFound('document', id);
  const structure = JSON.parse(row.structure) as Pick<
    DocumentContent,
    'blocks' | 'marks' | 'pages'
  >;
  return { id, text: row.text, ...structure };
}

/**
 * The original file, as imported, from the file store; checked against its hash, so a missing or
 * altered file is reported (AppError 'unavailable', reason file_missing / file_altered).
 */
export function getDocumentFile(
  db: Db,
  id: DocumentId,
): { bytes: Uint8Array; mediaType: MediaType } {
  const row = db
    .prepare(
      `SELECT d.sha256, d.media_type, d.file_name, f.bytes
       FROM documents d JOIN document_files f USING (sha256) WHERE d.id = ?`,
    )
    .get(id) as
    { sha256: string; media_type: string; file_name: string; bytes: Buffer } | undefined;
  if (!row) throw notFound('document', id);
  // an in-memory database (a bundle being upgraded) still holds bytes in its rows
  const bytes =
    row.bytes.byteLength > 0
      ? row.bytes
      : readStoredFile(workspaceDir(db), row.sha256, row.file_name);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    mediaType: row.media_type as MediaType,
  };
}

export function getDocumentBytes(db: Db, id: DocumentId): Uint8Array {
  return getDocumentFile(db, id).bytes;
}

/** The old per-document metadata edit, now an edit of the document's source (documents.updateMeta). */
export function updateDocumentMeta(
  db: Db,
  id: DocumentId,
  patch: Partial<DocumentMeta>,
): DocumentSummary {
  db.transaction(() => updateSource(db, sourceIdOfDocument(db, id), cslPatchFromMeta(patch)))();
  return getDocument(db, id);
}
