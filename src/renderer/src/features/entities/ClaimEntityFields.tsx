import type { ReactNode } from 'react';
import type { Claim, EntityId } from '../../../../shared/model';
import type { ClaimPatch } from '../claims/useClaimSaver';
import { EntityCombobox } from './EntityCombobox';
import type { EntityRef } from './options';
import { useEntities } from './store';

interface Props {
  claim: Claim;
  save: (patch: ClaimPatch) => Promise<boolean>;
  /** the backend's message for a field that did not save */
  errors: Partial<Record<keyof ClaimPatch, string>>;
}

/** Claimant, subjects and place of the selected claim, each saved as soon as it is picked. */
export function ClaimEntityFields({ claim, save, errors }: Props) {
  const store = useEntities();
  const ref = (id: EntityId | null): EntityRef[] => {
    if (!id) return [];
    const e = store.byId.get(id);
    return [{ id, name: e?.name ?? '…', kind: e?.kind ?? 'other' }];
  };
  const placeKind = store.vocabulary.entity_kind.includes('place') ? 'place' : undefined;
  const saveRoles = async (patch: ClaimPatch) => {
    // the entities' claim counts change with their roles
    if (await save(patch)) store.changed('counts');
  };

  return (
    <div className="role-fields">
      <Field label="Claimant" error={errors.claimantId}>
        <EntityCombobox
          label="Claimant"
          values={ref(claim.claimantId)}
          placeholder="Who asserts it?"
          onChange={(v) => void saveRoles({ claimantId: v.at(-1)?.id ?? null })}
        />
      </Field>
      <Field label="Subjects" error={errors.subjectIds}>
        <EntityCombobox
          label="Subjects"
          multiple
          values={claim.subjectIds.flatMap((id) => ref(id))}
          placeholder="About whom?"
          onChange={(v) => void saveRoles({ subjectIds: v.map((e) => e.id) })}
        />
      </Field>
      <Field label="Place" error={errors.placeId}>
        <EntityCombobox
          label="Place"
          kind={placeKind}
          values={ref(claim.placeId)}
          placeholder="Where?"
          onChange={(v) => void saveRoles({ placeId: v.at(-1)?.id ?? null })}
        />
      </Field>
    </div>
  );
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="role-row">
      {/* the combobox carries the same name; this is what the eye reads */}
      <span className="role-label" aria-hidden="true">
        {label}
      </span>
      <div className="role-field">
        {children}
        {error && <p className="field-error">{error}</p>}
      </div>
    </div>
  );
}
