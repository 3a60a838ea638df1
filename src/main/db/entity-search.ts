import type { EntitySearchHit } from '../../shared/api-entities';
import { indexEntity, rankEntities, type IndexedEntity } from '../../shared/rank-entities';
import { listEntities } from './entities';
import type { Db } from './open';

/*
 * The picker searches on every keystroke, and nothing is written between keystrokes: entities and
 * their folded names are kept until the connection writes anything (total_changes) or another
 * process commits (data_version).
 */
const cache = new WeakMap<Db, { signature: string; entries: IndexedEntity[] }>();

function indexed(db: Db): IndexedEntity[] {
  const { changes } = db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
  const signature = `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
  const hit = cache.get(db);
  if (hit?.signature === signature) return hit.entries;
  const entries = listEntities(db).map(indexEntity);
  cache.set(db, { signature, entries });
  return entries;
}

/**
 * Fuzzy search over names and aliases for the entity picker (see shared/fuzzy.ts for the ranking).
 * Entities with the same name all appear, so a researcher about to create a duplicate sees it.
 * A blank query finds nothing; the picker shows `entities.list` then.
 */
export function searchEntities(
  db: Db,
  input: { query: string; kind?: string; limit?: number },
): EntitySearchHit[] {
  return rankEntities(input.query, indexed(db), input.kind).slice(0, input.limit ?? 20);
}
