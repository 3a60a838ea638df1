import { queryClaims } from '../db/claims-query';
import { deleteFilter, listSavedFilters, saveFilter } from '../db/saved-filters';
import { search } from '../db/search';
import type { HandlerGroup } from '../rpc';

export const searchHandlers: HandlerGroup = {
  'search.query': ({ db }, input) => search(db, input),
  'claims.query': ({ db }, query) => queryClaims(db, query),
  'filters.list': ({ db }) => listSavedFilters(db),
  'filters.save': ({ db }, input) => saveFilter(db, input),
  'filters.delete': ({ db }, { name }) => ({ deleted: deleteFilter(db, name) }),
};
