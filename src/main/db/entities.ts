import { z } from 'zod';
import { entityFields, entityId, type EntitySummary } from '../../shared/api-entities';
import { fold } from '../../shared/match-names';
import type { Entity, EntityId, ExternalIds } from '../../shared/model';
import { notFound } from '../errors';
import { newId, now } from '../ids';
import { registerSnapshotKind } from './history';
import { journaled, registerReader } from './journal';
import type { Db } from './open';
import { assertInVocabulary } from './vocabulary';
import { cached } from './statements';

interface EntityRow {
  id: string;
  kind: string;
  name: string;
  description: string;
  external_ids: string;
  created_at: string;
  updated_at: string;
  aliases: string | null; // JSON array from json_group_array
}

const SELECT_ENTITY = `SELECT e.*, (SELECT json_group_array(alias) FROM
  (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY position)) AS aliases
  FROM entities e`;

const toEntity = (r: EntityRow): Entity => ({
  id: r.id as EntityId,
  kind: r.kind,
  name: r.name,
  aliases: r.aliases ? (JSON.parse(r.aliases) as string[]) : [],
  description: r.description,
  externalIds: JSON.parse(r.external_ids) as ExternalIds,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listEntities(db: Db): Entity[] {
  return (
    db.prepare(`${SELECT_ENTITY} ORDER BY e.kind, e.name COLLATE NOCASE`).all() as EntityRow[]
  ).map(toEntity);
}

export function findEntity(db: Db, id: EntityId): Entity | null {
  const row = cached(db, `${SELECT_ENTITY} WHERE e.id = ?`).get(id) as EntityRow | undefined;
  return row ? toEntity(row) : null;
}

export function getEntity(db: Db, id: EntityId): Entity {
  const entity = findEntity(db, id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

/** Writes an entity exactly as given (insert or overwrite), aliases included. */
export function putEntity(db: Db, e: Entity): void {
  cached(
    db,
    `INSERT INTO entities (id, kind, name, description, external_ids, created_at, updated_at)
     VALUES (@id, @kind, @name, @description, @externalIds, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
       description = excluded.description, external_ids = excluded.external_ids,
       created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run({ ...e, externalIds: JSON.stringify(e.externalIds) });
  cached(db, 'DELETE FROM entity_aliases WHERE entity_id = ?').run(e.id);
  const insertAlias = cached(
    db,
    'INSERT OR IGNORE INTO entity_aliases (entity_id, alias, position) VALUES (?, ?, ?)',
  );
  e.aliases.forEach((alias, i) => insertAlias.run(e.id, alias, i));
}

/** A stored entity as undo writes it back: the API's field rules (an http(s) URL only, …). */
const storedEntity = z.object({ id: entityId, ...entityFields });

registerSnapshotKind('entity', {
  order: 10,
  put: (db, value) => putEntity(db, value as Entity),
  remove: (db, id) => db.prepare('DELETE FROM entities WHERE id = ?').run(id),
  documentsOf: () => [],
  problem: (value) => {
    const parsed = storedEntity.safeParse(value);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0]!;
    return `${issue.path.join('.') || 'entity'}: ${issue.message}`;
  },
});

registerReader('entity', (db, id) => findEntity(db, id as EntityId));

/**
 * Aliases as stored: trimmed, without repeats, and without spellings that fold to the name itself
 * (they would find nothing the name does not).
 */
export function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([fold(name.trim())]);
  const kept: string[] = [];
  for (const alias of aliases.map((a) => a.trim()).filter(Boolean)) {
    const key = fold(alias);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(alias);
  }
  return kept;
}

const COUNTS = `(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
  (SELECT count(*) FROM (SELECT c.id FROM claims c WHERE c.claimant_id = e.id
    UNION SELECT s.claim_id FROM claim_subjects s WHERE s.entity_id = e.id
    UNION SELECT c.id FROM claims c WHERE c.place_id = e.id)) AS claim_count`;

type SummaryRow = EntityRow & { mention_count: number; claim_count: number };

const toSummary = (r: SummaryRow): EntitySummary => ({
  ...toEntity(r),
  mentionCount: r.mention_count,
  claimCount: r.claim_count,
});

/**
 * Entities by kind (in the workspace's kind order) and name, with how often they are used. `query`
 * keeps those whose name or an alias contains it, ignoring case and diacritics.
 */
export function listEntitySummaries(
  db: Db,
  filter: { kind?: string; query?: string } = {},
): EntitySummary[] {
  const rows = db
    .prepare(
      `SELECT e.*, ${COUNTS}, (SELECT json_group_array(alias) FROM
         (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY position)) AS aliases
       FROM entities e
       LEFT JOIN vocabulary v ON v.list = 'entity_kind' AND v.value = e.kind
       WHERE (@kind IS NULL OR e.kind = @kind)
       ORDER BY coalesce(v.position, 1e9), e.kind, e.name COLLATE NOCASE, e.id`,
    )
    .all({ kind: filter.kind ?? null }) as SummaryRow[];
  const query = fold(filter.query?.trim() ?? '');
  const summaries = rows.map(toSummary);
  if (query === '') return summaries;
  return summaries.filter((e) => [e.name, ...e.aliases].some((n) => fold(n).includes(query)));
}

export function getEntitySummary(db: Db, id: EntityId): EntitySummary {
  const row = db
    .prepare(
      `SELECT e.*, ${COUNTS}, (SELECT json_group_array(alias) FROM
         (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY position)) AS aliases
       FROM entities e WHERE e.id = ?`,
    )
    .get(id) as SummaryRow | undefined;
  if (!row) throw notFound('entity', id);
  return toSummary(row);
}

export interface NewEntity {
  kind: string;
  name: string;
  aliases?: string[];
  description?: string;
  externalIds?: ExternalIds;
}

/** Creates an entity. Another entity of the same name is allowed (two people can share a name). */
export function createEntity(db: Db, input: NewEntity): Entity {
  return journaled(db, 'create entity', (journal) => {
    assertInVocabulary(db, 'entity_kind', input.kind);
    const at = now();
    const name = input.name.trim();
    const entity: Entity = {
      id: newId<EntityId>('ent'),
      kind: input.kind,
      name,
      aliases: cleanAliases(name, input.aliases ?? []),
      description: input.description?.trim() ?? '',
      externalIds: cleanExternalIds(input.externalIds ?? {}),
      createdAt: at,
      updatedAt: at,
    };
    journal.touch('entity', entity.id);
    putEntity(db, entity);
    return getEntity(db, entity.id);
  });
}

export type EntityPatch = Partial<
  Pick<Entity, 'kind' | 'name' | 'aliases' | 'description' | 'externalIds'>
>;

export function updateEntity(db: Db, id: EntityId, patch: EntityPatch): Entity {
  return journaled(db, 'edit entity', (journal) => {
    const before = getEntity(db, id);
    if (patch.kind !== undefined && patch.kind !== before.kind)
      assertInVocabulary(db, 'entity_kind', patch.kind);
    const name = patch.name?.trim() ?? before.name;
    const after: Entity = {
      ...before,
      kind: patch.kind ?? before.kind,
      name,
      aliases: cleanAliases(name, patch.aliases ?? before.aliases),
      description: patch.description?.trim() ?? before.description,
      externalIds: patch.externalIds ? cleanExternalIds(patch.externalIds) : before.externalIds,
      updatedAt: now(),
    };
    journal.touch('entity', id);
    putEntity(db, after);
    return getEntity(db, id);
  });
}

function cleanExternalIds(ids: ExternalIds): ExternalIds {
  const clean: ExternalIds = {};
  if (ids.wikidata?.trim()) clean.wikidata = ids.wikidata.trim();
  if (ids.url?.trim()) clean.url = ids.url.trim();
  return clean;
}
