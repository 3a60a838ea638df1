/**
 * Reading a Zotero data folder without touching it. Zotero keeps `zotero.sqlite` open (and locked)
 * while it runs, so the file — with a `-journal` or `-wal` beside it, if one is there — is copied
 * to a private temporary folder first and only the copy is opened; nothing in the Zotero folder is
 * ever opened for writing. From the copy: the items that are works (not notes, attachments or
 * annotations; not in the trash; not feed items) with their fields and creators, their imported
 * file attachments, and the collections.
 *
 * A damaged copy, a database that is not Zotero's, one from a newer Zotero whose tables we do not
 * know, or one that cannot even be copied: a ZoteroError saying which.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CslItem } from '../../shared/csl';
import { AppError } from '../errors';
import { NOT_WORKS, zoteroToCsl, type ZoteroCreator } from './zotero-csl';

/**
 * Zotero raises its `compatibility` version when a change breaks older readers; 9 is the newest
 * this reader knows (Zotero 7). A higher one is refused, even if the tables look familiar.
 */
export const MAX_ZOTERO_COMPATIBILITY = 9;

export interface ZoteroAttachment {
  /** storage/KEY/filename */
  path: string;
  /** as Zotero shows it: the attachment's own title, else its file name */
  fileName: string;
  contentType: string | null;
}

export interface ZoteroItem {
  itemId: number;
  key: string;
  csl: CslItem;
  attachments: ZoteroAttachment[];
  collectionIds: number[];
}

export interface ZoteroCollection {
  id: number;
  name: string;
  parentId: number | null;
}

export interface ZoteroLibrary {
  items: ZoteroItem[];
  /** attachments with no parent item (a PDF dropped into Zotero on its own) */
  standalone: (ZoteroAttachment & { collectionIds: number[] })[];
  collections: ZoteroCollection[];
  /** attachments named by the database whose file is not in storage/ */
  missing: string[];
}

const zoteroError = (message: string) => new AppError('invalid_input', message);

/** The tables and columns read here; a database without them is not one this reader knows. */
const NEEDED: Record<string, string[]> = {
  items: ['itemID', 'itemTypeID', 'key'],
  itemData: ['itemID', 'fieldID', 'valueID'],
  itemDataValues: ['valueID', 'value'],
  creators: ['creatorID', 'firstName', 'lastName', 'fieldMode'],
  itemCreators: ['itemID', 'creatorID', 'creatorTypeID', 'orderIndex'],
  creatorTypes: ['creatorTypeID', 'creatorType'],
  itemAttachments: ['itemID', 'parentItemID', 'linkMode', 'contentType', 'path'],
  collections: ['collectionID', 'collectionName', 'parentCollectionID'],
  collectionItems: ['collectionID', 'itemID'],
  deletedItems: ['itemID'],
  version: ['schema', 'version'],
};

/** The Zotero data folder as given: the folder, or its zotero.sqlite. */
export function zoteroFolder(path: string): string {
  if (!existsSync(path)) throw new AppError('not_found', `"${path}" does not exist.`);
  const folder = statSync(path).isDirectory() ? path : join(path, '..');
  if (!existsSync(join(folder, 'zotero.sqlite'))) {
    throw zoteroError(
      `"${path}" is not a Zotero data folder: it has no zotero.sqlite. Zotero shows its data ` +
        'folder in Settings → Advanced → Files and Folders (usually ~/Zotero).',
    );
  }
  return folder;
}

