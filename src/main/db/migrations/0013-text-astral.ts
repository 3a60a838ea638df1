import type { Migration } from './index';

/**
 * Whether a document's text has characters outside the Basic Multilingual Plane (emoji, CJK
 * Extension B, mathematical letters), which is when its code-point positions (the API's unit) and
 * UTF-16 positions (the backend's) differ. Finding out reads the whole text (a GLOB), which a search
 * did for every document it answered with; this remembers the answer per document.
 *
 * Derived (left out of bundles, see search-index.ts DERIVED_TABLES) and filled when first asked for
 * (wire-offsets.ts). Triggers forget it whenever a text changes or its document goes, so a stale
 * answer is never read; there is no foreign key, so the trash (which keeps a document's dependent
 * rows) and bundles never carry it.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'text-astral',
  up: (db) => {
    db.exec(`
      CREATE TABLE document_text_astral (
        document_id TEXT PRIMARY KEY,
        astral INTEGER NOT NULL CHECK (astral IN (0, 1))
      ) WITHOUT ROWID;
      CREATE TRIGGER document_text_astral_au AFTER UPDATE OF text ON documents BEGIN
        DELETE FROM document_text_astral WHERE document_id = OLD.id;
      END;
      CREATE TRIGGER document_text_astral_ad AFTER DELETE ON documents BEGIN
        DELETE FROM document_text_astral WHERE document_id = OLD.id;
      END;
    `);
  },
};
