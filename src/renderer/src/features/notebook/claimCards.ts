import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ClaimCard } from '../../../../shared/api-notebooks';
import type { ClaimId } from '../../../../shared/model';
import type { ClaimSnapshot } from '../../../../shared/notebook-json';
import { invoke } from '../../api';

/**
 * Claim cards in the query cache, one key per claim under ['claims', …], so whatever invalidates
 * claims after an edit or a delete (the claims panel, the table, undo) refreshes every notebook
 * showing them. Cards asked for in the same tick are fetched in one call: a notebook embedding a
 * thousand claims opens with one request, not a thousand.
 */
export const claimCardKey = (id: ClaimId) => ['claims', 'card', id] as const;

type Live = Extract<ClaimCard, { deleted: false }>;

interface Waiter {
  resolve: (card: ClaimCard) => void;
  reject: (error: unknown) => void;
}

let pending: Map<ClaimId, Waiter[]> | null = null;

function fetchCard(id: ClaimId): Promise<ClaimCard> {
  return new Promise((resolve, reject) => {
    if (!pending) {
      const batch = new Map<ClaimId, Waiter[]>();
      pending = batch;
      queueMicrotask(() => {
        pending = null;
        invoke('notebooks.claimCards', { ids: [...batch.keys()] }).then(
          (cards) => cards.forEach((card) => batch.get(card.id)?.forEach((w) => w.resolve(card))),
          (error: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
        );
      });
    }
    pending.set(id, [...(pending.get(id) ?? []), { resolve, reject }]);
  });
}

export function useClaimCard(id: ClaimId): ClaimCard | undefined {
  return useQuery({ queryKey: claimCardKey(id), queryFn: () => fetchCard(id), staleTime: 5_000 })
    .data;
}

/** Puts cards fetched together (a notebook being opened, a claim just inserted) into the cache. */
export function primeClaimCards(client: QueryClient, cards: readonly ClaimCard[]): void {
  for (const card of cards) client.setQueryData(claimCardKey(card.id), card);
}

export function snapshotOf(card: Live): ClaimSnapshot {
  return {
    documentId: card.documentId,
    statement: card.statement,
    quote: card.quote,
    documentTitle: card.documentTitle,
    pages: card.pages,
  };
}
