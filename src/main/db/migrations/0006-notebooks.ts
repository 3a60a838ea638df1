import { foldSql } from '../search-index';
import type { Migration } from './index';

/**
 * Notebooks: a researcher's findings as Lexical's serialized editor state (`content`), with the
 * plain text it holds (`text`, written by the backend on every save) indexed for search.
 *
 * The small columns come first: listing notebooks then never walks the overflow pages of a large
 * `content`. A notebook may be tied to an entity or a document (SET NULL when that goes) or to a
 * collection (no foreign key: collections are not in the schema yet; the backend checks the id
 * when they are). Its index rows follow it through triggers, like claims and entities, so bundle
 * import, undo and restore keep search in step; the triggers use SQLite 3.37 features only.
 */
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`;

const indexRow = (id: string) => `
  INSERT INTO search_notebooks (rowid, title, text)
    SELECT k.key, ${foldSql('n.title')}, ${foldSql('n.text')}
    FROM notebooks n JOIN search_keys k ON k.ref = n.id WHERE n.id = ${id};`;

export const migration0006: Migration = {
  version: 6,
  name: 'notebooks',
  up: (db) => {
    db.exec(`
      CREATE TABLE notebooks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
        document_id TEXT REFERENCES documents(id) ON DELETE SET NULL,
        collection_id TEXT,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        text TEXT NOT NULL,
        content TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notebooks_by_entity ON notebooks(entity_id);
      CREATE INDEX notebooks_by_document ON notebooks(document_id);
      CREATE INDEX notebooks_by_collection ON notebooks(collection_id);

      CREATE VIRTUAL TABLE search_notebooks USING fts5(title, text, ${TOKENIZE});
      CREATE TRIGGER search_notebooks_ai AFTER INSERT ON notebooks BEGIN
        INSERT OR IGNORE INTO search_keys (ref) VALUES (NEW.id);
        ${indexRow('NEW.id')}
      END;
      CREATE TRIGGER search_notebooks_au AFTER UPDATE OF title, text ON notebooks BEGIN
        DELETE FROM search_notebooks WHERE rowid = (SELECT key FROM search_keys WHERE ref = NEW.id);
        ${indexRow('NEW.id')}
      END;
      CREATE TRIGGER search_notebooks_ad AFTER DELETE ON notebooks BEGIN
        DELETE FROM search_notebooks WHERE rowid = (SELECT key FROM search_keys WHERE ref = OLD.id);
        DELETE FROM search_keys WHERE ref = OLD.id;
      END;
    `);
  },
};
