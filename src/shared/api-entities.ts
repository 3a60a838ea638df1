/**
 * The contract of entities, mentions (manual and suggested), vocabulary, claim relations and the
 * claim picker (issue 4). Spread into the one `api` map in api.ts.
 *
 * This file must not import values from api.ts: api.ts imports this one, and an import cycle between
 * the two would leave `api` half-built for whichever module loads first. So the two small helpers
 * below repeat api.ts's `method` and `id` exactly.
 */
import { z } from 'zod';
import type { MatchQuality } from './fuzzy';
import { LIMITS } from './limits';
import {
  RELATION_KINDS,
  type Claim,
  type ClaimId,
  type ClaimRelation,
  type DocumentId,
  type Entity,
  type EntityId,
  type Mention,
  type MentionId,
  type RelationId,
  type TextAnchor,
} from './model';
import { id, method } from './api-declare';
import type { SourcedHit } from './source-groups';

export const entityId = id<EntityId>('ent');
export const mentionId = id<MentionId>('men');
export const relationId = id<RelationId>('rel');
const documentId = id<DocumentId>('doc');
const claimId = id<ClaimId>('clm');

const name = z.string().trim().min(1, 'must not be empty').max(LIMITS.maxNameChars);
const kind = z.string().trim().min(1).max(LIMITS.maxNameChars);

export const externalIds = z.strictObject({
  wikidata: z
    .string()
    .trim()
    .regex(/^Q[1-9]\d{0,11}$/, 'must be a Wikidata item id such as Q42')
    .optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(LIMITS.maxNameChars)
    .optional(),
});

/** The rules of an entity's fields: the API's create/update and the claims JSON import (claims-import.ts). */
export const entityFields = {
  kind,
  name,
  aliases: z.array(name).max(500),
  description: z.string().max(LIMITS.maxFieldChars),
  externalIds,
};

export const entityPatch = z.strictObject({
  kind: entityFields.kind.optional(),
  name: entityFields.name.optional(),
  aliases: entityFields.aliases.optional(),
  description: entityFields.description.optional(),
  externalIds: entityFields.externalIds.optional(),
});

const offset = z.number().int().nonnegative();

/**
 * A passage of a document proposed (or accepted, or dismissed) as a mention of an entity:
 * [start, end) in code points, as a suggestion gives it and every mention's anchor is answered.
 */
export const mentionRef = z.strictObject({ documentId, entityId, start: offset, end: offset });

export const VOCABULARY_LISTS = ['entity_kind', 'claim_type'] as const;
export type VocabularyList = (typeof VOCABULARY_LISTS)[number];
export type Vocabulary = Record<VocabularyList, string[]>;

export interface EntitySummary extends Entity {
  /** mentions across all documents */
  mentionCount: number;
  /** claims in which the entity is claimant, a subject or the place */
  claimCount: number;
}

export type ClaimRole = 'claimant' | 'subject' | 'place';

export interface EntityClaim {
  claim: Claim;
  documentTitle: string;
  roles: ClaimRole[];
}

export interface MentionInfo extends Mention {
  entityName: string;
  entityKind: string;
  documentTitle: string;
}

export interface EntityDetail {
  entity: EntitySummary;
  /** in document then text order */
  mentions: MentionInfo[];
  claims: EntityClaim[];
}

export interface EntityReferences {
  mentions: number;
  claims: number;
}

export interface EntitySearchHit {
  entity: Entity;
  /** the name or alias that matched best */
  matched: string;
  quality: MatchQuality;
  score: number;
}

export interface MergeOutcome {
  entity: Entity;
  moved: { mentions: number; claims: number; aliases: string[] };
}

/**
 * A place to mark as a mention; start/end: code points of the document's canonical text. The same
 * passage in other files of the document's source is this one candidate, its places in `also`
 * (shared/source-groups.ts): accepting or dismissing it decides them all.
 */
export interface MentionCandidate extends TextAnchor, SourcedHit {
  documentId: DocumentId;
  documentTitle: string;
  entityId: EntityId;
  entityName: string;
  /** the name or alias found at this place */
  matched: string;
}

export interface MentionSuggestions {
  /** in document then text order, at most `limit` */
  candidates: MentionCandidate[];
  /** how many there are in all */
  total: number;
}

export interface ClaimSummary {
  id: ClaimId;
  statement: string;
  documentId: DocumentId;
  documentTitle: string;
}

