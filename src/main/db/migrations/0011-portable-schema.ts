import { foldSql } from '../search-index';
import type { Migration } from './index';

/**
 * The schema readable by standard tools: SQLite 3.37+ (Ubuntu 22.04, Debian 12, Python's sqlite3
 * module, R's RSQLite) parses every trigger and view. 0002's triggers used `group_concat(… ORDER BY
 * …)` (3.44+) and `->>` (3.38+), so older SQLite refused to open the whole file ("malformed database
 * schema"). They are recreated here with the same effect: an ordered subquery feeds group_concat,
 * and json_extract reads the page map. PORTABLE_SQL_TEST (portable-schema.test.ts) keeps later
 * schema objects from using newer syntax.
 *
 * The `v_*` views are the stable, documented way to analyse a workspace with SQL (README, "Reading
 * a workspace with other tools"): tables may change between versions, the views keep their columns.
 * They carry no offsets: those count UTF-16 units internally, and every public boundary speaks code
 * points; quotes and page labels locate a passage instead.
 */

const claimQuote = (claimId: string) =>
  `coalesce((SELECT group_concat(exact, ' … ') FROM (SELECT s.exact FROM claim_spans s WHERE s.claim_id = ${claimId} ORDER BY s.ordinal)), '')`;

const claimRows = (where: string) => `
  INSERT INTO search_claims (rowid, statement, quote, note)
    SELECT k.key, ${foldSql('c.statement')}, ${foldSql(claimQuote('c.id'))}, ${foldSql('c.note')}
    FROM claims c JOIN search_keys k ON k.ref = c.id ${where};`;

const entityRows = (where: string) => `
  INSERT INTO search_entities (rowid, name, aliases)
    SELECT k.key, ${foldSql('e.name')},
      ${foldSql(`coalesce((SELECT group_concat(alias, char(10)) FROM (SELECT a.alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.alias)), '')`)}
    FROM entities e JOIN search_keys k ON k.ref = e.id ${where};`;

const refreshClaim = (id: string) => `
  DELETE FROM search_claims WHERE rowid = (SELECT key FROM search_keys WHERE ref = ${id});
  ${claimRows(`WHERE c.id = ${id}`)}`;

const refreshEntity = (id: string) => `
  DELETE FROM search_entities WHERE rowid = (SELECT key FROM search_keys WHERE ref = ${id});
  ${entityRows(`WHERE e.id = ${id}`)}`;

const pageRows = (document: string) => `
  INSERT OR REPLACE INTO document_pages (document_id, page_index, label, start, end)
    SELECT ${document}.id, json_extract(p.value, '$.index'), json_extract(p.value, '$.label'),
      json_extract(p.value, '$.start'), json_extract(p.value, '$.end')
    FROM json_each(${document}.structure, '$.pages') p;`;

const RECREATED = [
  'search_claims_ai',
  'search_claims_au',
  'search_claim_spans_ai',
  'search_claim_spans_au',
  'search_claim_spans_ad',
  'search_entities_ai',
  'search_entities_au',
  'search_entity_aliases_ai',
  'search_entity_aliases_au',
  'search_entity_aliases_ad',
  'document_pages_ai',
  'document_pages_au',
];

