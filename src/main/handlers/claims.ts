import type { DocumentId } from '../../shared/model';
import { createClaim, deleteClaim, listClaims, updateClaim } from '../db/claims';
import { redo, undo } from '../db/history';
import type { HandlerGroup } from '../rpc';

export const claimHandlers: HandlerGroup = {
  'claims.list': ({ db }, filter) => listClaims(db, filter),
  'claims.create': ({ db }, input) => createClaim(db, input),
  'claims.update': ({ db }, { id, patch }) => updateClaim(db, id, patch),
  'claims.delete': ({ db }, { id }) => ({ deleted: deleteClaim(db, id) }),
  'history.undo': ({ db }) => {
    const step = undo(db);
    return step && { label: step.label, documentIds: step.documentIds as DocumentId[] };
  },
  'history.redo': ({ db }) => {
    const step = redo(db);
    return step && { label: step.label, documentIds: step.documentIds as DocumentId[] };
  },
};
