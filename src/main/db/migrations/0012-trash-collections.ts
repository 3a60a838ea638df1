import type { Migration } from './index';

/**
 * The trash and collections.
 *
 * A document moved to the trash leaves the library's tables, with everything that hangs on it by a
 * cascading foreign key (claims with their passages, subjects, tags and relations, mentions,
 * dismissals, page maps, collection memberships, and whatever later tables refer to documents):
 * `trash.content` holds those rows as JSON (db/trash.ts), so every view, search and export leaves
 * it out without knowing about the trash, and restoring puts the very rows back. The original file
 * stays in the store: `trash.sha256` keeps its document_files row, and so the file, alive.
 *
 * Collections may nest (parent_id); a document may be in several.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'trash-collections',
  up: (db) => {
    db.exec(`
      CREATE TABLE trash (
        document_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES document_files(sha256),
        trashed_at TEXT NOT NULL,
        counts TEXT NOT NULL,           -- JSON {claims, mentions, relations}
        content TEXT NOT NULL           -- JSON {table: {columns, rows}}, parents first
      ) STRICT;
      CREATE INDEX trash_by_sha256 ON trash(sha256);

      CREATE TABLE collections (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        parent_id TEXT REFERENCES collections(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT;
      CREATE UNIQUE INDEX collections_by_name ON collections(coalesce(parent_id, ''), name);

      CREATE TABLE collection_documents (
        collection_id TEXT NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (collection_id, document_id)
      ) STRICT;
      CREATE INDEX collection_documents_by_document ON collection_documents(document_id);
    `);
  },
};
