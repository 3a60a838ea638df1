import type { DocumentId } from '../../shared/model';
import type { TrashCounts, TrashEntry } from '../../shared/api-library';
import { AppError, notFound } from '../errors';
import { now } from '../ids';
import { bundleTables } from '../bundle';
import type { Provenance } from '../../shared/csl';
import { recordAction, registerSnapshotKind } from './history';
import { sourceIsCurated } from './sources';
import type { Db } from './open';

/**
 * Moving documents to the trash and back (see migration trash-collections for the layout).
 *
 * What goes with a document is found from the schema, not listed here: every row reachable from its
 * documents row through foreign keys declared ON DELETE CASCADE (claims → passages, subjects, tags,
 * relations; mentions; page maps; collection memberships; tables later issues add). Deleting the
 * documents row then removes exactly those rows (SQLite cascades the same keys), and the search
 * index follows through its triggers. Restoring inserts the rows back parents first; a row whose
 * other parent vanished meanwhile (a relation to a claim of a document deleted since, an entity
 * deleted since) is handled as its foreign key says: SET NULL columns are cleared, CASCADE rows
 * dropped, exactly as if that parent had been deleted while the document was in the library.
 */

type Rows = Record<string, { columns: string[]; rows: unknown[][] }>;

interface ForeignKey {
  child: string;
  parent: string;
  from: string;
  to: string;
}

/** Cascading foreign keys of the content tables, by parent table. */
function cascades(db: Db): Map<string, ForeignKey[]> {
  const out = new Map<string, ForeignKey[]>();
  for (const child of bundleTables(db)) {
    const keys = db.pragma(`foreign_key_list("${child}")`) as {
      table: string;
      from: string;
      to: string | null;
      on_delete: string;
    }[];
    for (const key of keys) {
      if (key.on_delete.toUpperCase() !== 'CASCADE' || !key.to) continue;
      const list = out.get(key.table) ?? [];
      list.push({ child, parent: key.table, from: key.from, to: key.to });
      out.set(key.table, list);
    }
  }
  return out;
}

/** Every row that goes with the document, by table, parents first. */
function capture(db: Db, id: DocumentId): Rows {
  const keys = cascades(db);
  const seen = new Map<string, Map<number, Record<string, unknown>>>();
  const add = (table: string, rows: Record<string, unknown>[]) => {
    const known = seen.get(table) ?? new Map<number, Record<string, unknown>>();
    seen.set(table, known);
    const fresh = rows.filter((r) => !known.has(r.__rowid as number));
    for (const r of fresh) known.set(r.__rowid as number, r);
    return fresh;
  };
  const queue: [string, Record<string, unknown>[]][] = [
    ['documents', add('documents', rowsWhere(db, 'documents', 'id', [id]))],
  ];
  while (queue.length > 0) {
    const [table, rows] = queue.shift()!;
    for (const key of keys.get(table) ?? []) {
      const values = rows.map((r) => r[key.to]);
      const found = add(key.child, rowsWhere(db, key.child, key.from, values));
      if (found.length > 0) queue.push([key.child, found]);
    }
  }
  const out: Rows = {};
  for (const table of bundleTables(db)) {
    const rows = [...(seen.get(table)?.values() ?? [])];
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]!).filter((c) => c !== '__rowid');
    out[table] = { columns, rows: rows.map((r) => columns.map((c) => encode(r[c]))) };
  }
  return out;
}

