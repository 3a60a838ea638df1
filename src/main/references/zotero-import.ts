/**
 * Importing a Zotero library (a data folder) into the workspace: each item becomes a source (or
 * fills the one it matches by DOI or title, like any reference), its imported PDF/HTML/EPUB/…
 * attachments become the source's files, and Zotero's collections become collections here, nested
 * as in Zotero, holding the documents of their items. Zotero's files are only read (zotero-read.ts).
 *
 * The references go in one transaction; then each file is imported on its own (as a dropped file
 * would be), so one unreadable attachment is listed and the others go on. A file named by Zotero
 * but absent from storage/ is listed as missing; its item is imported all the same.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ReferenceImportOutcome } from '../../shared/api-sources';
import type { CollectionId } from '../../shared/api-library';
import { cleanMetadata } from '../../shared/clean-text';
import type { DocumentId, SourceId } from '../../shared/model';
import { addToCollection, createCollection, listCollections } from '../db/collections';
import type { Db } from '../db/open';
import { importDocument } from '../documents';
import { SUPPORTED_EXTENSIONS } from '../importers';
import { getSource } from '../db/sources';
import { putReference, SourceMatcher } from './import';
import {
  readZoteroLibrary,
  zoteroFolder,
  type ZoteroAttachment,
  type ZoteroCollection,
} from './zotero-read';

export interface ZoteroImportOptions {
  dataDir?: string | null;
  nativeBinding?: string;
}

/** Files Claimdesk reads, by Zotero's content type or else by the file's extension. */
const READABLE_TYPES = new Set([
  'application/pdf',
  'text/html',
  'application/xhtml+xml',
  'application/epub+zip',
  'text/plain',
  'text/markdown',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);
const readable = (a: ZoteroAttachment) =>
  READABLE_TYPES.has((a.contentType ?? '').toLowerCase()) ||
  SUPPORTED_EXTENSIONS.includes(extname(a.fileName).toLowerCase());

export async function importZoteroFolder(
  db: Db,
  path: string,
  options: ZoteroImportOptions = {},
): Promise<ReferenceImportOutcome> {
  const folder = zoteroFolder(path);
  const library = readZoteroLibrary(folder, options);
  const outcome: ReferenceImportOutcome = {
    created: 0,
    matched: 0,
    missingFiles: [...library.missing],
    failedFiles: [],
    files: 0,
    collections: 0,
    updatedDocuments: [],
  };
  const origin = 'Zotero library';
  const sourceOf = new Map<number, SourceId>();
  db.transaction(() => {
    const matcher = new SourceMatcher(db);
    for (const item of library.items) {
      const { id, created } = putReference(db, matcher, item.csl, origin);
      sourceOf.set(item.itemId, id);
      if (created) outcome.created += 1;
      else {
        outcome.matched += 1;
        outcome.updatedDocuments.push(...getSource(db, id).documentIds);
      }
    }
  })();

  const documentsOf = new Map<number, DocumentId[]>();
  const importFile = async (file: ZoteroAttachment, sourceId?: SourceId) => {
    if (!readable(file)) return null;
    try {
      const bytes = new Uint8Array(readFileSync(file.path));
      const result = await importDocument(
        db,
        { fileName: file.fileName, bytes, ...(sourceId ? { sourceId } : {}) },
        { dataDir: options.dataDir ?? null },
      );
      if (result.status === 'imported') outcome.files += 1;
      return result.document.id;
    } catch (error) {
      outcome.failedFiles.push(`${file.fileName}: ${(error as Error).message}`);
      return null;
    }
  };
  for (const item of library.items) {
    for (const attachment of item.attachments) {
      const id = await importFile(attachment, sourceOf.get(item.itemId));
      if (id) for (const c of item.collectionIds) push(documentsOf, c, id);
    }
  }
  for (const file of library.standalone) {
    const id = await importFile(file);
    if (id) for (const c of file.collectionIds) push(documentsOf, c, id);
  }

  const collectionIds = placeCollections(db, library.collections);
  outcome.collections = collectionIds.size;
  for (const [zoteroId, documents] of documentsOf) {
    const id = collectionIds.get(zoteroId);
    if (id && documents.length > 0) addToCollection(db, id, documents);
  }
  return outcome;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/**
 * Zotero's collections as collections here, parents before children; one already here with the
 * same name under the same parent is used (importing a library again adds nothing twice). A
 * collection whose parent is gone (in Zotero's trash) is placed at the top.
 */
function placeCollections(db: Db, collections: ZoteroCollection[]): Map<number, CollectionId> {
  const placed = new Map<number, CollectionId>();
  const known = new Set(collections.map((c) => c.id));
  const existing = new Map(
    listCollections(db).map((c) => [`${c.parentId ?? ''}\u0000${c.name}`, c.id]),
  );
  const place = (c: ZoteroCollection, depth: number): CollectionId | null => {
    const done = placed.get(c.id);
    if (done) return done;
    if (depth > 100) return null; // a cycle of parents in a damaged library
    const parentZotero = c.parentId !== null && known.has(c.parentId) ? c.parentId : null;
    const parent =
      parentZotero === null
        ? null
        : place(
            collections.find((p) => p.id === parentZotero)!,
            depth + 1,
          );
    const name = cleanMetadata(c.name).slice(0, 200).trim() || 'Untitled collection';
    const key = `${parent ?? ''}\u0000${name}`;
    const id = existing.get(key) ?? createCollection(db, name, parent).id;
    existing.set(key, id);
    placed.set(c.id, id);
    return id;
  };
  for (const c of collections) place(c, 0);
  return placed;
}
