import type { Database } from 'better-sqlite3';
import type { DocumentId } from '../../shared/model';
import { sha256Of } from '../files/store';

/**
 * A text document as schema 1 stored it (meta JSON on the row, no source), for migration tests:
 * today's insertDocument writes today's schema. Its original bytes are the text, named by their real
 * SHA-256: the file-store migration checks every BLOB against its hash before moving it to the file store.
 */
export function insertSchema1Document(
  db: Database,
  doc: { text: string; title: string; authors?: string[]; publishedDate?: string },
): { id: DocumentId } {
  const bytes = Buffer.from(doc.text, 'utf8');
  const sha256 = sha256Of(bytes);
  const id = `doc_${sha256.slice(0, 24)}` as DocumentId;
  db.prepare('INSERT INTO document_files (sha256, bytes) VALUES (?, ?)').run(sha256, bytes);
  db.prepare(
    `INSERT INTO documents (id, sha256, media_type, file_name, byte_size, page_count, meta, text,
       structure, imported_at, updated_at)
     VALUES (?, ?, 'text/plain', 'old.txt', ?, NULL, ?, ?, ?, '2026-01-01', '2026-01-01')`,
  ).run(
    id,
    sha256,
    bytes.byteLength,
    JSON.stringify({
      title: doc.title,
      authors: doc.authors ?? [],
      publishedDate: doc.publishedDate ?? null,
      publisher: null,
      sourceUrl: null,
      language: 'en',
    }),
    doc.text,
    JSON.stringify({ blocks: paragraphs(doc.text), marks: [], pages: [] }),
  );
  return { id };
}

/** One paragraph block per blank-line-separated paragraph, as the text importer makes them. */
function paragraphs(text: string): { type: 'paragraph'; start: number; end: number }[] {
  const blocks: { type: 'paragraph'; start: number; end: number }[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    blocks.push({ type: 'paragraph', start, end: start + part.length });
    start += part.length + 2;
  }
  return blocks;
}
