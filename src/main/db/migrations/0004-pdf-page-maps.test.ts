import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join('; ');
}

describe('migration 0004 (PDF page item maps)', () => {
  it('adds a STRICT table of page maps, looked up by its key, that goes with its document', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 3));
    db.exec(`INSERT INTO document_files (sha256, bytes) VALUES ('x', x'00');
      INSERT INTO documents (id, sha256, media_type, file_name, byte_size, page_count, meta, text, structure, imported_at, updated_at)
        VALUES ('doc_00000001', 'x', 'application/pdf', 'a.pdf', 1, 2, '{}', 'Khujand', '{}', '', '')`);
    migrate(db, MIGRATIONS.slice(0, 4));

    const { sql } = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'pdf_page_maps'")
      .get() as { sql: string };
    expect(sql).toMatch(/\)\s*STRICT$/);
    expect(
      plan(
        db,
        "SELECT items FROM pdf_page_maps WHERE document_id = 'doc_00000001' AND page_index = 1",
      ),
    ).toMatch(/USING INDEX sqlite_autoindex_pdf_page_maps_1 \(document_id=\? AND page_index=\?\)/);

    const insert = db.prepare('INSERT INTO pdf_page_maps VALUES (?, ?, ?)');
    insert.run('doc_00000001', 0, '[[0,7],null]');
    insert.run('doc_00000001', 1, '[]');
    expect(() => insert.run('doc_00000001', -1, '[]')).toThrow(/CHECK/);
    expect(() => insert.run('doc_00000001', 1, '[]')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('doc_00000001', 2, new Uint8Array([1]))).toThrow(/cannot store BLOB/);
    expect(() => insert.run('doc_99999999', 0, '[]')).toThrow(/FOREIGN KEY/);

    db.exec("DELETE FROM documents WHERE id = 'doc_00000001'");
    expect(db.prepare('SELECT count(*) AS n FROM pdf_page_maps').get()).toEqual({ n: 0 });
    db.close();
  });
});
