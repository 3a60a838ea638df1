import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ClaimCard } from '../../../../shared/api-notebooks';
import type { ClaimId } from '../../../../shared/model';
import type { ClaimSnapshot } from '../../../../shared/notebook-json';
import { invoke } from '../../api';

/**
 * The cards of the claims a notebook embeds, fetched together in one call and kept as one query
 * under ['claims', …], so whatever invalidates claims after an edit or a delete (the claims
 * panel, the table, undo) refreshes the open notebook's cards with one request. The key names the
 * claims (sorted): a claim inserted or removed asks again; opening a notebook primes the key.
 */
export const claimCardsKey = (ids: readonly ClaimId[]) =>
  ['claims', 'cards', [...ids].sort().join(' ')] as const;

export function useClaimCards(ids: readonly ClaimId[]): readonly ClaimCard[] | undefined {
  return useQuery({
    queryKey: claimCardsKey(ids),
    queryFn: () => invoke('notebooks.claimCards', { ids: [...ids] }),
    enabled: ids.length > 0,
    // the cards shown stay while a claim just inserted is fetched with the others
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  }).data;
}

export function sameSnapshot(a: ClaimSnapshot, b: ClaimSnapshot): boolean {
  return (
    a.documentId === b.documentId &&
    a.statement === b.statement &&
    a.quote === b.quote &&
    a.documentTitle === b.documentTitle &&
    a.pages === b.pages
  );
}
