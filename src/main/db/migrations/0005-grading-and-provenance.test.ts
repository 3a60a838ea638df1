import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 0005 (grading and provenance)', () => {
  it('keeps every relation, accepts cites / derived_from, and checks grades', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 4));
    db.exec(`INSERT INTO document_files (sha256, bytes) VALUES ('x', x'00');
      INSERT INTO documents (id, sha256, media_type, file_name, byte_size, meta, text, structure, imported_at, updated_at)
        VALUES ('doc_00000001', 'x', 'text/plain', 'a.txt', 1, '{}', 'Khujand', '{}', '', '');
      INSERT INTO claims (id, document_id, statement, created_at, updated_at) VALUES
        ('clm_00000001', 'doc_00000001', 'a', '', ''), ('clm_00000002', 'doc_00000001', 'b', '', '');
      INSERT INTO claim_relations (id, from_claim_id, to_claim_id, kind, note, created_at)
        VALUES ('rel_00000001', 'clm_00000001', 'clm_00000002', 'supports', 'kept', 't0');`);
    migrate(db, MIGRATIONS.slice(0, 5));

    expect(db.prepare('SELECT id, kind, note FROM claim_relations').all()).toEqual([
      { id: 'rel_00000001', kind: 'supports', note: 'kept' },
    ]);
    db.exec(`INSERT INTO claim_relations (id, from_claim_id, to_claim_id, kind, created_at)
      VALUES ('rel_00000002', 'clm_00000002', 'clm_00000001', 'derived_from', ''),
             ('rel_00000003', 'clm_00000002', 'clm_00000001', 'cites', '')`);
    expect(() =>
      db.exec(`INSERT INTO claim_relations (id, from_claim_id, to_claim_id, kind, created_at)
        VALUES ('rel_00000004', 'clm_00000002', 'clm_00000001', 'likes', '')`),
    ).toThrow(/CHECK/);
    // the relation still follows its claims, and the index survived the rebuild
    expect(
      (
        db
          .prepare("EXPLAIN QUERY PLAN SELECT id FROM claim_relations WHERE to_claim_id = 'x'")
          .all() as {
          detail: string;
        }[]
      )[0]!.detail,
    ).toMatch(/claim_relations_to/);

    const grade = (kind: string, id: string, r: string | null, c: number | null) =>
      db
        .prepare(
          'INSERT INTO grades (target_kind, target_id, reliability, credibility, updated_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(kind, id, r, c, '');
    grade('document', 'doc_00000001', 'B', null);
    grade('claim', 'clm_00000001', null, 2);
    expect(() => grade('claim', 'clm_00000002', 'A', 2)).toThrow(/CHECK/);
    expect(() => grade('document', 'doc_00000001x', 'G', null)).toThrow(/CHECK/);
    expect(() => grade('entity', 'ent_00000001', null, 3)).toThrow(/CHECK/);
    expect(db.prepare('SELECT * FROM claim_grade ORDER BY claim_id').all()).toEqual([
      { claim_id: 'clm_00000001', reliability: 'B', reliability_origin: 'source', credibility: 2 },
      {
        claim_id: 'clm_00000002',
        reliability: 'B',
        reliability_origin: 'source',
        credibility: null,
      },
    ]);
    db.exec("DELETE FROM claims WHERE id = 'clm_00000001'");
    expect(db.prepare('SELECT count(*) AS n FROM claim_relations').get()).toEqual({ n: 0 });
  });
});
