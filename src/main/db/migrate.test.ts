import Database from 'better-sqlite3';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceError } from '../errors';
import { tempDir } from '../test/workspace';
import { migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { DATABASE_FILE, openWorkspaceDb } from './open';

describe('migrations', () => {
  it('creates the latest schema with STRICT tables and the pragmas researchers rely on', () => {
    const db = openWorkspaceDb(tempDir());
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as { name: string; sql: string }[];
    for (const name of [
      'documents',
      'document_files',
      'claims',
      'claim_spans',
      'entities',
      'mentions',
      'claim_relations',
      'tags',
      'history',
    ]) {
      const table = tables.find((t) => t.name === name);
      expect(table, name).toBeDefined();
      expect(table!.sql, name).toMatch(/\)\s*STRICT$/);
    }
    db.close();
  });

  it('upgrades a database at an older schema version, keeping its rows', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const old = new Database(file);
    // version 1 only, plus a row, as an earlier release would have left it
    migrate(old, MIGRATIONS.slice(0, 1));
    old.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    old.close();
    const db = openWorkspaceDb(dir);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
    db.close();
  });

  it('runs all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        up: (d) => d.exec('CREATE TABLE x (a); SELECT * FROM missing_table'),
      },
    ];
    expect(() => migrate(db, failing)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'documents'").get(),
    ).toEqual({ n: 0 });
  });

  it('refuses a database made by a newer Claimdesk, without changing it', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    newer.close();
    const before = readFileSync(file);
    expect(() => openWorkspaceDb(dir)).toThrow(WorkspaceError);
    expect(() => openWorkspaceDb(dir)).toThrow(/newer version of Claimdesk/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a damaged database and never writes to it', () => {
    const dir = tempDir();
    const db = openWorkspaceDb(dir);
    const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, \'"x"\')');
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}-${'x'.repeat(50)}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    // overwrite the middle of the file (b-tree pages) with garbage
    for (let i = 8192; i < 8192 + 4096 * 4 && i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(file, bytes);
    expect(() => openWorkspaceDb(dir)).toThrow(/damaged/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  });
});
