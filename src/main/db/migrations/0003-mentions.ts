import type { Migration } from './index';

/**
 * Suggested mentions the researcher dismissed stay dismissed: one row per (document, entity, span).
 * Suggestions themselves are not stored; they are computed from the current names and aliases, so
 * they never go stale when an entity is renamed.
 *
 * claims_by_place: deleting or merging an entity looks claims up by place_id (ON DELETE SET NULL
 * and the entity page); without an index each of those scans every claim.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'mentions',
  up: (db) => {
    db.exec(`
      CREATE TABLE mention_dismissals (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (document_id, entity_id, start, end),
        CHECK (start >= 0 AND end > start)
      ) STRICT;
      CREATE INDEX mention_dismissals_by_entity ON mention_dismissals(entity_id);
      CREATE INDEX claims_by_place ON claims(place_id);
    `);
  },
};
