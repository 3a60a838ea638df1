import type { ClaimFilter } from '../../../../shared/api-search';
import type { EntityId } from '../../../../shared/model';
import { invoke } from '../../api';

const ROLES = ['claimantId', 'subjectId', 'placeId'] as const;
export type EntityRole = (typeof ROLES)[number];

export const ROLE_LABEL: Record<EntityRole, string> = {
  claimantId: 'claimant',
  subjectId: 'subject',
  placeId: 'place',
};

/**
 * The claims-table filter for "claims about this entity": the role (claimant, subject, place) in
 * which it has the most claims, claimant when it has none yet. The filter is an AND, so one role.
 */
export async function entityFilter(
  entityId: EntityId,
): Promise<{ role: EntityRole; filter: Partial<ClaimFilter>; count: number }> {
  const totals = await Promise.all(
    ROLES.map((role) =>
      invoke('claims.query', { filter: { [role]: entityId }, limit: 1 }).then((p) => p.total),
    ),
  );
  let best = 0;
  totals.forEach((n, i) => n > totals[best]! && (best = i));
  const role = ROLES[best]!;
  return { role, filter: { [role]: entityId }, count: totals[best]! };
}
