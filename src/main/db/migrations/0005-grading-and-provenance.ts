import type { Migration } from './index';

/**
 * Grading and provenance (issue 19).
 *
 * `grades`: Admiralty grades. A document or a claimant entity gets a source reliability (A–F), a
 * claim an information credibility (1–6), each with an optional note. One table keyed by what is
 * graded rather than columns on claims, documents and entities, so a grade is its own undoable
 * record. It has no foreign key on purpose: a grade outlives the claim, document or entity it grades
 * so that undoing their deletion brings the grade back; every reader joins it to what still exists.
 *
 * `claim_grade`: THE rule for a claim's grade, in one place for the claims table, its filters and
 * sorting, the exports and the analysis views: the claimant's reliability when the claimant is
 * graded, else the document's; the claim's own credibility.
 *
 * `claim_relations` gains the provenance kinds `cites` and `derived_from` (B took it from A). SQLite
 * cannot change a CHECK constraint in place, so the table is rebuilt with its rows, ids and index.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'grading-and-provenance',
  up: (db) => {
    db.exec(`
      CREATE TABLE grades (
        target_kind TEXT NOT NULL CHECK (target_kind IN ('document', 'entity', 'claim')),
        target_id TEXT NOT NULL,
        reliability TEXT CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (target_kind, target_id),
        CHECK ((target_kind = 'claim') = (credibility IS NOT NULL)),
        CHECK ((target_kind = 'claim') = (reliability IS NULL))
      ) STRICT;

      CREATE VIEW claim_grade AS
        SELECT c.id AS claim_id,
          coalesce(ge.reliability, gd.reliability) AS reliability,
          CASE WHEN ge.reliability IS NOT NULL THEN 'claimant'
               WHEN gd.reliability IS NOT NULL THEN 'source' END AS reliability_origin,
          gc.credibility AS credibility
        FROM claims c
        LEFT JOIN grades ge ON ge.target_kind = 'entity' AND ge.target_id = c.claimant_id
        LEFT JOIN grades gd ON gd.target_kind = 'document' AND gd.target_id = c.document_id
        LEFT JOIN grades gc ON gc.target_kind = 'claim' AND gc.target_id = c.id;

      CREATE TABLE claim_relations_new (
        id TEXT PRIMARY KEY,
        from_claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        to_claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('supports', 'contradicts', 'repeats', 'refines',
          'cites', 'derived_from')),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (from_claim_id <> to_claim_id),
        UNIQUE (from_claim_id, to_claim_id, kind)
      ) STRICT;
      INSERT INTO claim_relations_new (rowid, id, from_claim_id, to_claim_id, kind, note, created_at)
        SELECT rowid, id, from_claim_id, to_claim_id, kind, note, created_at FROM claim_relations;
      DROP TABLE claim_relations;
      ALTER TABLE claim_relations_new RENAME TO claim_relations;
      CREATE INDEX claim_relations_to ON claim_relations(to_claim_id);
    `);
  },
};
