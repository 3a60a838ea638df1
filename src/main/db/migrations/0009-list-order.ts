import type { Migration } from './index';

/**
 * A claim's subjects and tags and an entity's aliases keep the order the researcher gave them: a
 * `position` column each, read back in that order. Before, subjects came back by rowid (which a
 * bundle does not carry), and tags and aliases alphabetically, so a round trip through a bundle
 * could reorder what the researcher had put first. Existing rows keep the order they were shown in.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'list-order',
  up: (db) => {
    db.exec(`
      ALTER TABLE claim_subjects ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE claim_tags ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entity_aliases ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      UPDATE claim_subjects SET position = (
        SELECT count(*) FROM claim_subjects o
        WHERE o.claim_id = claim_subjects.claim_id AND o.rowid < claim_subjects.rowid);
      UPDATE claim_tags SET position = (
        SELECT count(*) FROM claim_tags o JOIN tags ot ON ot.id = o.tag_id, tags t
        WHERE o.claim_id = claim_tags.claim_id AND t.id = claim_tags.tag_id AND ot.name < t.name);
      UPDATE entity_aliases SET position = (
        SELECT count(*) FROM entity_aliases o
        WHERE o.entity_id = entity_aliases.entity_id AND o.alias < entity_aliases.alias);
    `);
  },
};
