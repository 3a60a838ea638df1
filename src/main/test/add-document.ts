import type { DocumentSummary } from '../../shared/model';
import { insertDocument } from '../db/documents';
import type { Db } from '../db/open';
import { sha256Of } from '../files/store';

/**
 * Stores a document with exactly this canonical text, bypassing the importers (which may normalize
 * text): for tests that need decomposed accents or other text an importer would change.
 */
export function addDocument(db: Db, text: string, title = 'test document'): DocumentSummary {
  const bytes = new TextEncoder().encode(`${title}\n${text}`);
  return insertDocument(db, {
    sha256: sha256Of(bytes),
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
