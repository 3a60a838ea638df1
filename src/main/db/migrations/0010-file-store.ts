import { dirname } from 'node:path';
import { moveBlobsToStore } from '../../files/move-blobs';
import type { Migration } from './index';

/**
 * Original files move out of the database into the content-addressed file store
 * (`files/ab/<sha256>`, files/store.ts). document_files stays as the list of stored files that
 * documents.sha256 refers to; its `bytes` column is empty from now on (a BLOB column cannot be
 * dropped without rebuilding every table that refers to it). An in-memory database (a bundle being
 * upgraded) has no folder: its rows keep their bytes, and the bundle import stores them.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'file-store',
  up: (db) => {
    if (!db.memory) moveBlobsToStore(db, dirname(db.name));
  },
};
