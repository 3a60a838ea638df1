import type {
  CollectionId,
  Notebook,
  NotebookId,
  NotebookSaved,
  NotebookSummary,
} from '../../shared/api-notebooks';
import type { DocumentId, EntityId } from '../../shared/model';
import {
  emptyNotebookContent,
  notebookPlainText,
  parseNotebookContent,
} from '../../shared/notebook-json';
import { getDocument } from '../db/documents';
import { getEntity } from '../db/entities';
import { registerSnapshotKind } from '../db/history';
import { journaled, registerReader } from '../db/journal';
import type { Db } from '../db/open';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';

/**
 * Notebooks in SQLite (schema: migrations/0005-notebooks.ts). Every write is one transaction, so a
 * save the caller saw acknowledged is on disk (synchronous=FULL) and survives a crash.
 *
 * Content edits are not in the undo journal: the editor has its own undo while it is open, and a
 * journaled autosave every few seconds would drown the researcher's other actions. Deleting a
 * notebook is journaled (history.undo brings it back whole), and so are its ties when an entity
 * it names is deleted or merged.
 */

const SUMMARY_COLUMNS = `id, title, entity_id, document_id, collection_id, revision, created_at, updated_at`;

interface SummaryRow {
  id: string;
  title: string;
  entity_id: string | null;
  document_id: string | null;
  collection_id: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
}

const toSummary = (r: SummaryRow): NotebookSummary => ({
  id: r.id as NotebookId,
  title: r.title,
  entityId: r.entity_id as EntityId | null,
  documentId: r.document_id as DocumentId | null,
  collectionId: r.collection_id as CollectionId | null,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NotebookFilter {
  entityId?: EntityId;
  documentId?: DocumentId;
  collectionId?: CollectionId;
}

export function listNotebooks(db: Db, filter: NotebookFilter = {}): NotebookSummary[] {
  const where: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['entity_id', filter.entityId],
    ['document_id', filter.documentId],
    ['collection_id', filter.collectionId],
  ] as const) {
    if (value) {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM notebooks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY updated_at DESC, id`,
    )
    .all(...params) as SummaryRow[];
  return rows.map(toSummary);
}

export function findNotebook(db: Db, id: string): Notebook | null {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, content FROM notebooks WHERE id = ?`)
    .get(id) as (SummaryRow & { content: string }) | undefined;
  return row ? { ...toSummary(row), content: row.content } : null;
}

export function getNotebook(db: Db, id: NotebookId): Notebook {
  const notebook = findNotebook(db, id);
  if (!notebook) throw notFound('notebook', id);
  return notebook;
}

function getSummary(db: Db, id: string): NotebookSummary {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM notebooks WHERE id = ?`).get(id) as
    SummaryRow | undefined;
  if (!row) throw notFound('notebook', id);
  return toSummary(row);
}

/** The checked content and its plain text; bad content is refused with what is wrong. */
function checkContent(content: string): { content: string; text: string } {
  try {
    const { root } = parseNotebookContent(content);
    return { content, text: notebookPlainText(root) };
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `The notebook was not saved: ${(error as Error).message}. What was stored before is unchanged.`,
    );
  }
}

export interface NotebookTies {
  entityId?: EntityId | null;
  documentId?: DocumentId | null;
  collectionId?: CollectionId | null;
}

/** Each tie names something that exists (not_found otherwise). */
function checkTies(db: Db, ties: NotebookTies): void {
  if (ties.entityId) getEntity(db, ties.entityId);
  if (ties.documentId) getDocument(db, ties.documentId);
  if (ties.collectionId) {
    const hasCollections = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'collections'")
      .get();
    const exists =
      hasCollections && db.prepare('SELECT 1 FROM collections WHERE id = ?').get(ties.collectionId);
    if (!exists) throw notFound('collection', ties.collectionId);
  }
}

export interface NewNotebook extends NotebookTies {
  title: string;
  content?: string;
}

export function createNotebook(db: Db, input: NewNotebook): Notebook {
  const { content, text } = checkContent(input.content ?? emptyNotebookContent());
  return db.transaction(() => {
    checkTies(db, input);
    const id = newId<NotebookId>('nbk');
    const at = now();
    db.prepare(
      `INSERT INTO notebooks (id, title, entity_id, document_id, collection_id, revision,
         created_at, updated_at, text, content) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    ).run(
      id,
      input.title,
      input.entityId ?? null,
      input.documentId ?? null,
      input.collectionId ?? null,
      at,
      at,
      text,
      content,
    );
    return getNotebook(db, id);
  })();
}

/**
 * Stores a new content for the notebook: one transaction, answered only after it committed. A save
 * based on an older revision than the stored one is refused (conflict), never merged blindly.
 */
