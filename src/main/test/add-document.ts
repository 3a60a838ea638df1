import { createHash } from 'node:crypto';
import type { DocumentSummary } from '../../shared/model';
import { insertDocument } from '../db/documents';
import type { Db } from '../db/open';

/**
 * Stores a document with exactly this canonical text, bypassing the importers (which may normalize
 * text): for tests that need decomposed accents or other text an importer would change.
 */
export function addDocument(db: Db, text: string, title = 'test document'): DocumentSummary {
  const bytes = new TextEncoder().encode(`${title}\n${text}`);
  return insertDocument(db, {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: 'text/plain',
    fileName: `${title}.txt`,
    bytes,
    content: {
      text,
      blocks: text.length > 0 ? [{ type: 'paragraph', start: 0, end: text.length }] : [],
      marks: [],
      pages: [],
      meta: { title },
      warnings: [],
    },
    meta: {
      title,
      authors: [],
      publishedDate: null,
      publisher: null,
      sourceUrl: null,
      language: null,
    },
  });
}
