import { z } from 'zod';
import { claimFilter, claimSort, type SavedFilter } from '../../shared/api-search';
import { now } from '../ids';
import type { Db } from './open';

/** What a saved filter stores: re-validated when read, so a filter saved by an older version still loads. */
const stored = z.object({ filter: claimFilter, sort: claimSort.nullable().default(null) });

interface Row {
  name: string;
  filter: string;
  created_at: string;
  updated_at: string;
}

/**
 * Saved filters of the claims table, by name (case-sensitive). A stored filter the current schema
 * no longer accepts is left out of the list rather than failing it.
 */
export function listSavedFilters(db: Db): SavedFilter[] {
  const rows = db
    .prepare('SELECT * FROM saved_filters ORDER BY name COLLATE NOCASE, name')
    .all() as Row[];
  return rows.flatMap((r) => {
    const parsed = stored.safeParse(JSON.parse(r.filter));
    if (!parsed.success) return [];
    return [{ name: r.name, ...parsed.data, createdAt: r.created_at, updatedAt: r.updated_at }];
  });
}

/** Saves (or replaces) a filter under a name. */
export function saveFilter(
  db: Db,
  input: { name: string; filter: SavedFilter['filter']; sort?: SavedFilter['sort'] },
): SavedFilter {
  const at = now();
  db.prepare(
    `INSERT INTO saved_filters (name, filter, created_at, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET filter = excluded.filter, updated_at = excluded.updated_at`,
  ).run(input.name, JSON.stringify({ filter: input.filter, sort: input.sort ?? null }), at, at);
  return listSavedFilters(db).find((f) => f.name === input.name)!;
}

export function deleteFilter(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM saved_filters WHERE name = ?').run(name).changes > 0;
}
