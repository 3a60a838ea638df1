import type { Collection, CollectionId } from '../../shared/api-library';
import type { DocumentId } from '../../shared/model';
import { LIMITS } from '../../shared/limits';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';
import { recordAction, registerSnapshotKind, type Snapshot } from './history';
import type { Db } from './open';

/**
 * Collections of documents: named, nestable, a document in any number of them. Every change is one
 * undoable step: the journal holds the collections rows and the memberships it changed, before and
 * after (kinds 'collection' and 'collection-document', registered below).
 */

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

interface CollectionRecord {
  id: string;
  name: string;
  parentId: string | null;
  createdAt: string;
}

interface Membership {
  collectionId: string;
  documentId: string;
  addedAt: string;
}

function recordOf(db: Db, id: string): CollectionRecord {
  const row = db
    .prepare(
      'SELECT id, name, parent_id AS parentId, created_at AS createdAt FROM collections WHERE id = ?',
    )
    .get(id) as CollectionRecord | undefined;
  if (!row) throw notFound('collection', id);
  return row;
}

const collectionSnapshot = (id: string, value: CollectionRecord | null): Snapshot => ({
  kind: 'collection',
  id,
  value,
});
const membershipSnapshot = (
  collectionId: string,
  documentId: string,
  value: Membership | null,
): Snapshot => ({ kind: 'collection-document', id: `${collectionId}/${documentId}`, value });

// an upsert, not INSERT OR REPLACE: replacing the row would cascade away its sub-collections
function putCollection(db: Db, c: CollectionRecord): void {
  db.prepare(
    `INSERT INTO collections (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id,
       created_at = excluded.created_at`,
  ).run(c.id, c.name, c.parentId, c.createdAt);
}

registerSnapshotKind('collection', {
  // before the memberships; parents before children comes from the order snapshots are listed in
  order: 1,
  put: (db, value) => putCollection(db, value as CollectionRecord),
  remove: (db, id) => db.prepare('DELETE FROM collections WHERE id = ?').run(id),
  documentsOf: () => [],
  problem: (value) => {
    const c = value as Partial<CollectionRecord>;
    if (typeof c.name !== 'string' || c.name.trim() === '' || c.name.length > LIMITS.maxNameChars)
      return 'name: not a collection name';
    if (c.parentId !== null && typeof c.parentId !== 'string') return 'parentId: not an id';
    if (typeof c.createdAt !== 'string') return 'createdAt: missing';
    return null;
  },
});

registerSnapshotKind('collection-document', {
  order: 2,
  // a document gone for good (emptied from the trash) cannot be a member again; the rest of the
  // step still is
  put: (db, value) => {
    const m = value as Membership;
    db.prepare(
      `INSERT OR REPLACE INTO collection_documents (collection_id, document_id, added_at)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?)`,
    ).run(m.collectionId, m.documentId, m.addedAt, m.documentId);
  },
  remove: (db, id) => {
    const slash = id.indexOf('/');
    db.prepare('DELETE FROM collection_documents WHERE collection_id = ? AND document_id = ?').run(
      id.slice(0, slash),
      id.slice(slash + 1),
    );
  },
  documentsOf: () => [],
  problem: (value) => {
    const m = value as Partial<Membership>;
    if (typeof m.collectionId !== 'string' || typeof m.documentId !== 'string')
      return 'collectionId, documentId: missing';
    if (typeof m.addedAt !== 'string') return 'addedAt: missing';
    return null;
  },
});

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function createCollection(
  db: Db,
  name: string,
  parentId: CollectionId | null = null,
): Collection {
  return db.transaction(() => {
    if (parentId) getCollection(db, parentId);
    const id = newId<CollectionId>('col');
    try {
      db.prepare(
        'INSERT INTO collections (id, name, parent_id, created_at) VALUES (?, ?, ?, ?)',
      ).run(id, name, parentId, now());
    } catch (error) {
      if (isUniqueError(error)) throw taken(name);
      throw error;
    }
    recordAction(
      db,
      `Create collection "${name}"`,
      [collectionSnapshot(id, null)],
      [collectionSnapshot(id, recordOf(db, id))],
    );
    return getCollection(db, id);
  })();
}

export function renameCollection(db: Db, id: CollectionId, name: string): Collection {
  return db.transaction(() => {
    const before = recordOf(db, id);
    if (before.name === name) return getCollection(db, id);
    try {
      db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(name, id);
    } catch (error) {
      if (isUniqueError(error)) throw taken(name);
      throw error;
    }
    recordAction(
      db,
      `Rename collection "${before.name}" to "${name}"`,
      [collectionSnapshot(id, before)],
      [collectionSnapshot(id, recordOf(db, id))],
    );
    return getCollection(db, id);
  })();
}