export const migration0011: Migration = {
  version: 11,
  name: 'portable-schema',
  up: (db) => {
    db.exec(RECREATED.map((name) => `DROP TRIGGER ${name};`).join('\n'));
    db.exec(`
      CREATE TRIGGER search_claims_ai AFTER INSERT ON claims BEGIN
        INSERT OR IGNORE INTO search_keys (ref) VALUES (NEW.id);
        ${refreshClaim('NEW.id')}
      END;
      CREATE TRIGGER search_claims_au AFTER UPDATE OF statement, note ON claims BEGIN
        ${refreshClaim('NEW.id')}
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
      CREATE TRIGGER search_entity_aliases_ai AFTER INSERT ON entity_aliases BEGIN ${refreshEntity('NEW.entity_id')} END;
      CREATE TRIGGER search_entity_aliases_au AFTER UPDATE ON entity_aliases BEGIN
        ${refreshEntity('OLD.entity_id')} ${refreshEntity('NEW.entity_id')}
      END;
      CREATE TRIGGER search_entity_aliases_ad AFTER DELETE ON entity_aliases BEGIN ${refreshEntity('OLD.entity_id')} END;

      CREATE TRIGGER document_pages_ai AFTER INSERT ON documents BEGIN ${pageRows('NEW')} END;
      CREATE TRIGGER document_pages_au AFTER UPDATE OF structure ON documents BEGIN
        DELETE FROM document_pages WHERE document_id = NEW.id;
        ${pageRows('NEW')}
      END;

      CREATE VIEW v_documents AS
        SELECT d.id, json_extract(d.meta, '$.title') AS title,
          (SELECT group_concat(value, '; ') FROM json_each(d.meta, '$.authors')) AS authors,
          json_extract(d.meta, '$.publishedDate') AS published_date,
          json_extract(d.meta, '$.publisher') AS publisher,
          json_extract(d.meta, '$.sourceUrl') AS source_url,
          json_extract(d.meta, '$.language') AS language,
          d.file_name, d.media_type, d.byte_size, d.page_count, d.sha256,
          'files/' || substr(d.sha256, 1, 2) || '/' || d.sha256 AS file_path,
          (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claim_count,
          d.imported_at, d.updated_at
        FROM documents d;

      CREATE VIEW v_entities AS
        SELECT e.id, e.kind, e.name, e.description,
          (SELECT group_concat(alias, '; ') FROM
            (SELECT a.alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY a.position, a.alias)) AS aliases,
          json_extract(e.external_ids, '$.wikidata') AS wikidata,
          json_extract(e.external_ids, '$.url') AS url,
          (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
          (SELECT count(*) FROM claims c WHERE c.claimant_id = e.id) AS claimant_of,
          (SELECT count(*) FROM claim_subjects s WHERE s.entity_id = e.id) AS subject_of,
          e.created_at, e.updated_at
        FROM entities e;

      CREATE VIEW v_claims AS
        SELECT c.id, c.document_id, json_extract(d.meta, '$.title') AS document_title,
          c.statement, ${claimQuote('c.id')} AS quote,
          (SELECT p.label FROM claim_spans s JOIN document_pages p
             ON p.document_id = c.document_id AND s.start >= p.start AND s.start < p.end
           WHERE s.claim_id = c.id ORDER BY s.ordinal LIMIT 1) AS page,
          c.claimant_id, claimant.name AS claimant, c.type, c.stance, c.certainty,
          c.event_date, c.place_id, place.name AS place,
          (SELECT group_concat(name, '; ') FROM (SELECT e.name FROM claim_subjects cs
             JOIN entities e ON e.id = cs.entity_id WHERE cs.claim_id = c.id ORDER BY cs.position, e.name)) AS subjects,
          (SELECT group_concat(name, '; ') FROM (SELECT t.name FROM claim_tags ct
             JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = c.id ORDER BY ct.position, t.name)) AS tags,
          c.status, c.note, c.created_at, c.updated_at
        FROM claims c
          JOIN documents d ON d.id = c.document_id
          LEFT JOIN entities claimant ON claimant.id = c.claimant_id
          LEFT JOIN entities place ON place.id = c.place_id;

      CREATE VIEW v_claim_entities AS
        SELECT c.id AS claim_id, 'claimant' AS role, c.claimant_id AS entity_id
          FROM claims c WHERE c.claimant_id IS NOT NULL
        UNION ALL
        SELECT c.id, 'place', c.place_id FROM claims c WHERE c.place_id IS NOT NULL
        UNION ALL
        SELECT cs.claim_id, 'subject', cs.entity_id FROM claim_subjects cs;

      CREATE VIEW v_mentions AS
        SELECT m.id, m.document_id, m.entity_id, e.name AS entity, e.kind AS entity_kind, m.exact,
          (SELECT p.label FROM document_pages p
           WHERE p.document_id = m.document_id AND m.start >= p.start AND m.start < p.end) AS page,
          m.created_at
        FROM mentions m JOIN entities e ON e.id = m.entity_id;

      CREATE VIEW v_relations AS
        SELECT r.id, r.from_claim_id, f.statement AS from_statement, r.kind,
          r.to_claim_id, t.statement AS to_statement, r.note, r.created_at
        FROM claim_relations r
          JOIN claims f ON f.id = r.from_claim_id
          JOIN claims t ON t.id = r.to_claim_id;
    `);
  },
};
