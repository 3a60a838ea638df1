/**
 * Builds a Zotero data folder for tests: a `zotero.sqlite` with the tables of Zotero's published
 * schema (resource/schema/userdata.sql, Zotero 7) that the importer reads, with their columns,
 * keys and types as Zotero declares them — the lookups (itemTypes, fields, creatorTypes and their
 * "Combined" views of built-in + custom ones), items with their field values and creators,
 * attachments, collections, the trash and the version rows — and a `storage/KEY/` folder per
 * imported attachment. The SQL is written here from the schema's description; ids are our own.
 */
import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA = `
CREATE TABLE version (schema TEXT PRIMARY KEY, version INT NOT NULL);
CREATE TABLE settings (setting TEXT, key TEXT, value, PRIMARY KEY (setting, key));
CREATE TABLE libraries (libraryID INTEGER PRIMARY KEY, type TEXT NOT NULL, editable INT NOT NULL,
  filesEditable INT NOT NULL, version INT NOT NULL DEFAULT 0, storageVersion INT NOT NULL DEFAULT 0,
  lastSync INT NOT NULL DEFAULT 0, archived INT NOT NULL DEFAULT 0);
CREATE TABLE itemTypes (itemTypeID INTEGER PRIMARY KEY, typeName TEXT, templateItemTypeID INT,
  display INT DEFAULT 1);
CREATE TABLE itemTypesCombined (itemTypeID INT NOT NULL, typeName TEXT NOT NULL,
  display INT DEFAULT 1 NOT NULL, custom INT NOT NULL, PRIMARY KEY (itemTypeID));
CREATE TABLE fields (fieldID INTEGER PRIMARY KEY, fieldName TEXT, fieldFormatID INT);
CREATE TABLE fieldsCombined (fieldID INT NOT NULL, fieldName TEXT NOT NULL, label TEXT,
  fieldFormatID INT, custom INT NOT NULL, PRIMARY KEY (fieldID));
CREATE TABLE creatorTypes (creatorTypeID INTEGER PRIMARY KEY, creatorType TEXT);
CREATE TABLE items (itemID INTEGER PRIMARY KEY, itemTypeID INT NOT NULL,
  dateAdded TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  dateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0,
  synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key),
  FOREIGN KEY (libraryID) REFERENCES libraries(libraryID) ON DELETE CASCADE);
CREATE TABLE itemDataValues (valueID INTEGER PRIMARY KEY, value UNIQUE);
CREATE TABLE itemData (itemID INT, fieldID INT, valueID, PRIMARY KEY (itemID, fieldID),
  FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE,
  FOREIGN KEY (fieldID) REFERENCES fieldsCombined(fieldID),
  FOREIGN KEY (valueID) REFERENCES itemDataValues(valueID));
CREATE TABLE itemNotes (itemID INTEGER PRIMARY KEY, parentItemID INT, note TEXT, title TEXT);
CREATE TABLE itemAttachments (itemID INTEGER PRIMARY KEY, parentItemID INT, linkMode INT,
  contentType TEXT, charsetID INT, path TEXT, syncState INT DEFAULT 0, storageModTime INT,
  storageHash TEXT, lastProcessedModificationTime INT, lastRead INT,
  FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE,
  FOREIGN KEY (parentItemID) REFERENCES items(itemID) ON DELETE CASCADE);
CREATE TABLE creators (creatorID INTEGER PRIMARY KEY, firstName TEXT, lastName TEXT, fieldMode INT,
  UNIQUE (lastName, firstName, fieldMode));
CREATE TABLE itemCreators (itemID INT NOT NULL, creatorID INT NOT NULL,
  creatorTypeID INT NOT NULL DEFAULT 1, orderIndex INT NOT NULL DEFAULT 0,
  PRIMARY KEY (itemID, creatorID, creatorTypeID, orderIndex), UNIQUE (itemID, orderIndex),
  FOREIGN KEY (itemID) REFERENCES items(itemID) ON DELETE CASCADE,
  FOREIGN KEY (creatorID) REFERENCES creators(creatorID) ON DELETE CASCADE,
  FOREIGN KEY (creatorTypeID) REFERENCES creatorTypes(creatorTypeID));
CREATE TABLE collections (collectionID INTEGER PRIMARY KEY, collectionName TEXT NOT NULL,
  parentCollectionID INT DEFAULT NULL, clientDateModified TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  libraryID INT NOT NULL, key TEXT NOT NULL, version INT NOT NULL DEFAULT 0,
  clientVersion INT NOT NULL DEFAULT 0, synced INT NOT NULL DEFAULT 0, UNIQUE (libraryID, key),
  FOREIGN KEY (parentCollectionID) REFERENCES collections(collectionID) ON DELETE CASCADE);
CREATE TABLE collectionItems (collectionID INT NOT NULL, itemID INT NOT NULL,
  orderIndex INT NOT NULL DEFAULT 0, PRIMARY KEY (collectionID, itemID));
CREATE TABLE deletedItems (itemID INTEGER PRIMARY KEY, dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
CREATE TABLE deletedCollections (collectionID INTEGER PRIMARY KEY,
  dateDeleted DEFAULT CURRENT_TIMESTAMP NOT NULL);
`;

