import type { Migration } from './index';

/**
 * The pages OCR read (src/main/ocr/): per page, the recognised words with their boxes and
 * confidence (the page's text items: pdf_page_maps item i is word i) and which engine, version,
 * languages and resolution read it, for the page view's text layer and for provenance in exports.
 * Words are JSON `[[str, a, b, c, d, e, f, width, height, eol, confidence], …]`.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'ocr-pages',
  up: (db) => {
    db.exec(`
      CREATE TABLE ocr_pages (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        page_index INTEGER NOT NULL CHECK (page_index >= 0),
        engine TEXT NOT NULL,
        version TEXT NOT NULL,
        languages TEXT NOT NULL,        -- "eng+rus"
        dpi INTEGER NOT NULL CHECK (dpi > 0),
        words TEXT NOT NULL,            -- JSON, see above
        PRIMARY KEY (document_id, page_index)
      ) STRICT;
    `);
  },
};
