import { createHash } from 'node:crypto';
import type { Db } from '../db/open';

interface TableInfo {
  name: string;
  sql: string | null;
}

/**
 * SHA-256 of the workspace's logical content: the schema, `user_version`, and every row of every
 * table (shadow tables of full-text indexes included), each table ordered by its primary key (or
 * rowid). Nothing user-visible is left out, so "checksum unchanged" means "nothing was stored".
 * Every value is hashed with a type tag and a length, so adjacent values cannot run together and
 * 1, '1' and x'31' differ.
 */
export function workspaceChecksum(db: Db): string {
  const hash = createHash('sha256');
  hash.update(`user_version=${String(db.pragma('user_version', { simple: true }))}\n`);
  const objects = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name`,
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  for (const o of objects)
    hash.update(`schema\0${o.type}\0${o.name}\0${o.tbl_name}\0${o.sql ?? ''}\n`);

  const tables = (
    db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as TableInfo[]
  )
    // a virtual table's rows live in its shadow tables, which are listed (and hashed) themselves
    .filter((t) => !/^\s*CREATE\s+VIRTUAL\s/i.test(t.sql ?? ''));
  for (const table of tables) {
    hash.update(`table\0${table.name}\n`);
    const quoted = `"${table.name.replace(/"/g, '""')}"`;
    const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table.name) as {
      name: string;
      pk: number;
    }[];
    const pk = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => `"${c.name.replace(/"/g, '""')}"`);
    const withoutRowid = /WITHOUT\s+ROWID/i.test(table.sql ?? '');
    const order = pk.length > 0 ? pk.join(', ') : withoutRowid ? '1' : 'rowid';
    const select = columns.map((c) => `"${c.name.replace(/"/g, '""')}"`).join(', ');
    const statement = db.prepare(`SELECT ${select} FROM ${quoted} ORDER BY ${order}`).raw(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      for (const value of row) hashValue(hash, value);
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

function hashValue(hash: ReturnType<typeof createHash>, value: unknown): void {
  if (value === null) hash.update('N;');
  else if (Buffer.isBuffer(value)) {
    hash.update(`B${value.length}:`);
    hash.update(value);
  } else if (typeof value === 'bigint') hash.update(`I${value};`);
  else if (typeof value === 'number')
    hash.update(`${Number.isInteger(value) ? 'I' : 'R'}${value};`);
  else {
    const text = String(value);
    hash.update(`T${Buffer.byteLength(text)}:`);
    hash.update(text);
  }
}