/** Reads the library of a Zotero data folder from a copy of its database. */
export function readZoteroLibrary(
  folder: string,
  options: { nativeBinding?: string } = {},
): ZoteroLibrary {
  const temp = mkdtempSync(join(tmpdir(), 'claimdesk-zotero-'));
  try {
    const copy = copyDatabase(folder, temp, options);
    const db = new Database(copy, {
      readonly: true,
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
    });
    try {
      checkDatabase(db);
      return readLibrary(db, folder);
    } finally {
      db.close();
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function copyDatabase(folder: string, temp: string, options: { nativeBinding?: string }): string {
  const source = join(folder, 'zotero.sqlite');
  const copy = join(temp, 'zotero.sqlite');
  const extras: string[] = [];
  try {
    copyFileSync(source, copy);
    for (const suffix of ['-journal', '-wal']) {
      if (existsSync(source + suffix)) {
        copyFileSync(source + suffix, copy + suffix);
        extras.push(suffix);
      }
    }
  } catch (error) {
    throw zoteroError(
      `Zotero's database (${source}) could not be copied to be read ` +
        `(${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): another ` +
        'program holds it locked against reading. Close Zotero and import again.',
    );
  }
  if (extras.length > 0) {
    // Zotero was writing when the copy was made: our copy (never Zotero's file) is opened once
    // read-write so SQLite completes or rolls back that write in the copy, as Zotero would
    let settle: Database.Database | undefined;
    try {
      settle = new Database(copy, { fileMustExist: true, nativeBinding: options.nativeBinding });
      settle.pragma('schema_version');
    } catch (error) {
      throw damaged(error);
    } finally {
      settle?.close();
    }
  }
  return copy;
}

const damaged = (error: unknown) =>
  zoteroError(
    `Zotero's database is damaged or is not an SQLite database (${(error as Error).message}). ` +
      'Open Zotero: it repairs or restores its database from its automatic backup ' +
      '(zotero.sqlite.bak); then import again.',
  );

function checkDatabase(db: Database.Database): void {
  let problems: string[];
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  } catch (error) {
    throw damaged(error);
  }
  if (problems.length > 0) throw damaged(new Error(problems.slice(0, 3).join('; ')));
  const tables = new Set(
    (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name),
  );
  const version = (schema: string): number | null => {
    if (!tables.has('version')) return null;
    const row = db.prepare('SELECT version FROM version WHERE schema = ?').get(schema) as
      { version: number } | undefined;
    return row ? Number(row.version) : null;
  };
  const userdata = version('userdata');
  const compatibility = version('compatibility') ?? 0;
  if (!tables.has('items') || userdata === null) {
    throw zoteroError(
      'This zotero.sqlite is not a Zotero library (it has no Zotero items or schema version). ' +
        'Choose the folder Zotero shows in Settings → Advanced → Files and Folders.',
    );
  }
  if (compatibility > MAX_ZOTERO_COMPATIBILITY) {
    throw zoteroError(
      `This Zotero library was written by a newer Zotero than Claimdesk can read (database ` +
        `compatibility ${compatibility}, Claimdesk reads up to ${MAX_ZOTERO_COMPATIBILITY}; ` +
        `schema ${userdata}). Export the library from Zotero as CSL-JSON or BibTeX and import that file.`,
    );
  }
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(NEEDED)) {
    if (!tables.has(table)) {
      missing.push(table);
      continue;
    }
    const have = new Set(
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
        (c) => c.name,
      ),
    );
    for (const column of columns) if (!have.has(column)) missing.push(`${table}.${column}`);
  }
  if (!tables.has('fieldsCombined') && !tables.has('fields')) missing.push('fields');
  if (!tables.has('itemTypesCombined') && !tables.has('itemTypes')) missing.push('itemTypes');
  if (missing.length > 0) {
    throw zoteroError(
      `This Zotero library's tables are not the ones Claimdesk reads (schema ${userdata}; missing ` +
        `${missing.slice(0, 5).join(', ')}): it is from ${userdata < 80 ? 'an older' : 'a different'} ` +
        'Zotero. Open it in a current Zotero (which upgrades it), or export the library as CSL-JSON or BibTeX and import that file.',
    );
  }
}

