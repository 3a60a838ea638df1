import type { Collection, CollectionId } from '../../shared/api-library';
import type { DocumentId } from '../../shared/model';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';
import type { Db } from './open';

/** Collections of documents: named, nestable, a document in any number of them. */

const SELECT = `SELECT c.id, c.name, c.parent_id,
  (SELECT count(*) FROM collection_documents m WHERE m.collection_id = c.id) AS document_count
  FROM collections c`;

interface Row {
  id: string;
  name: string;
  parent_id: string | null;
  document_count: number;
}

const toCollection = (r: Row): Collection => ({
  id: r.id as CollectionId,
  name: r.name,
  parentId: r.parent_id as CollectionId | null,
  documentCount: r.document_count,
});

export function listCollections(db: Db): Collection[] {
  return (db.prepare(`${SELECT} ORDER BY c.name COLLATE NOCASE, c.id`).all() as Row[]).map(
    toCollection,
  );
}

export function getCollection(db: Db, id: CollectionId): Collection {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('collection', id);
  return toCollection(row);
}

const taken = (name: string) =>
  new AppError('conflict', `There is already a collection named "${name}" here.`);

function isUniqueError(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}

export function createCollection(
  db: Db,
  name: string,
  parentId: CollectionId | null = null,
): Collection {
  if (parentId) getCollection(db, parentId);
  const id = newId<CollectionId>('col');
  try {
    db.prepare('INSERT INTO collections (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)').run(
      id,
      name,
      parentId,
      now(),
    );
  } catch (error) {
    if (isUniqueError(error)) throw taken(name);
    throw error;
  }
  return getCollection(db, id);
}

export function renameCollection(db: Db, id: CollectionId, name: string): Collection {
  getCollection(db, id);
  try {
    db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, id);
  } catch (error) {
    if (isUniqueError(error)) throw taken(name);
    throw error;
  }
  return getCollection(db, id);
}

export function deleteCollection(db: Db, id: CollectionId): void {
  getCollection(db, id);
  db.prepare('DELETE FROM collections WHERE id = ?').run(id);
}

export function collectionMembers(db: Db, id: CollectionId): DocumentId[] {
  getCollection(db, id);
  return db
    .prepare(
      'SELECT document_id FROM collection_documents WHERE collection_id = ? ORDER BY added_at, document_id',
    )
    .pluck()
    .all(id) as DocumentId[];
}

function requireDocuments(db: Db, ids: readonly DocumentId[]): void {
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const id of ids) if (!exists.get(id)) throw notFound('document', id);
}

export function addToCollection(
  db: Db,
  id: CollectionId,
  documentIds: readonly DocumentId[],
): void {
  db.transaction(() => {
    getCollection(db, id);
    requireDocuments(db, documentIds);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO collection_documents (collection_id, document_id, added_at) VALUES (?, ?, ?)',
    );
    const at = now();
    for (const d of documentIds) insert.run(id, d, at);
  })();
}

export function removeFromCollection(
  db: Db,
  id: CollectionId,
  documentIds: readonly DocumentId[],
): void {
  db.transaction(() => {
    getCollection(db, id);
    const remove = db.prepare(
      'DELETE FROM collection_documents WHERE collection_id = ? AND document_id = ?',
    );
    for (const d of documentIds) remove.run(id, d);
  })();
}

/** Moves documents from one collection (or none: just adds) to another, in one transaction. */
export function moveToCollection(
  db: Db,
  documentIds: readonly DocumentId[],
  from: CollectionId | null,
  to: CollectionId,
): void {
  db.transaction(() => {
    addToCollection(db, to, documentIds);
    if (from && from !== to) removeFromCollection(db, from, documentIds);
  })();
}
