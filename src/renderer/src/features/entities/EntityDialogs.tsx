import { useState } from 'react';
import type { EntitySummary } from '../../../../shared/api-entities';
import { invoke } from '../../api';
import { plural } from '../../lib/format';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import { EntityCombobox } from './EntityCombobox';
import type { EntityRef } from './options';
import { useEntities } from './store';

interface MergeProps {
  survivor: EntitySummary;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** Picks duplicates to fold into this entity, and says exactly what moves before it happens. */
export function MergeDialog({ survivor, onDone, onClose }: MergeProps) {
  const store = useEntities();
  const [chosen, setChosen] = useState<EntityRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const merged = chosen.map((c) => store.byId.get(c.id)).filter((e) => e !== undefined);
  const mentions = merged.reduce((n, e) => n + e.mentionCount, 0);
  const claims = merged.reduce((n, e) => n + e.claimCount, 0);
  const names = merged.flatMap((e) => [e.name, ...e.aliases]);

  const merge = async () => {
    setBusy(true);
    try {
      const r = await invoke('entities.merge', {
        survivorId: survivor.id,
        mergedIds: chosen.map((c) => c.id),
      });
      store.changed();
      onDone(
        `Merged ${plural(chosen.length, 'entity', 'entities')} into ${r.entity.name}: ` +
          `${plural(r.moved.mentions, 'mention')} and ${plural(r.moved.claims, 'claim')} moved`,
      );
    } catch (e) {
      setProblem(errorMessage(e, 'merge'));
      setBusy(false);
    }
  };

  return (
    <Modal title={`Merge into “${survivor.name}”`} onClose={onClose} className="ent-dialog">
      <p className="modal-note">Choose the duplicates of {survivor.name}.</p>
      <EntityCombobox
        label="Entities to merge"
        multiple
        allowCreate={false}
        autoFocus
        exclude={[survivor.id]}
        values={chosen}
        placeholder="Type a name or alias"
        onChange={setChosen}
      />
      {merged.length > 0 && (
        <div className="merge-summary" aria-live="polite">
          <p>
            {plural(mentions, 'mention')} and {plural(claims, 'claim')} (as claimant, subject or
            place) move to <strong>{survivor.name}</strong>.
          </p>
          <p>
            {names.length > 0 && <>Added as aliases: {names.map((n) => `“${n}”`).join(', ')}. </>}
            {merged.map((e) => e.name).join(', ')} will no longer exist on its own. You can undo
            this ({/Mac/.test(navigator.platform) ? '⌘' : 'Ctrl'}+Z).
          </p>
        </div>
      )}
      {problem && <p className="field-error">{problem}</p>}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || chosen.length === 0}
          onClick={() => void merge()}
        >
          {busy ? 'Merging…' : 'Merge'}
        </button>
      </div>
    </Modal>
  );
}

interface DeleteProps {
  entity: EntitySummary;
  /** the backend's account of what refers to the entity */
  message: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** The second step of deleting an entity something still refers to. Cancel has the focus. */
export function DeleteDialog({ entity, message, onConfirm, onClose }: DeleteProps) {
  return (
    <Modal title={`Delete “${entity.name}”?`} onClose={onClose} className="ent-dialog">
      <p className="delete-warning">{message}</p>
      <p className="modal-note">You can undo this.</p>
      <div className="modal-actions">
        <button type="button" className="btn" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm}>
          Delete anyway
        </button>
      </div>
    </Modal>
  );
}
