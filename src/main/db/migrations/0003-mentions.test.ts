import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join('; ');
}

describe('migration 0003 (mention dismissals)', () => {
  it('adds a STRICT dismissals table that follows its document and entity, and indexes claims by place', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 2));
    db.exec(
      `INSERT INTO entities (id, kind, name, created_at, updated_at) VALUES ('ent_00000001', 'place', 'Khujand', '', '')`,
    );
    migrate(db, MIGRATIONS.slice(0, 3));

    const sql = (
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'mention_dismissals'").get() as {
        sql: string;
      }
    ).sql;
    expect(sql).toMatch(/\)\s*STRICT$/);
    expect(plan(db, "SELECT id FROM claims WHERE place_id = 'ent_00000001'")).toMatch(
      /claims_by_place/,
    );
    expect(plan(db, "SELECT 1 FROM mention_dismissals WHERE entity_id = 'ent_00000001'")).toMatch(
      /mention_dismissals_by_entity/,
    );

    db.exec(`INSERT INTO document_files (sha256, bytes) VALUES ('x', x'00');
      INSERT INTO documents (id, sha256, media_type, file_name, byte_size, meta, text, structure, imported_at, updated_at)
        VALUES ('doc_00000001', 'x', 'text/plain', 'a.txt', 1, '{}', 'Khujand', '{}', '', '');
      INSERT INTO mention_dismissals VALUES ('doc_00000001', 'ent_00000001', 0, 7, '')`);
    expect(() =>
      db.exec(`INSERT INTO mention_dismissals VALUES ('doc_00000001', 'ent_00000001', 3, 3, '')`),
    ).toThrow(/CHECK/);
    db.exec("DELETE FROM entities WHERE id = 'ent_00000001'");
    expect(db.prepare('SELECT count(*) AS n FROM mention_dismissals').get()).toEqual({ n: 0 });
    db.close();
  });
});