export function saveNotebook(
  db: Db,
  input: { id: NotebookId; baseRevision: number; content: string },
): NotebookSaved {
  const { content, text } = checkContent(input.content);
  return db.transaction(() => {
    const current = getSummary(db, input.id);
    if (current.revision !== input.baseRevision) {
      throw new AppError(
        'conflict',
        `"${current.title}" was saved elsewhere (revision ${current.revision}, this editor has ${input.baseRevision}). ` +
          'Reopen it to see the latest; nothing was overwritten.',
      );
    }
    const saved = { revision: current.revision + 1, updatedAt: now() };
    db.prepare(
      'UPDATE notebooks SET content = ?, text = ?, revision = ?, updated_at = ? WHERE id = ?',
    ).run(content, text, saved.revision, saved.updatedAt, input.id);
    forgetRedoOf(db, input.id);
    return saved;
  })();
}

/**
 * A notebook restored by undo and then edited must not be deleted again by a redo that would
 * bring back only the older version: its pending redo steps go, as any new action clears redo.
 */
function forgetRedoOf(db: Db, id: NotebookId): void {
  db.prepare(
    `DELETE FROM history WHERE undone = 1 AND instr(before, ?) > 0 AND instr(before, '"kind":"notebook"') > 0`,
  ).run(`"id":"${id}"`);
}

/** Title and ties; the content's revision stays, so an open editor's next save still applies. */
export function updateNotebook(
  db: Db,
  id: NotebookId,
  patch: NotebookTies & { title?: string },
): NotebookSummary {
  return db.transaction(() => {
    const before = getSummary(db, id);
    checkTies(db, patch);
    const next = {
      title: patch.title ?? before.title,
      entityId: patch.entityId === undefined ? before.entityId : patch.entityId,
      documentId: patch.documentId === undefined ? before.documentId : patch.documentId,
      collectionId: patch.collectionId === undefined ? before.collectionId : patch.collectionId,
    };
    db.prepare(
      `UPDATE notebooks SET title = ?, entity_id = ?, document_id = ?, collection_id = ?,
         updated_at = ? WHERE id = ?`,
    ).run(next.title, next.entityId, next.documentId, next.collectionId, now(), id);
    return getSummary(db, id);
  })();
}

export function deleteNotebook(db: Db, id: NotebookId): NotebookSummary {
  return journaled(db, 'delete notebook', (journal) => {
    const summary = getSummary(db, id);
    journal.touch('notebook', id);
    db.prepare('DELETE FROM notebooks WHERE id = ?').run(id);
    return summary;
  });
}

/** Notebooks tied to an entity (deleting or merging the entity journals their ties). */
export function notebooksTiedTo(db: Db, entityId: EntityId): NotebookId[] {
  return db
    .prepare('SELECT id FROM notebooks WHERE entity_id = ?')
    .pluck()
    .all(entityId) as NotebookId[];
}

// ------------------------------------------------------------------ undo and redo

function putNotebook(db: Db, n: Notebook): void {
  const { text } = checkContent(n.content);
  db.prepare(
    `INSERT INTO notebooks (id, title, entity_id, document_id, collection_id, revision, created_at,
       updated_at, text, content) VALUES (@id, @title, @entityId, @documentId, @collectionId,
       @revision, @createdAt, @updatedAt, @text, @content)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, entity_id = excluded.entity_id,
       document_id = excluded.document_id, collection_id = excluded.collection_id,
       revision = excluded.revision, created_at = excluded.created_at,
       updated_at = excluded.updated_at, text = excluded.text, content = excluded.content`,
  ).run({ ...n, text });
}

// after entities (order 10) and documents, so the ties' foreign keys hold when written back
registerSnapshotKind('notebook', {
  order: 40,
  put: (db, value) => putNotebook(db, value as Notebook),
  remove: (db, id) => db.prepare('DELETE FROM notebooks WHERE id = ?').run(id),
  documentsOf: () => [],
});
registerReader('notebook', (db, id) => findNotebook(db, id));

/**
 * A notebook's ties alone: an undone entity delete re-ties the notebook without touching what was
 * written in it since.
 */
interface Ties {
  id: string;
  entityId: string | null;
  documentId: string | null;
  collectionId: string | null;
}
registerSnapshotKind('notebook_ties', {
  order: 40,
  put: (db, value) => {
    const t = value as Ties;
    db.prepare(
      'UPDATE notebooks SET entity_id = ?, document_id = ?, collection_id = ? WHERE id = ?',
    ).run(t.entityId, t.documentId, t.collectionId, t.id);
  },
  // the notebook itself is not this kind's to remove
  remove: () => {},
  documentsOf: () => [],
});
registerReader('notebook_ties', (db, id) => {
  const row = db
    .prepare(
      'SELECT id, entity_id AS entityId, document_id AS documentId, collection_id AS collectionId FROM notebooks WHERE id = ?',
    )
    .get(id) as Ties | undefined;
  return row ?? null;
});
