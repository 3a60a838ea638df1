import { claimCards } from '../notebooks/claim-cards';
import { exportNotebook } from '../notebooks/export';
import {
  createNotebook,
  deleteNotebook,
  getNotebook,
  listNotebooks,
  saveNotebook,
  updateNotebook,
} from '../notebooks/store';
import type { HandlerGroup } from '../rpc';

/** Notebooks: findings with embedded claims (issue 20). */
export const notebookHandlers: HandlerGroup = {
  'notebooks.list': ({ db }, filter) => listNotebooks(db, filter),
  'notebooks.get': ({ db }, { id }) => getNotebook(db, id),
  'notebooks.create': ({ db }, input) => createNotebook(db, input),
  'notebooks.save': ({ db }, input) => saveNotebook(db, input),
  'notebooks.update': ({ db }, { id, patch }) => updateNotebook(db, id, patch),
  'notebooks.delete': ({ db }, { id }) => ({ deleted: deleteNotebook(db, id) }),
  'notebooks.claimCards': ({ db }, { ids }) => claimCards(db, ids),
  'notebooks.export': ({ db }, { id, format, style, appendix }) =>
    exportNotebook(db, id, format, { style, appendix }),
};