const ITEM_TYPES = [
  'annotation',
  'attachment',
  'note',
  'book',
  'bookSection',
  'journalArticle',
  'report',
  'webpage',
  'newspaperArticle',
];
const FIELDS = [
  'title',
  'abstractNote',
  'date',
  'publicationTitle',
  'bookTitle',
  'publisher',
  'institution',
  'place',
  'volume',
  'issue',
  'pages',
  'DOI',
  'ISBN',
  'url',
  'language',
  'reportNumber',
  'accessDate',
  'libraryCatalog',
  'extra',
];
const CREATOR_TYPES = ['author', 'editor', 'contributor', 'translator', 'bookAuthor'];

export interface Creator {
  creatorType: string;
  firstName?: string;
  lastName: string;
  /** 1: one-field name (an organization) */
  fieldMode?: 0 | 1;
}

export class ZoteroLibraryBuilder {
  readonly db: Database.Database;
  private keys = 0;

  constructor(
    readonly folder: string,
    versions: { userdata?: number; compatibility?: number } = {},
  ) {
    mkdirSync(join(folder, 'storage'), { recursive: true });
    this.db = new Database(join(folder, 'zotero.sqlite'));
    this.db.exec(SCHEMA);
    const insert = this.db.prepare('INSERT INTO version (schema, version) VALUES (?, ?)');
    insert.run('userdata', versions.userdata ?? 122);
    insert.run('compatibility', versions.compatibility ?? 7);
    insert.run('system', 32);
    this.db
      .prepare(
        "INSERT INTO libraries (libraryID, type, editable, filesEditable) VALUES (1, 'user', 1, 1)",
      )
      .run();
    ITEM_TYPES.forEach((name, i) => {
      this.db
        .prepare('INSERT INTO itemTypes (itemTypeID, typeName) VALUES (?, ?)')
        .run(i + 1, name);
      this.db
        .prepare('INSERT INTO itemTypesCombined (itemTypeID, typeName, custom) VALUES (?, ?, 0)')
        .run(i + 1, name);
    });
    FIELDS.forEach((name, i) => {
      this.db.prepare('INSERT INTO fields (fieldID, fieldName) VALUES (?, ?)').run(i + 1, name);
      this.db
        .prepare('INSERT INTO fieldsCombined (fieldID, fieldName, custom) VALUES (?, ?, 0)')
        .run(i + 1, name);
    });
    CREATOR_TYPES.forEach((name, i) =>
      this.db.prepare('INSERT INTO creatorTypes VALUES (?, ?)').run(i + 1, name),
    );
  }

  private nextKey(): string {
    this.keys += 1;
    return `K${String(this.keys).padStart(7, '0')}`;
  }

  /** The id of a type, field or creator type by its name, from the lookup tables. */
  private id(
    lookup: 'itemTypesCombined' | 'fieldsCombined' | 'creatorTypes',
    name: string,
  ): number {
    const [idColumn, nameColumn] = {
      itemTypesCombined: ['itemTypeID', 'typeName'],
      fieldsCombined: ['fieldID', 'fieldName'],
      creatorTypes: ['creatorTypeID', 'creatorType'],
    }[lookup];
    const row = this.db
      .prepare(`SELECT ${idColumn} AS id FROM ${lookup} WHERE ${nameColumn} = ?`)
      .get(name) as { id: number } | undefined;
    if (!row) throw new Error(`test library: no ${nameColumn} "${name}"`);
    return row.id;
  }