function readLibrary(db: Database.Database, folder: string): ZoteroLibrary {
  const fieldsTable = hasTable(db, 'fieldsCombined') ? 'fieldsCombined' : 'fields';
  const typesTable = hasTable(db, 'itemTypesCombined') ? 'itemTypesCombined' : 'itemTypes';
  // feed items (RSS) live in their own libraries: they are not the researcher's references
  const notFeed =
    hasTable(db, 'libraries') && hasColumn(db, 'libraries', 'type')
      ? "AND i.libraryID NOT IN (SELECT libraryID FROM libraries WHERE type = 'feed')"
      : '';
  const live = `i.itemID NOT IN (SELECT itemID FROM deletedItems) ${notFeed}`;

  const rows = db
    .prepare(
      `SELECT i.itemID AS id, i.key AS key, t.typeName AS type FROM items i
       JOIN ${typesTable} t ON t.itemTypeID = i.itemTypeID WHERE ${live} ORDER BY i.itemID`,
    )
    .all() as { id: number; key: string; type: string }[];
  const fieldRows = db
    .prepare(
      `SELECT d.itemID AS id, f.fieldName AS name, v.value AS value FROM itemData d
       JOIN ${fieldsTable} f ON f.fieldID = d.fieldID JOIN itemDataValues v ON v.valueID = d.valueID`,
    )
    .all() as { id: number; name: string; value: unknown }[];
  const fields = new Map<number, Record<string, string>>();
  for (const r of fieldRows) {
    const record = fields.get(r.id) ?? {};
    if (r.value !== null && r.value !== undefined) record[r.name] = String(r.value);
    fields.set(r.id, record);
  }
  const creatorRows = db
    .prepare(
      `SELECT ic.itemID AS id, ct.creatorType AS creatorType, c.firstName AS firstName,
         c.lastName AS lastName, c.fieldMode AS fieldMode
       FROM itemCreators ic JOIN creators c ON c.creatorID = ic.creatorID
       JOIN creatorTypes ct ON ct.creatorTypeID = ic.creatorTypeID
       ORDER BY ic.itemID, ic.orderIndex`,
    )
    .all() as (ZoteroCreator & { id: number })[];
  const creators = new Map<number, ZoteroCreator[]>();
  for (const { id, ...creator } of creatorRows) {
    creators.set(id, [...(creators.get(id) ?? []), creator]);
  }
  const memberships = new Map<number, number[]>();
  for (const r of db
    .prepare('SELECT collectionID AS c, itemID AS i FROM collectionItems')
    .all() as {
    c: number;
    i: number;
  }[]) {
    memberships.set(r.i, [...(memberships.get(r.i) ?? []), r.c]);
  }

  const library: ZoteroLibrary = { items: [], standalone: [], collections: [], missing: [] };
  const byId = new Map<number, ZoteroItem>();
  for (const row of rows) {
    if (NOT_WORKS.has(row.type)) continue;
    const item: ZoteroItem = {
      itemId: row.id,
      key: row.key,
      csl: zoteroToCsl(row.key, row.type, fields.get(row.id) ?? {}, creators.get(row.id) ?? []),
      attachments: [],
      collectionIds: memberships.get(row.id) ?? [],
    };
    byId.set(row.id, item);
    library.items.push(item);
  }

  const attachments = db
    .prepare(
      `SELECT a.itemID AS id, a.parentItemID AS parent, a.linkMode AS linkMode,
         a.contentType AS contentType, a.path AS path, i.key AS key
       FROM itemAttachments a JOIN items i ON i.itemID = a.itemID WHERE ${live}
       ORDER BY a.parentItemID, a.itemID`,
    )
    .all() as {
    id: number;
    parent: number | null;
    linkMode: number;
    contentType: string | null;
    path: string | null;
    key: string;
  }[];
  for (const a of attachments) {
    // imported files (0) and imported web pages (1) are in storage/KEY/; linked files and links
    // point outside the data folder and are not part of the library's files
    if ((a.linkMode !== 0 && a.linkMode !== 1) || !a.path?.startsWith('storage:')) continue;
    const name = a.path.slice('storage:'.length);
    // a stored name is a file name, never a path out of its folder
    if (!name || name !== basename(name) || name === '..') continue;
    const parent = a.parent === null ? undefined : byId.get(a.parent);
    // the file of an item in the trash (or of a note) goes with it
    if (a.parent !== null && !parent) continue;
    const path = join(folder, 'storage', a.key, name);
    const title = fields.get(a.id)?.title;
    if (!existsSync(path)) {
      library.missing.push(
        `storage/${a.key}/${name}${title && title !== name ? ` (${title})` : ''}`,
      );
      continue;
    }
    const attachment: ZoteroAttachment = { path, fileName: name, contentType: a.contentType };
    if (parent) parent.attachments.push(attachment);
    else library.standalone.push({ ...attachment, collectionIds: memberships.get(a.id) ?? [] });
  }
  library.collections = (
    db
      .prepare(
        'SELECT collectionID AS id, collectionName AS name, parentCollectionID AS parentId FROM collections',
      )
      .all() as ZoteroCollection[]
  ).filter((c) => !hasTable(db, 'deletedCollections') || !isDeletedCollection(db, c.id));
  return library;
}

const hasTable = (db: Database.Database, name: string) =>
  !!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name);

const hasColumn = (db: Database.Database, table: string, column: string) =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).some(
    (c) => c.name === column,
  );

const isDeletedCollection = (db: Database.Database, id: number) =>
  !!db.prepare('SELECT 1 FROM deletedCollections WHERE collectionID = ?').get(id);
