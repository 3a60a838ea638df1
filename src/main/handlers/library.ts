import { checkStatus } from '../background-check';
import { collectUnreferencedFiles } from '../files/gc';
import {
  addToCollection,
  collectionMembers,
  createCollection,
  deleteCollection,
  listCollections,
  moveToCollection,
  removeFromCollection,
  renameCollection,
} from '../db/collections';
import { emptyTrash, listTrash, restoreDocuments, trashDocuments } from '../db/trash';
import type { HandlerGroup } from '../rpc';

export const libraryHandlers: HandlerGroup = {
  'workspace.checkStatus': ({ db }) => checkStatus(db),
  'documents.trash': ({ db }, { ids }) => trashDocuments(db, ids),
  'trash.list': ({ db }) => listTrash(db),
  'trash.restore': ({ db }, { ids }) => (restoreDocuments(db, ids), null),
  'trash.empty': ({ db, dataDir }, { ids }) => {
    const outcome = emptyTrash(db, ids);
    // after the commit: the files only the emptied documents named (and no backup) go now
    const { removed } = collectUnreferencedFiles(db, dataDir);
    return { ...outcome, filesRemoved: removed.length };
  },
  'collections.list': ({ db }) => listCollections(db),
  'collections.create': ({ db }, { name, parentId }) =>
    createCollection(db, name, parentId ?? null),
  'collections.rename': ({ db }, { id, name }) => renameCollection(db, id, name),
  'collections.delete': ({ db }, { id }) => (deleteCollection(db, id), null),
  'collections.members': ({ db }, { id }) => collectionMembers(db, id),
  'collections.add': ({ db }, { id, documentIds }) => (addToCollection(db, id, documentIds), null),
  'collections.remove': ({ db }, { id, documentIds }) => (
    removeFromCollection(db, id, documentIds),
    null
  ),
  'collections.move': ({ db }, { documentIds, from, to }) => (
    moveToCollection(db, documentIds, from, to),
    null
  ),
};