function rowsWhere(db: Db, table: string, column: string, values: unknown[]) {
  if (values.length === 0) return [];
  return db
    .prepare(
      `SELECT rowid AS __rowid, * FROM "${table}" WHERE "${column}" IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(values)) as Record<string, unknown>[];
}

// page maps and other BLOB columns survive JSON as base64
const encode = (v: unknown) =>
  v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v;
const decode = (v: unknown) =>
  v && typeof v === 'object' && '$bytes' in v
    ? Buffer.from((v as { $bytes: string }).$bytes, 'base64')
    : v;

const countsOf = (rows: Rows): TrashCounts => ({
  claims: rows.claims?.rows.length ?? 0,
  mentions: rows.mentions?.rows.length ?? 0,
  relations: rows.claim_relations?.rows.length ?? 0,
});

function moveToTrash(db: Db, id: DocumentId): void {
  const rows = capture(db, id);
  const doc = db
    .prepare("SELECT sha256, json_extract(meta, '$.title') AS title FROM documents WHERE id = ?")
    .get(id) as { sha256: string; title: string } | undefined;
  if (!doc) throw notFound('document', id);
  db.prepare(
    'INSERT INTO trash (document_id, title, sha256, trashed_at, counts, content) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, doc.title, doc.sha256, now(), JSON.stringify(countsOf(rows)), JSON.stringify(rows));
  db.prepare('DELETE FROM documents WHERE id = ?').run(id);
}

function restoreFromTrash(db: Db, id: DocumentId): void {
  const entry = db
    .prepare('SELECT sha256, title, content FROM trash WHERE document_id = ?')
    .get(id) as { sha256: string; title: string; content: string } | undefined;
  if (!entry) throw new AppError('not_found', `No document with id ${id} is in the trash.`);
  const twin = db
    .prepare("SELECT json_extract(meta, '$.title') FROM documents WHERE sha256 = ?")
    .pluck()
    .get(entry.sha256) as string | undefined;
  if (twin !== undefined) {
    throw new AppError(
      'conflict',
      `"${entry.title}" cannot come back from the trash: the same file is in the library as "${twin}". ` +
        'Move that one to the trash first, or keep it and empty this one.',
    );
  }
  const rows = JSON.parse(entry.content) as Rows;
  db.pragma('defer_foreign_keys = ON');
  for (const table of bundleTables(db)) {
    const part = rows[table];
    if (!part) continue;
    const insert = db.prepare(
      `INSERT INTO "${table}" (${part.columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${part.columns.map(() => '?').join(', ')})`,
    );
    for (const row of part.rows) insert.run(row.map(decode));
  }
  db.prepare('DELETE FROM trash WHERE document_id = ?').run(id);
}

/** Applies ON DELETE to rows whose parent is gone, until nothing refers to a missing row. */
function settleForeignKeys(db: Db): void {
  for (let round = 0; round < 10; round++) {
    const violations = db.pragma('foreign_key_check') as {
      table: string;
      rowid: number;
      fkid: number;
    }[];
    if (violations.length === 0) return;
    for (const v of violations) {
      const key = (
        db.pragma(`foreign_key_list("${v.table}")`) as {
          id: number;
          from: string;
          on_delete: string;
        }[]
      ).find((k) => k.id === v.fkid)!;
      if (key.on_delete.toUpperCase() === 'SET NULL')
        db.prepare(`UPDATE "${v.table}" SET "${key.from}" = NULL WHERE rowid = ?`).run(v.rowid);
      else db.prepare(`DELETE FROM "${v.table}" WHERE rowid = ?`).run(v.rowid);
    }
  }
  throw new Error('restoring from the trash left rows that refer to missing records');
}

/**
 * Where an action's documents are, as the undo journal records it: in the library or in the trash.
 * One snapshot holds them all, because they come back together: a relation between two of them
 * needs both ends in place before the foreign keys are settled.
 */
interface Location {
  ids: DocumentId[];
  in: 'library' | 'trash';
}

function place(db: Db, location: Location): void {
  for (const id of location.ids) {
    const inTrash = db.prepare('SELECT 1 FROM trash WHERE document_id = ?').get(id);
    const inLibrary = db.prepare('SELECT 1 FROM documents WHERE id = ?').get(id);
    if (location.in === 'trash' && inLibrary) moveToTrash(db, id);
    else if (location.in === 'library' && inTrash) restoreFromTrash(db, id);
    else if (!inTrash && !inLibrary) {
      throw new AppError(
        'not_found',
        `Document ${id} was removed from the trash for good, so this cannot be undone.`,
      );
    }
  }
  settleForeignKeys(db);
}

registerSnapshotKind('document-location', {
  order: 0,
  put: (db, value) => place(db, value as Location),
  remove: () => {},
  documentsOf: (_db, value) => (value as Location).ids,
});

const locationOf = (ids: DocumentId[], where: Location['in']) => ({
  kind: 'document-location',
  id: ids.join(','),
  value: { ids, in: where } satisfies Location,
});

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Moves documents to the trash, as one undoable action. */
export function trashDocuments(db: Db, ids: readonly DocumentId[]): TrashCounts {
  return db.transaction(() => {
    const total: TrashCounts = { claims: 0, mentions: 0, relations: 0 };
    for (const id of new Set(ids)) {
      moveToTrash(db, id);
      const counts = JSON.parse(
        db.prepare('SELECT counts FROM trash WHERE document_id = ?').pluck().get(id) as string,
      ) as TrashCounts;
      total.claims += counts.claims;
      total.mentions += counts.mentions;
      total.relations += counts.relations;
    }
    const unique = [...new Set(ids)];
    recordAction(
      db,
      `Move ${plural(unique.length, 'document')} to the trash`,
      [locationOf(unique, 'library')],
      [locationOf(unique, 'trash')],
    );
    return total;
  })();
}

/** Puts documents back from the trash, as one undoable action. */
export function restoreDocuments(db: Db, ids: readonly DocumentId[]): void {
  db.transaction(() => {
    const unique = [...new Set(ids)];
    for (const id of unique) restoreFromTrash(db, id);
    settleForeignKeys(db);
    recordAction(
      db,
      `Restore ${plural(unique.length, 'document')} from the trash`,
      [locationOf(unique, 'trash')],
      [locationOf(unique, 'library')],
    );
  })();
}

export function listTrash(db: Db): TrashEntry[] {
  const rows = db
    .prepare(
      `SELECT t.document_id, t.title, t.trashed_at, t.counts, f.sha256
       FROM trash t JOIN document_files f USING (sha256) ORDER BY t.trashed_at DESC, t.document_id`,
    )
    .all() as {
    document_id: string;
    title: string;
    trashed_at: string;
    counts: string;
    sha256: string;
  }[];
  return rows.map((r) => ({
    documentId: r.document_id as DocumentId,
    title: r.title,
    trashedAt: r.trashed_at,
    sha256: r.sha256,
    ...(JSON.parse(r.counts) as TrashCounts),
  }));
}

/**
 * Removes documents from the trash for good (all of it without ids): their rows, and the file
 * store's row for each original nothing else names. The files themselves go with the next
 * collection that finds no backup naming them (the caller runs it after this commits).
 */
export function emptyTrash(
  db: Db,
  ids?: readonly DocumentId[],
): TrashCounts & { documents: number; sources: number } {
  return db.transaction(() => {
    const entries = listTrash(db).filter((e) => !ids || ids.includes(e.documentId));
    const sources = new Set<string>();
    for (const e of entries) {
      const source = trashedSourceOf(db, e.documentId);
      if (source) sources.add(source);
      db.prepare('DELETE FROM trash WHERE document_id = ?').run(e.documentId);
    }
    db.prepare(
      `DELETE FROM document_files WHERE sha256 NOT IN (SELECT sha256 FROM documents)
         AND sha256 NOT IN (SELECT sha256 FROM trash)`,
    ).run();
    return {
      documents: entries.length,
      claims: entries.reduce((n, e) => n + e.claims, 0),
      mentions: entries.reduce((n, e) => n + e.mentions, 0),
      relations: entries.reduce((n, e) => n + e.relations, 0),
      sources: dropFilelessSources(db, sources),
    };
  })();
}

/** The source a document in the trash belongs to: its documents row, kept in the entry. */
function trashedSourceOf(db: Db, id: DocumentId): string | null {
  return (db
    .prepare(
      `SELECT json_extract(t.content, '$.documents.rows[0][' || c.key || ']')
       FROM trash t, json_each(t.content, '$.documents.columns') c
       WHERE t.document_id = ? AND c.value = 'source_id'`,
    )
    .pluck()
    .get(id) ?? null) as string | null;
}

/**
 * Removes the sources among `ids` whose last file went for good, and says how many. A source still
 * named by a document in the library or in the trash stays (a restore needs it). So does one the
 * researcher vouched for (sourceIsCurated): it holds their work, not just what was read from the
 * file, and it stays as a source waiting for a file, as an imported reference does. One that holds
 * only what Claimdesk found in the file goes: importing the file again finds it again, and kept it
 * would be an entry with nothing behind it in the sources list and the bibliography.
 */
function dropFilelessSources(db: Db, ids: Set<string>): number {
  const inLibrary = db.prepare('SELECT 1 FROM documents WHERE source_id = ? LIMIT 1');
  const inTrash = new Set(
    db.prepare('SELECT document_id FROM trash').pluck().all() as DocumentId[],
  );
  const named = new Set([...inTrash].map((d) => trashedSourceOf(db, d)));
  const provenance = db.prepare('SELECT provenance FROM sources WHERE id = ?').pluck();
  const drop = db.prepare('DELETE FROM sources WHERE id = ?');
  let dropped = 0;
  for (const id of ids) {
    if (inLibrary.get(id) || named.has(id)) continue;
    const stored = provenance.get(id) as string | undefined;
    if (stored === undefined || sourceIsCurated(JSON.parse(stored) as Provenance)) continue;
    drop.run(id);
    dropped++;
  }
  return dropped;
}
