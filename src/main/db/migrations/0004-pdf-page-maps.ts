import type { Migration } from './index';

/**
 * Page item maps of PDFs (importers/pdf-items.ts): per page, where each pdf.js text item landed in
 * the canonical text, as JSON `[[start, end] | null, …]`, one entry per item of
 * `page.getTextContent()`. The page view asks for one page at a time, so a 1,000-page document's
 * maps stay out of `documents.structure`, which the reader loads whole. The primary key serves
 * every lookup (document and page).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'pdf-page-maps',
  up: (db) => {
    db.exec(`
      CREATE TABLE pdf_page_maps (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page_index INTEGER NOT NULL CHECK (page_index >= 0),
        items TEXT NOT NULL,            -- JSON array: [start, end] or null per text item
        PRIMARY KEY (document_id, page_index)
      ) STRICT;
    `);
  },
};
