/**
 * THE query keys: one per backend resource the renderer shows. A view reads with
 * `useQuery({ queryKey: keys.x(…), queryFn })`; a write invalidates the keys it changes
 * (invalidate.ts). No refresh counters, no hand-written stale-response guards: a key's answer is
 * for that key only, so an old document's claims can never land in a newer one.
 */
import type { ClaimFilter, ClaimSort } from '../../../shared/api-search';
import type { ClaimId, DocumentId, EntityId } from '../../../shared/model';

export const keys = {
  documents: () => ['documents'] as const,
  document: (id: DocumentId) => ['document', id] as const,
  content: (id: DocumentId) => ['content', id] as const,
  claims: (documentId: DocumentId) => ['claims', documentId] as const,
  mentions: (documentId: DocumentId) => ['mentions', documentId] as const,
  table: (params: { filter: ClaimFilter; sort: ClaimSort | null; offset: number; limit: number }) =>
    ['table', params] as const,
  entities: () => ['entities'] as const,
  entity: (id: EntityId) => ['entity', id] as const,
  entitySearch: (query: string, kind: string | undefined) =>
    ['entitySearch', query, kind ?? null] as const,
  vocabulary: () => ['vocabulary'] as const,
  /** suggested mentions: a scan of every document's text */
  suggestions: (documentId?: DocumentId) => ['suggestions', documentId ?? null] as const,
  relations: (claimId: ClaimId) => ['relations', claimId] as const,
  history: () => ['history'] as const,
  /** documents in the trash (issue 16) */
  trash: () => ['trash'] as const,
  collections: () => ['collections'] as const,
  collectionMembers: (id: string) => ['collectionMembers', id] as const,
};

export type Resource = keyof typeof keys;

/** Every query of one resource (all documents' claims, every table page): for invalidation. */
export const everyQueryOf = (resource: Resource): { queryKey: readonly unknown[] } => ({
  queryKey: [resource],
});
