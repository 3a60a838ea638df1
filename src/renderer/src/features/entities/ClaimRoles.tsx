import type { Claim, EntityId } from '../../../../shared/model';
import { useEntitiesMaybe } from './store';

/** "ISIS → Gulmurod Khalimov · in Khujand": who claims what about whom, in a claim's summary. */
export function ClaimRoles({ claim }: { claim: Claim }) {
  const store = useEntitiesMaybe();
  if (!store || (!claim.claimantId && claim.subjectIds.length === 0 && !claim.placeId)) return null;
  const chip = (id: EntityId) => {
    const e = store.byId.get(id);
    return (
      <span key={id} className="role-entity" data-kind={e?.kind ?? 'other'}>
        <span className="kind-dot" data-kind={e?.kind ?? 'other'} aria-hidden="true" />
        {e?.name ?? '…'}
      </span>
    );
  };
  return (
    <p className="claim-roles">
      {claim.claimantId ? chip(claim.claimantId) : <span className="role-none">unattributed</span>}
      {claim.subjectIds.length > 0 && (
        <>
          <span className="role-arrow" aria-label="about">
            →
          </span>
          {claim.subjectIds.map(chip)}
        </>
      )}
      {claim.placeId && (
        <>
          <span className="role-arrow">in</span>
          {chip(claim.placeId)}
        </>
      )}
    </p>
  );
}
