import type { RelatedClaim } from '../../../../shared/api-entities';
import type { RelationKind } from '../../../../shared/model';

/** How a relation reads from the claim on screen: "A refines B" shows as "refined by" on B. */
const INCOMING: Record<RelationKind, string> = {
  supports: 'supported by',
  contradicts: 'contradicts',
  repeats: 'repeats',
  refines: 'refined by',
};

export const relationLabel = (r: Pick<RelatedClaim, 'direction' | 'relation'>): string =>
  r.direction === 'outgoing' ? r.relation.kind : INCOMING[r.relation.kind];

export const KIND_HINT: Record<RelationKind, string> = {
  supports: 'This claim supports the other',
  contradicts: 'The two claims contradict each other',
  repeats: 'The two claims say the same',
  refines: 'This claim makes the other more precise',
};
