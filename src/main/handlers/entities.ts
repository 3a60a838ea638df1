import { searchClaims } from '../db/claim-search';
import { createRelation, deleteRelation, listRelatedClaims } from '../db/claim-relations';
import { createEntity, getEntity, listEntitySummaries, updateEntity } from '../db/entities';
import { deleteEntity, getEntityDetail, mergeEntities } from '../db/entity-actions';
import { searchEntities } from '../db/entity-search';
import {
  acceptMentions,
  createMention,
  deleteMention,
  dismissMentions,
  listMentions,
  suggestMentions,
} from '../db/mentions';
import { listVocabulary, setVocabulary } from '../db/vocabulary';
import { foldCreatedEntities } from '../db/gesture';
import type { HandlerGroup } from '../rpc';

/** Entities, mentions, vocabulary, claim relations and the claim picker (issue 4). */
export const entityHandlers: HandlerGroup = {
  'entities.list': ({ db }, filter) => listEntitySummaries(db, filter),
  'entities.get': ({ db }, { id }) => getEntityDetail(db, id),
  'entities.create': ({ db }, input) => createEntity(db, input),
  'entities.update': ({ db }, { id, patch }) => updateEntity(db, id, patch),
  'entities.delete': ({ db }, { id, confirm }) => deleteEntity(db, id, confirm),
  'entities.merge': ({ db }, { survivorId, mergedIds }) => mergeEntities(db, survivorId, mergedIds),
  'entities.search': ({ db }, input) => searchEntities(db, input),

  'vocabulary.list': ({ db }) => listVocabulary(db),
  'vocabulary.set': ({ db }, { list, values, renames }) => setVocabulary(db, list, values, renames),

  'mentions.list': ({ db }, filter) => {
    if (filter.entityId) getEntity(db, filter.entityId);
    return listMentions(db, filter);
  },
  'mentions.create': ({ db }, { createdEntityIds = [], ...ref }) =>
    db.transaction(() => {
      const mention = createMention(db, ref);
      foldCreatedEntities(db, createdEntityIds, { kind: 'mention', id: mention.id });
      return mention;
    })(),
  'mentions.delete': ({ db }, { id }) => ({ deleted: deleteMention(db, id) }),
  'mentions.suggest': ({ db }, options) => suggestMentions(db, options),
  'mentions.accept': ({ db }, { candidates }) => acceptMentions(db, candidates),
  'mentions.dismiss': ({ db }, { candidates }) => dismissMentions(db, candidates),

  'relations.list': ({ db }, { claimId }) => listRelatedClaims(db, claimId),
  'relations.create': ({ db }, input) => createRelation(db, input),
  'relations.delete': ({ db }, { id }) => ({ deleted: deleteRelation(db, id) }),

  'claims.search': ({ db }, input) => searchClaims(db, input),
};
