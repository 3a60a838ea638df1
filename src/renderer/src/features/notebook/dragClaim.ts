import type { DragEvent as ReactDragEvent } from 'react';
import type { ClaimId } from '../../../../shared/model';

/** The drag payload of a claim (claims panel, claims table, evidence board) that a notebook accepts. */
export const CLAIM_DRAG_TYPE = 'application/x-claimdesk-claim';

/**
 * onDragStart of anything showing a claim: the notebook reads the id (and copies the claim in), the
 * evidence board links claims dropped on each other; other targets get the text.
 */
export function dragClaim(event: ReactDragEvent, claimId: ClaimId, text: string): void {
  event.dataTransfer.setData(CLAIM_DRAG_TYPE, claimId);
  event.dataTransfer.setData('text/plain', text);
  event.dataTransfer.effectAllowed = 'copyLink';
}

/** Whether a drag carries a claim (its data is readable only on drop; its type, always). */
export const isClaimDrag = (event: ReactDragEvent): boolean =>
  event.dataTransfer.types.includes(CLAIM_DRAG_TYPE);

export function readDraggedClaim(data: DataTransfer | null | undefined): ClaimId | null {
  const id = data?.getData(CLAIM_DRAG_TYPE) ?? '';
  return /^clm_[0-9a-f]{8,64}$/.test(id) ? (id as ClaimId) : null;
}