export interface RelatedClaim {
  relation: ClaimRelation;
  /** outgoing: this claim → other (e.g. "this supports other"); incoming: other → this */
  direction: 'outgoing' | 'incoming';
  other: ClaimSummary;
}

export type ClaimMatchField = 'statement' | 'quote' | 'entity' | 'document';

export interface ClaimSearchHit {
  claim: Claim;
  documentTitle: string;
  matchedIn: ClaimMatchField[];
}

export const entitiesApi = {
  'entities.list': method(
    z.strictObject({
      kind: kind.optional(),
      query: z.string().max(LIMITS.maxNameChars).optional(),
    }),
  ).returns<EntitySummary[]>(),
  'entities.get': method(z.strictObject({ id: entityId })).returns<EntityDetail>(),
  'entities.create': method(
    z.strictObject({
      kind: entityFields.kind,
      name: entityFields.name,
      aliases: entityFields.aliases.default([]),
      description: entityFields.description.default(''),
      externalIds: entityFields.externalIds.default({}),
    }),
  ).returns<Entity>(),
  'entities.update': method(z.strictObject({ id: entityId, patch: entityPatch })).returns<Entity>(),
  /** Refused with a 'conflict' error naming what refers to the entity, unless `confirm` is true. */
  'entities.delete': method(
    z.strictObject({ id: entityId, confirm: z.boolean().default(false) }),
  ).returns<{ deleted: Entity; references: EntityReferences }>(),
  'entities.merge': method(
    z.strictObject({ survivorId: entityId, mergedIds: z.array(entityId).min(1).max(100) }),
  ).returns<MergeOutcome>(),
  'entities.search': method(
    z.strictObject({
      query: z.string().max(200),
      kind: kind.optional(),
      limit: z.number().int().min(1).max(200).default(20),
    }),
  ).returns<EntitySearchHit[]>(),

  'vocabulary.list': method(z.strictObject({})).returns<Vocabulary>(),
  /**
   * Replaces one list. Values still in use cannot be dropped; rename them instead with
   * `renames: [{ from, to }]`, which also updates the entities or claims that use them.
   */
  'vocabulary.set': method(
    z.strictObject({
      list: z.enum(VOCABULARY_LISTS),
      values: z.array(kind).min(1).max(100),
      renames: z
        .array(z.strictObject({ from: kind, to: kind }))
        .max(100)
        .default([]),
    }),
  ).returns<Vocabulary>(),

  'mentions.list': method(
    z.strictObject({ documentId: documentId.optional(), entityId: entityId.optional() }),
  ).returns<MentionInfo[]>(),
  'mentions.create': method(
    mentionRef.extend({
      /** entities created for this mention in the same gesture: one undo step removes them too */
      createdEntityIds: z.array(entityId).max(10).optional(),
    }),
  ).returns<MentionInfo>(),
  'mentions.delete': method(z.strictObject({ id: mentionId })).returns<{ deleted: Mention }>(),
  /** Occurrences of entity names and aliases not yet linked or dismissed, computed on demand. */
  'mentions.suggest': method(
    z.strictObject({
      documentId: documentId.optional(),
      entityId: entityId.optional(),
      limit: z.number().int().min(1).max(10_000).default(2_000),
    }),
  ).returns<MentionSuggestions>(),
  'mentions.accept': method(
    z.strictObject({ candidates: z.array(mentionRef).min(1).max(10_000) }),
  ).returns<{ created: MentionInfo[]; skipped: number }>(),
  'mentions.dismiss': method(
    z.strictObject({ candidates: z.array(mentionRef).min(1).max(10_000) }),
  ).returns<{ dismissed: number }>(),

  'relations.list': method(z.strictObject({ claimId })).returns<RelatedClaim[]>(),
  'relations.create': method(
    z.strictObject({
      fromClaimId: claimId,
      toClaimId: claimId,
      kind: z.enum(RELATION_KINDS),
      note: z.string().max(LIMITS.maxFieldChars).default(''),
    }),
  ).returns<RelatedClaim>(),
  'relations.delete': method(z.strictObject({ id: relationId })).returns<{
    deleted: ClaimRelation;
  }>(),

  /** For the "link another claim" picker: text of statement or quote, entity names, document title. */
  'claims.search': method(
    z.strictObject({
      query: z.string().max(LIMITS.maxNameChars),
      excludeClaimId: claimId.optional(),
      limit: z.number().int().min(1).max(200).default(20),
    }),
  ).returns<ClaimSearchHit[]>(),
} as const;