/** Deletes a collection with its sub-collections; undo puts them all back with their members. */
export function deleteCollection(db: Db, id: CollectionId): void {
  db.transaction(() => {
    const top = recordOf(db, id);
    // parents first, as undo writes them back in this order
    const tree = db
      .prepare(
        `WITH RECURSIVE tree(id, depth) AS (
           SELECT ?, 0 UNION ALL
           SELECT c.id, t.depth + 1 FROM collections c JOIN tree t ON c.parent_id = t.id)
         SELECT c.id, c.name, c.parent_id AS parentId, c.created_at AS createdAt
         FROM tree JOIN collections c USING (id) ORDER BY tree.depth, c.id`,
      )
      .all(id) as CollectionRecord[];
    const members = db
      .prepare(
        `SELECT collection_id AS collectionId, document_id AS documentId, added_at AS addedAt
         FROM collection_documents WHERE collection_id IN (SELECT value FROM json_each(?))
         ORDER BY collection_id, document_id`,
      )
      .all(JSON.stringify(tree.map((c) => c.id))) as Membership[];
    db.prepare('DELETE FROM collections WHERE id = ?').run(id);
    recordAction(
      db,
      `Delete collection "${top.name}"`,
      [
        ...tree.map((c) => collectionSnapshot(c.id, c)),
        ...members.map((m) => membershipSnapshot(m.collectionId, m.documentId, m)),
      ],
      tree.map((c) => collectionSnapshot(c.id, null)),
    );
  })();
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

interface Change {
  before: Snapshot[];
  after: Snapshot[];
}

/** Adds the documents not yet in the collection; what changed, for the journal. */
function add(db: Db, id: CollectionId, documentIds: readonly DocumentId[], change: Change): void {
  getCollection(db, id);
  requireDocuments(db, documentIds);
  const member = db.prepare(
    'SELECT 1 FROM collection_documents WHERE collection_id = ? AND document_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO collection_documents (collection_id, document_id, added_at) VALUES (?, ?, ?)',
  );
  const at = now();
  for (const d of new Set(documentIds)) {
    if (member.get(id, d)) continue;
    insert.run(id, d, at);
    change.before.push(membershipSnapshot(id, d, null));
    change.after.push(membershipSnapshot(id, d, { collectionId: id, documentId: d, addedAt: at }));
  }
}

function remove(
  db: Db,
  id: CollectionId,
  documentIds: readonly DocumentId[],
  change: Change,
): void {
  getCollection(db, id);
  const member = db.prepare(
    `SELECT collection_id AS collectionId, document_id AS documentId, added_at AS addedAt
     FROM collection_documents WHERE collection_id = ? AND document_id = ?`,
  );
  const drop = db.prepare(
    'DELETE FROM collection_documents WHERE collection_id = ? AND document_id = ?',
  );
  for (const d of new Set(documentIds)) {
    const m = member.get(id, d) as Membership | undefined;
    if (!m) continue;
    drop.run(id, d);
    change.before.push(membershipSnapshot(id, d, m));
    change.after.push(membershipSnapshot(id, d, null));
  }
}

/** One journal step for a membership change, unless nothing changed (no empty undo steps). */
function recordChange(db: Db, label: string, change: Change): void {
  if (change.before.length > 0) recordAction(db, label, change.before, change.after);
}

const documentCount = (ids: readonly DocumentId[]) => plural(new Set(ids).size, 'document');

export function addToCollection(
  db: Db,
  id: CollectionId,
  documentIds: readonly DocumentId[],
): void {
  db.transaction(() => {
    const change: Change = { before: [], after: [] };
    add(db, id, documentIds, change);
    const { name } = recordOf(db, id);
    recordChange(db, `Add ${documentCount(documentIds)} to "${name}"`, change);
  })();
}

export function removeFromCollection(
  db: Db,
  id: CollectionId,
  documentIds: readonly DocumentId[],
): void {
  db.transaction(() => {
    const change: Change = { before: [], after: [] };
    remove(db, id, documentIds, change);
    const { name } = recordOf(db, id);
    recordChange(db, `Remove ${documentCount(documentIds)} from "${name}"`, change);
  })();
}

/** Moves documents from one collection (or none: just adds) to another, as one undoable step. */
export function moveToCollection(
  db: Db,
  documentIds: readonly DocumentId[],
  from: CollectionId | null,
  to: CollectionId,
): void {
  db.transaction(() => {
    const change: Change = { before: [], after: [] };
    add(db, to, documentIds, change);
    if (from && from !== to) remove(db, from, documentIds, change);
    const { name } = recordOf(db, to);
    recordChange(db, `${from ? 'Move' : 'Add'} ${documentCount(documentIds)} to "${name}"`, change);
  })();
}
