import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/**
 * Prepared statements kept per connection. better-sqlite3 compiles the SQL again on every
 * `db.prepare`, which costs more than running a small INSERT; a write path run once per record
 * (putClaim for each of 20,000 imported claims, its spans, subjects and tags) spent most of its
 * time compiling. Only for fixed SQL text: statements built from a variable WHERE clause would
 * fill the cache.
 *
 * The mode is part of the key because `.pluck()` and `.raw()` change the statement object itself:
 * two callers sharing one statement must agree on what it returns.
 */
type Mode = 'rows' | 'pluck' | 'raw';

const caches = new WeakMap<Db, Map<string, Statement>>();

export function cached(db: Db, sql: string, mode: Mode = 'rows'): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${mode}\u0000${sql}`;
  let statement = cache.get(key);
  if (!statement) {
    statement = db.prepare(sql);
    if (mode === 'pluck') statement.pluck();
    if (mode === 'raw') statement.raw();
    cache.set(key, statement);
  }
  return statement;
}
