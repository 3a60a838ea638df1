import { createHash } from 'node:crypto';
import type { DocumentMeta, DocumentSummary } from '../../shared/model';
import { insertDocument } from '../db/documents';
import type { Db } from '../db/open';

/**
 * A document of several pages with labelled page spans (as a PDF import stores them) and the given
 * metadata, bypassing the importers: for tests of page ranges and citations.
 */
export function addPagedDocument(
  db: Db,
  pages: string[],
  meta: Partial<DocumentMeta> & { title: string },
  firstLabel = 1,
): DocumentSummary {
  const text = pages.join('\n\n');
  const spans = [];
  let at = 0;
  for (const [index, page] of pages.entries()) {
    spans.push({ index, label: String(firstLabel + index), start: at, end: at + page.length });
    at += page.length + 2;
  }
  const bytes = new TextEncoder().encode(`${meta.title}\n${text}`);
  return insertDocument(db, {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: 'application/pdf',
    fileName: `${meta.title}.pdf`,
    bytes,
    content: {
      text,
      blocks: spans.map((s) => ({ type: 'paragraph' as const, start: s.start, end: s.end })),
      marks: [],
      pages: spans,
      meta,
      warnings: [],
    },
    meta: {
      authors: [],
      publishedDate: null,
      publisher: null,
      sourceUrl: null,
      language: null,
      ...meta,
    },
  });
}
