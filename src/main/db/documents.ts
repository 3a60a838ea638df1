import type {
  DocumentContent,
  DocumentId,
  DocumentMeta,
  DocumentSummary,
  ImportedText,
  MediaType,
} from '../../shared/model';
import { notFound } from '../errors';
import { newId, now } from '../ids';
import type { Db } from './open';
import { insertOcrPages } from './ocr';

interface DocumentRow {
  id: string;
  sha256: string;
  media_type: string;
  file_name: string;
  byte_size: number;
  page_count: number | null;
  meta: string;
  warnings: string;
  imported_at: string;
  updated_at: string;
  claim_count: number;
}

const SUMMARY_COLUMNS = `d.id, d.sha256, d.media_type, d.file_name, d.byte_size, d.page_count, d.meta,
  d.warnings, d.imported_at, d.updated_at,
  (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claim_count`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id as DocumentId,
    sha256: row.sha256,
    mediaType: row.media_type as MediaType,
    fileName: row.file_name,
    byteSize: row.byte_size,
    pageCount: row.page_count,
    meta: JSON.parse(row.meta) as DocumentMeta,
    warnings: JSON.parse(row.warnings) as string[],
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    claimCount: row.claim_count,
  };
}

export interface NewDocument {
  sha256: string;
  mediaType: MediaType;
  fileName: string;
  bytes: Uint8Array;
  content: ImportedText;
  meta: DocumentMeta;
}

/** Stores a document and its original bytes in one transaction. */
export function insertDocument(db: Db, doc: NewDocument): DocumentSummary {
  const id = newId<DocumentId>('doc');
  const at = now();
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO document_files (sha256, bytes) VALUES (?, ?)').run(
      doc.sha256,
      Buffer.from(doc.bytes.buffer, doc.bytes.byteOffset, doc.bytes.byteLength),
    );
    db.prepare(
      `INSERT INTO documents (id, sha256, media_type, file_name, byte_size, page_count, meta, text,
         structure, warnings, imported_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      doc.sha256,
      doc.mediaType,
      doc.fileName,
      doc.bytes.byteLength,
      doc.mediaType === 'application/pdf' ? doc.content.pages.length : null,
      JSON.stringify(doc.meta),
      doc.content.text,
      JSON.stringify({
        blocks: doc.content.blocks,
        marks: doc.content.marks,
        pages: doc.content.pages,
      }),
      JSON.stringify(doc.content.warnings),
      at,
      at,
    );
    if (doc.content.pageItems) insertPageMaps(db, id, doc.content.pageItems);
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

/** The original file, as imported. */
export function getDocumentFile(
  db: Db,
  id: DocumentId,
): { bytes: Uint8Array; mediaType: MediaType } {
  const row = db
    .prepare(
      'SELECT f.bytes, d.media_type FROM documents d JOIN document_files f USING (sha256) WHERE d.id = ?',
    )
    .get(id) as { bytes: Buffer; media_type: string } | undefined;
  if (!row) throw notFound('document', id);
  const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  return { bytes, mediaType: row.media_type as MediaType };
}

export function getDocumentBytes(db: Db, id: DocumentId): Uint8Array {
  const row = db
    .prepare('SELECT f.bytes FROM documents d JOIN document_files f USING (sha256) WHERE d.id = ?')
    .get(id) as { bytes: Buffer } | undefined;
  if (!row) throw notFound('document', id);
  return new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
}

export function updateDocumentMeta(
  db: Db,
  id: DocumentId,
  patch: Partial<DocumentMeta>,
): DocumentSummary {
  const current = getDocument(db, id);
  const meta: DocumentMeta = { ...current.meta, ...stripUndefined(patch) };
  db.prepare('UPDATE documents SET meta = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(meta),
    now(),
    id,
  );
  return getDocument(db, id);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
