import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Claim, ClaimId, DocumentId } from '../../../../shared/model';
import { rangeToUnits } from '../../offsets';
import type { ReaderHandle } from '../reader/Reader';
import type { useWorkspace } from '../shell/useWorkspace';

/** A place to show in the reader: a passage, or a claim (selected, and its passage flashed). */
export interface RevealTarget {
  documentId: DocumentId;
  /** code points into the canonical text, as the API gives them; the reader converts */
  start: number;
  end: number;
  claimId?: ClaimId;
}

/**
 * Opens a document and shows a place in it once the reader holds that document: opening is
 * asynchronous, and the reader's handle only reaches the new document after it has rendered.
 */
export function useRevealTarget(
  ws: ReturnType<typeof useWorkspace>,
  readerRef: RefObject<ReaderHandle | null>,
) {
  /** `stale`: the claims list in which the claim was missing; wait until it is replaced */
  const [target, setTarget] = useState<(RevealTarget & { stale?: readonly Claim[] }) | null>(null);
  const { open, loadingId, setSelectedClaimId, openDocument, reloadClaims } = ws;

  useEffect(() => {
    if (!target || !open || open.summary.id !== target.documentId) return;
    if (loadingId !== null && loadingId !== open.summary.id) return;
    const reader = readerRef.current;
    if (!reader) return;
    if (target.stale === open.claims) return; // reloading
    const claim = target.claimId ? open.claims.find((c) => c.id === target.claimId) : undefined;
    if (target.claimId && !claim && !target.stale) {
      // the reader's copy predates the claim (made or imported elsewhere): fetch, then try again
      setTarget({ ...target, stale: open.claims });
      void reloadClaims();
      return;
    }
    setTarget(null);
    if (claim) {
      setSelectedClaimId(claim.id);
      reader.revealClaim(claim);
    } else {
      // the reader counts UTF-16: the target becomes so against the text it is shown in
      const { start, end } = rangeToUnits(target, open.content.text);
      if (reader.revealRange) reader.revealRange(start, end);
      else (reader as { revealOffset?: (offset: number) => void }).revealOffset?.(start);
    }
    // the keyboard follows the eye: into the document, where the passage now is
    document
      .querySelector<HTMLElement>('main.reader .reader-scroll')
      ?.focus({ preventScroll: true });
  }, [target, open, loadingId, readerRef, setSelectedClaimId, reloadClaims]);

  return useCallback(
    (next: RevealTarget) => {
      setTarget({ ...next });
      void openDocument(next.documentId);
    },
    [openDocument],
  );
}
