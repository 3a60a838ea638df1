/**
 * Entities ranked for a typed query, and which one a picker may take without being asked. Pure and
 * shared: the backend's `entities.search` ranks with it, and the table-driven test in
 * rank-entities.test.ts pins what a researcher gets for real queries (Reuters, EIU, Halimov…).
 */
import type { EntitySearchHit } from './api-entities';
import { foldName, isStrong, prepareQuery, scoreName, type Query } from './fuzzy';
import type { Entity } from './model';

/** The canonical name outranks an alias that matches equally well. */
const NAME_BONUS = 50;

export interface IndexedEntity {
  entity: Entity;
  /** folded name, then folded aliases */
  names: string[];
}

export const indexEntity = (entity: Entity): IndexedEntity => ({
  entity,
  names: [entity.name, ...entity.aliases].map(foldName),
});

/** Every entity whose name or an alias matches, best first (ties by name, then id: stable). */
export function rankEntities(
  query: string,
  entries: Iterable<IndexedEntity>,
  kind?: string,
): EntitySearchHit[] {
  const q = prepareQuery(query);
  if (!q) return [];
  const hits: EntitySearchHit[] = [];
  for (const entry of entries) {
    if (kind && entry.entity.kind !== kind) continue;
    const best = bestName(entry, q);
    if (best) hits.push({ entity: entry.entity, ...best });
  }
  return hits.sort(
    (a, b) =>
      b.score - a.score ||
      a.entity.name.localeCompare(b.entity.name) ||
      a.entity.id.localeCompare(b.entity.id),
  );
}

function bestName(
  { entity, names }: IndexedEntity,
  q: Query,
): Omit<EntitySearchHit, 'entity'> | null {
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

/**
 * The hit Enter or Tab takes when the researcher has not moved through the list: the best one if it
 * is a strong match (exact, prefix, word prefix, close spelling), otherwise none (-1). A weak match
 * is shown but must be picked by hand, and "Create new" is never taken on its own.
 */
export const defaultPick = (hits: readonly Pick<EntitySearchHit, 'quality'>[]): number =>
  hits[0] && isStrong(hits[0].quality) ? 0 : -1;
