import type { Entity, EntityId, ExternalIds } from '../../shared/model';
import { notFound } from '../errors';
import { registerSnapshotKind } from './history';
import type { Db } from './open';

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
  (SELECT alias FROM entity_aliases a WHERE a.entity_id = e.id ORDER BY alias)) AS aliases
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
  return (db.prepare(`${SELECT_ENTITY} ORDER BY e.kind, e.name COLLATE NOCASE`).all() as EntityRow[]).map(
    toEntity,
  );
}

export function findEntity(db: Db, id: EntityId): Entity | null {
  const row = db.prepare(`${SELECT_ENTITY} WHERE e.id = ?`).get(id) as EntityRow | undefined;
  return row ? toEntity(row) : null;
}

export function getEntity(db: Db, id: EntityId): Entity {
  const entity = findEntity(db, id);
  if (!entity) throw notFound('entity', id);
  return entity;
}

/** Writes an entity exactly as given (insert or overwrite), aliases included. */
export function putEntity(db: Db, e: Entity): void {
  db.prepare(
    `INSERT INTO entities (id, kind, name, description, external_ids, created_at, updated_at)
     VALUES (@id, @kind, @name, @description, @externalIds, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
       description = excluded.description, external_ids = excluded.external_ids,
       created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run({ ...e, externalIds: JSON.stringify(e.externalIds) });
  db.prepare('DELETE FROM entity_aliases WHERE entity_id = ?').run(e.id);
  const insertAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)');
  for (const alias of e.aliases) insertAlias.run(e.id, alias);
}

registerSnapshotKind('entity', {
  order: 10,
  put: (db, value) => putEntity(db, value as Entity),
  remove: (db, id) => db.prepare('DELETE FROM entities WHERE id = ?').run(id),
  documentsOf: () => [],
});
