import { foldSql, indexPendingDocuments } from '../search-index';
import type { Migration } from './index';

/**
 * Full-text search (FTS5) and what the claims table filters and sorts on.
 *
 * The index follows the base tables through triggers, so every writer (actions, undo and redo,
 * bundle import, another process) keeps it in step without knowing it exists:
 * - claims (statement, quotes, note) and entities (name, aliases) are indexed by triggers in SQL;
 *   `search_keys` gives each an INTEGER key, because the FTS rowid must not be the implicit rowid
 *   of a TEXT-keyed table (VACUUM may renumber those);
 * - document text is queued by a trigger and cut into paragraph-sized chunks in JavaScript
 *   (search-index.ts), because SQL cannot cut text at UTF-16 offsets;
 * - `document_pages` mirrors each document's page map so a claim's page can be filtered and sorted
 *   in SQL.
 * Indexed text is folded (ё → е) by the same expression as queries; see FOLDS in search-index.ts.
 */
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`;

/** Inserts the index rows of the claims selected by `where` (keys must exist). */
const claimRows = (where: string) => `
  INSERT INTO search_claims (rowid, statement, quote, note)
    SELECT k.key, ${foldSql('c.statement')},
      ${foldSql(`coalesce((SELECT group_concat(s.exact, ' … ' ORDER BY s.ordinal) FROM claim_spans s WHERE s.claim_id = c.id), '')`)},
      ${foldSql('c.note')}
    FROM claims c JOIN search_keys k ON k.ref = c.id ${where};`;

const entityRows = (where: string) => `
  INSERT INTO search_entities (rowid, name, aliases)
    SELECT k.key, ${foldSql('e.name')},
      ${foldSql(`coalesce((SELECT group_concat(a.alias, char(10) ORDER BY a.alias) FROM entity_aliases a WHERE a.entity_id = e.id), '')`)}
    FROM entities e JOIN search_keys k ON k.ref = e.id ${where};`;

const refreshClaim = (id: string) => `
  DELETE FROM search_claims WHERE rowid = (SELECT key FROM search_keys WHERE ref = ${id});
  ${claimRows(`WHERE c.id = ${id}`)}`;

const refreshEntity = (id: string) => `
  DELETE FROM search_entities WHERE rowid = (SELECT key FROM search_keys WHERE ref = ${id});
  ${entityRows(`WHERE e.id = ${id}`)}`;

/** Copies the page map of `document` (NEW in a trigger; `d` with from = 'documents d,'). */
const pageRows = (document: string, from = '') => `
  INSERT OR REPLACE INTO document_pages (document_id, page_index, label, start, end)
    SELECT ${document}.id, p.value ->> '$.index', p.value ->> '$.label', p.value ->> '$.start', p.value ->> '$.end'
    FROM ${from} json_each(${document}.structure, '$.pages') p;`;

export const migration0002: Migration = {
  version: 2,
  name: 'search',
  up: (db) => {
    db.exec(`
      -- documents: paragraph-sized chunks; start is the UTF-16 offset in documents.text
      CREATE TABLE search_chunks (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        text TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_chunks_by_document ON search_chunks(document_id, start);
      CREATE VIEW search_chunks_folded AS SELECT id, ${foldSql('text')} AS text FROM search_chunks;
      CREATE VIRTUAL TABLE search_passages USING fts5(
        text, content = 'search_chunks_folded', content_rowid = 'id', ${TOKENIZE});
      CREATE TRIGGER search_chunks_ai AFTER INSERT ON search_chunks BEGIN
        INSERT INTO search_passages (rowid, text) VALUES (NEW.id, ${foldSql('NEW.text')});
      END;
      CREATE TRIGGER search_chunks_ad AFTER DELETE ON search_chunks BEGIN
        INSERT INTO search_passages (search_passages, rowid, text) VALUES ('delete', OLD.id, ${foldSql('OLD.text')});
      END;

      CREATE TABLE search_queue (document_id TEXT PRIMARY KEY) STRICT;
      CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
        INSERT OR IGNORE INTO search_queue (document_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER search_documents_au AFTER UPDATE OF text, structure ON documents BEGIN
        DELETE FROM search_chunks WHERE document_id = NEW.id;
        INSERT OR IGNORE INTO search_queue (document_id) VALUES (NEW.id);
      END;
      CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
        DELETE FROM search_chunks WHERE document_id = OLD.id;
        DELETE FROM search_queue WHERE document_id = OLD.id;
      END;

      CREATE TABLE document_pages (
        document_id TEXT NOT NULL,
        page_index INTEGER NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (document_id, start)
      ) STRICT;
      CREATE TRIGGER document_pages_ai AFTER INSERT ON documents BEGIN ${pageRows('NEW')} END;
      CREATE TRIGGER document_pages_au AFTER UPDATE OF structure ON documents BEGIN
        DELETE FROM document_pages WHERE document_id = NEW.id;
        ${pageRows('NEW')}
      END;
      CREATE TRIGGER document_pages_ad AFTER DELETE ON documents BEGIN
        DELETE FROM document_pages WHERE document_id = OLD.id;
      END;

      CREATE TABLE search_keys (key INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE) STRICT;
      CREATE VIRTUAL TABLE search_claims USING fts5(statement, quote, note, ${TOKENIZE});
      CREATE VIRTUAL TABLE search_entities USING fts5(name, aliases, ${TOKENIZE});

      CREATE TRIGGER search_claims_ai AFTER INSERT ON claims BEGIN
        INSERT OR IGNORE INTO search_keys (ref) VALUES (NEW.id);
        ${refreshClaim('NEW.id')}
      END;
      CREATE TRIGGER search_claims_au AFTER UPDATE OF statement, note ON claims BEGIN
        ${refreshClaim('NEW.id')}
      END;
      CREATE TRIGGER search_claims_ad AFTER DELETE ON claims BEGIN
        DELETE FROM search_claims WHERE rowid = (SELECT key FROM search_keys WHERE ref = OLD.id);
        DELETE FROM search_keys WHERE ref = OLD.id;
      END;
      CREATE TRIGGER search_claim_spans_ai AFTER INSERT ON claim_spans BEGIN ${refreshClaim('NEW.claim_id')} END;
      CREATE TRIGGER search_claim_spans_au AFTER UPDATE ON claim_spans BEGIN
        ${refreshClaim('OLD.claim_id')} ${refreshClaim('NEW.claim_id')}
      END;
      CREATE TRIGGER search_claim_spans_ad AFTER DELETE ON claim_spans BEGIN ${refreshClaim('OLD.claim_id')} END;

      CREATE TRIGGER search_entities_ai AFTER INSERT ON entities BEGIN
        INSERT OR IGNORE INTO search_keys (ref) VALUES (NEW.id);
        ${refreshEntity('NEW.id')}
      END;
      CREATE TRIGGER search_entities_au AFTER UPDATE OF name ON entities BEGIN ${refreshEntity('NEW.id')} END;
      CREATE TRIGGER search_entities_ad AFTER DELETE ON entities BEGIN
        DELETE FROM search_entities WHERE rowid = (SELECT key FROM search_keys WHERE ref = OLD.id);
        DELETE FROM search_keys WHERE ref = OLD.id;
      END;
      CREATE TRIGGER search_entity_aliases_ai AFTER INSERT ON entity_aliases BEGIN ${refreshEntity('NEW.entity_id')} END;
      CREATE TRIGGER search_entity_aliases_au AFTER UPDATE ON entity_aliases BEGIN
        ${refreshEntity('OLD.entity_id')} ${refreshEntity('NEW.entity_id')}
      END;
      CREATE TRIGGER search_entity_aliases_ad AFTER DELETE ON entity_aliases BEGIN ${refreshEntity('OLD.entity_id')} END;

      -- the claims table's filters (claims_by_document, claims_by_claimant and
      -- claim_subjects_by_entity exist since 0001)
      CREATE INDEX claims_by_type ON claims(type);
      CREATE INDEX claims_by_status ON claims(status);
      CREATE INDEX claims_by_certainty ON claims(certainty);
      CREATE INDEX claims_by_event_date ON claims(event_date);
      CREATE INDEX claim_tags_by_tag ON claim_tags(tag_id);

      CREATE TABLE saved_filters (
        name TEXT PRIMARY KEY,
        filter TEXT NOT NULL,           -- JSON {filter, sort?}
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- what was there before this migration
      INSERT INTO search_keys (ref) SELECT id FROM claims ORDER BY rowid;
      INSERT INTO search_keys (ref) SELECT id FROM entities ORDER BY rowid;
      INSERT INTO search_queue (document_id) SELECT id FROM documents;
      ${pageRows('d', 'documents d,')}
      ${claimRows('')}
      ${entityRows('')}
    `);
    indexPendingDocuments(db);
  },
};
