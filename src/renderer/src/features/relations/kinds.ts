import type { RelatedClaim } from '../../../../shared/api-entities';
import type { RelationKind } from '../../../../shared/model';

/** How a relation reads from the claim on screen: "A refines B" shows as "refined by" on B. */
const INCOMING: Record<RelationKind, string> = {
  supports: 'supported by',
  contradicts: 'contradicts',
  repeats: 'repeats',
  refines: 'refined by',
  cites: 'cited by',
  derived_from: 'source of',
};

/** As read from the claim that holds the relation: "A derived from B". */
export const OUTGOING: Record<RelationKind, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  repeats: 'repeats',
  refines: 'refines',
  cites: 'cites',
  derived_from: 'derived from',
};

export const relationLabel = (r: Pick<RelatedClaim, 'direction' | 'relation'>): string =>
  r.direction === 'outgoing' ? OUTGOING[r.relation.kind] : INCOMING[r.relation.kind];

export const KIND_HINT: Record<RelationKind, string> = {
  supports: 'This claim supports the other',
  contradicts: 'The two claims contradict each other',
  repeats: 'The two claims say the same',
  refines: 'This claim makes the other more precise',
  cites: 'This claim cites the other as its source',
  derived_from: 'This claim took its information from the other (not independent)',
};
