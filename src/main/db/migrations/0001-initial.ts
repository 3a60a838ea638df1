import type { Migration } from './index';

/**
 * The first schema. Offsets are UTF-16 code units into documents.text. Original file bytes live in
 * document_files, keyed by SHA-256, so a backup of the database is a backup of everything.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
      CREATE TABLE document_files (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE REFERENCES document_files(sha256),
        media_type TEXT NOT NULL,
        file_name TEXT NOT NULL,
        byte_size INTEGER NOT NULL,
        page_count INTEGER,
        meta TEXT NOT NULL,            -- JSON DocumentMeta
        text TEXT NOT NULL,            -- canonical text
        structure TEXT NOT NULL,       -- JSON {blocks, marks, pages}
        warnings TEXT NOT NULL DEFAULT '[]',
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE vocabulary (         -- editable per-workspace lists: entity kinds, claim types
        list TEXT NOT NULL CHECK (list IN ('entity_kind', 'claim_type')),
        value TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (list, value)
      ) STRICT;
      INSERT INTO vocabulary (list, value, position) VALUES
        ('entity_kind', 'person', 0), ('entity_kind', 'organization', 1), ('entity_kind', 'place', 2),
        ('entity_kind', 'event', 3), ('entity_kind', 'other', 4),
        ('claim_type', 'event', 0), ('claim_type', 'statistic', 1), ('claim_type', 'attribution', 2),
        ('claim_type', 'assessment', 3), ('claim_type', 'policy', 4), ('claim_type', 'other', 5);

      CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        external_ids TEXT NOT NULL DEFAULT '{}',  -- JSON ExternalIds
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
      ) STRICT;

      CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (start >= 0 AND end > start)
      ) STRICT;
      CREATE INDEX mentions_by_document ON mentions(document_id, start);
      CREATE INDEX mentions_by_entity ON mentions(entity_id);

      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        statement TEXT NOT NULL,
        claimant_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
        type TEXT NOT NULL DEFAULT 'other',
        stance TEXT NOT NULL DEFAULT 'asserts' CHECK (stance IN ('asserts', 'denies', 'questions')),
        certainty TEXT CHECK (certainty IN ('confirmed', 'likely', 'alleged', 'disputed')),
        hedges TEXT NOT NULL DEFAULT '[]',
        event_date TEXT,
        place_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'reviewed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX claims_by_document ON claims(document_id);
      CREATE INDEX claims_by_claimant ON claims(claimant_id);

      CREATE TABLE claim_spans (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        PRIMARY KEY (claim_id, ordinal),
        CHECK (start >= 0 AND end > start)
      ) STRICT;

      CREATE TABLE claim_subjects (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, entity_id)
      ) STRICT;
      CREATE INDEX claim_subjects_by_entity ON claim_subjects(entity_id);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE claim_tags (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (claim_id, tag_id)
      ) STRICT;

      CREATE TABLE claim_relations (
        id TEXT PRIMARY KEY,
        from_claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        to_claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('supports', 'contradicts', 'repeats', 'refines')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (from_claim_id <> to_claim_id),
        UNIQUE (from_claim_id, to_claim_id, kind)
      ) STRICT;
      CREATE INDEX claim_relations_to ON claim_relations(to_claim_id);

      -- Undo/redo journal: each user action stores the state of what it touched before and after,
      -- so undo and redo survive a reload. See db/history.ts.
      CREATE TABLE history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        label TEXT NOT NULL,
        before TEXT NOT NULL,           -- JSON Snapshot[]
        after TEXT NOT NULL,            -- JSON Snapshot[]
        undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL             -- JSON
      ) STRICT;
    `);
  },
};
