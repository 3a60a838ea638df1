import { useMemo, useRef, type MouseEvent, type RefObject } from 'react';
import type { Claim, ClaimId } from '../../../../shared/model';
import { excerpt } from '../claims/fields';
import { claimLength } from './claimHighlights';

/**
 * The mouse over the pages' highlights. They sit under the text layer (which must get the mouse,
 * for selecting), so the claims under the pointer are found by position: a click selects one, and
 * hovering shows the pointer cursor and a tooltip naming them on the text span.
 */
export function useClaimPointer(
  scrollRef: RefObject<HTMLDivElement | null>,
  claims: readonly Claim[],
  selectedClaimId: ClaimId | null,
  onSelectClaim: (id: ClaimId) => void,
) {
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id as string, c])), [claims]);

  const claimsAt = (x: number, y: number): string[] => {
    const ids = new Set<string>();
    for (const el of document.elementsFromPoint(x, y)) {
      if (el instanceof HTMLElement && el.classList.contains('pdf-hl')) {
        for (const id of (el.dataset.claims ?? '').split(' ')) if (claimsById.has(id)) ids.add(id);
      }
    }
    return [...ids];
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return; // the user is selecting text, not clicking
    const ids = claimsAt(e.clientX, e.clientY);
    if (ids.length === 0) return;
    // clicking overlapping highlights cycles through their claims, the most specific first
    const byLength = ids.sort(
      (a, b) => claimLength(claimsById.get(a)!) - claimLength(claimsById.get(b)!),
    );
    const at = selectedClaimId ? byLength.indexOf(selectedClaimId) : -1;
    onSelectClaim(byLength[(at + 1) % byLength.length] as ClaimId);
  };

  const hoverFrame = useRef(0);
  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (e.buttons !== 0) return;
    const { clientX, clientY } = e;
    const target = e.target as HTMLElement;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const ids = claimsAt(clientX, clientY);
      scrollRef.current?.classList.toggle('is-over-claim', ids.length > 0);
      if (target.closest('.textLayer')) {
        target.title =
          ids.length === 0
            ? ''
            : `${ids.length > 1 ? `${ids.length} claims` : 'Claim'} (click to select):\n` +
              ids.map((id) => `• ${excerpt(claimsById.get(id)!.statement, 140)}`).join('\n');
      }
    });
  };

  return { onClick, onMouseMove };
}
