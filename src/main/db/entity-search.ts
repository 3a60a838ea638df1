import type { EntitySearchHit } from '../../shared/api-entities';
import { foldName, prepareQuery, scoreName, type Query } from '../../shared/fuzzy';
import type { Entity } from '../../shared/model';
import { listEntities } from './entities';
import type { Db } from './open';

/** The canonical name outranks an alias that matches equally well. */
const NAME_BONUS = 50;

interface Indexed {
  entity: Entity;
  /** folded name, then folded aliases */
  names: string[];
}

/*
 * The picker searches on every keystroke, and nothing is written between keystrokes: entities and
 * their folded names are kept until the connection writes anything (total_changes) or another
 * process commits (data_version).
 */
const cache = new WeakMap<Db, { signature: string; entries: Indexed[] }>();

function indexed(db: Db): Indexed[] {
  const { changes } = db.prepare('SELECT total_changes() AS changes').get() as { changes: number };
  const signature = `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
  const hit = cache.get(db);
  if (hit?.signature === signature) return hit.entries;
  const entries = listEntities(db).map((entity) => ({
    entity,
    names: [entity.name, ...entity.aliases].map(foldName),
  }));
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
  const q = prepareQuery(input.query);
  if (!q) return [];
  const hits: EntitySearchHit[] = [];
  for (const entry of indexed(db)) {
    if (input.kind && entry.entity.kind !== input.kind) continue;
    const best = bestName(entry, q);
    if (best) hits.push({ entity: entry.entity, ...best });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      a.entity.name.localeCompare(b.entity.name) ||
      a.entity.id.localeCompare(b.entity.id),
  );
  return hits.slice(0, input.limit ?? 20);
}

function bestName({ entity, names }: Indexed, q: Query): Omit<EntitySearchHit, 'entity'> | null {
  let best: Omit<EntitySearchHit, 'entity'> | null = null;
  names.forEach((name, i) => {
    const s = scoreName(q, name);
    if (!s) return;
    const score = s.score + (i === 0 ? NAME_BONUS : 0);
    if (!best || score > best.score)
      best = { matched: i === 0 ? entity.name : entity.aliases[i - 1]!, quality: s.quality, score };
  });
  return best;
}