  /** An item with its fields (Zotero's names; dates as Zotero stores them) and creators. */
  item(type: string, fields: Record<string, string>, creators: Creator[] = []): number {
    const key = this.nextKey();
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO items (itemTypeID, libraryID, key) VALUES (?, 1, ?)')
      .run(this.id('itemTypesCombined', type), key);
    const itemId = Number(lastInsertRowid);
    for (const [name, value] of Object.entries(fields)) {
      this.db.prepare('INSERT OR IGNORE INTO itemDataValues (value) VALUES (?)').run(value);
      const { valueID } = this.db
        .prepare('SELECT valueID FROM itemDataValues WHERE value = ?')
        .get(value) as { valueID: number };
      this.db
        .prepare('INSERT INTO itemData (itemID, fieldID, valueID) VALUES (?, ?, ?)')
        .run(itemId, this.id('fieldsCombined', name), valueID);
    }
    creators.forEach((c, orderIndex) => {
      this.db
        .prepare('INSERT OR IGNORE INTO creators (firstName, lastName, fieldMode) VALUES (?, ?, ?)')
        .run(c.firstName ?? '', c.lastName, c.fieldMode ?? 0);
      const { creatorID } = this.db
        .prepare(
          'SELECT creatorID FROM creators WHERE firstName = ? AND lastName = ? AND fieldMode = ?',
        )
        .get(c.firstName ?? '', c.lastName, c.fieldMode ?? 0) as { creatorID: number };
      this.db
        .prepare(
          'INSERT INTO itemCreators (itemID, creatorID, creatorTypeID, orderIndex) VALUES (?, ?, ?, ?)',
        )
        .run(itemId, creatorID, this.id('creatorTypes', c.creatorType), orderIndex);
    });
    return itemId;
  }

  keyOf(itemId: number): string {
    return (
      this.db.prepare('SELECT key FROM items WHERE itemID = ?').get(itemId) as { key: string }
    ).key;
  }

  /**
   * An attachment item. Imported files (linkMode 0) and snapshots (1) are stored as
   * storage/KEY/NAME and named "storage:NAME"; without `bytes` the file is missing from storage.
   */
  attachment(
    parentItemId: number | null,
    file: {
      name: string;
      contentType: string;
      bytes?: Uint8Array;
      linkMode?: number;
      title?: string;
    },
  ): number {
    const itemId = this.item('attachment', file.title ? { title: file.title } : {});
    const linkMode = file.linkMode ?? 0;
    const stored = linkMode === 0 || linkMode === 1;
    this.db
      .prepare(
        'INSERT INTO itemAttachments (itemID, parentItemID, linkMode, contentType, path) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        itemId,
        parentItemId,
        linkMode,
        file.contentType,
        stored ? `storage:${file.name}` : file.name,
      );
    if (stored && file.bytes) {
      const dir = join(this.folder, 'storage', this.keyOf(itemId));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file.name), file.bytes);
    }
    return itemId;
  }

  note(parentItemId: number, html: string): number {
    const itemId = this.item('note', {});
    this.db
      .prepare('INSERT INTO itemNotes (itemID, parentItemID, note) VALUES (?, ?, ?)')
      .run(itemId, parentItemId, html);
    return itemId;
  }

  collection(name: string, parentId: number | null = null): number {
    const { lastInsertRowid } = this.db
      .prepare(
        'INSERT INTO collections (collectionName, parentCollectionID, libraryID, key) VALUES (?, ?, 1, ?)',
      )
      .run(name, parentId, this.nextKey());
    return Number(lastInsertRowid);
  }

  addToCollection(collectionId: number, itemId: number): void {
    this.db
      .prepare('INSERT INTO collectionItems (collectionID, itemID) VALUES (?, ?)')
      .run(collectionId, itemId);
  }

  /** Moves an item to Zotero's trash (it stays in the tables, listed in deletedItems). */
  trash(itemId: number): void {
    this.db.prepare('INSERT INTO deletedItems (itemID) VALUES (?)').run(itemId);
  }

  close(): void {
    this.db.close();
  }
}
