import { useEffect, useId, useState } from 'react';
import type { ClaimFilter, SavedFilter } from '../../../../shared/api-search';
import { invoke } from '../../api';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import { cleanFilter, sameFilter, type SortState } from './model';

interface Props {
  filter: ClaimFilter;
  sort: SortState;
  /** load the list when the table is first shown, not at app start */
  active: boolean;
  onLoad: (saved: SavedFilter) => void;
  onInfo: (message: string, action?: { label: string; run: () => void }) => void;
  onError: (message: string) => void;
}

/** Save the current filter by name, load one, delete one. */
export function SavedFilters({ filter, sort, active, onLoad, onInfo, onError }: Props) {
  const [list, setList] = useState<SavedFilter[] | null>(null);
  const [naming, setNaming] = useState(false);

  useEffect(() => {
    if (!active || list !== null) return;
    invoke('filters.list', {}).then(setList, (e: unknown) =>
      onError(errorMessage(e, 'load the saved filters')),
    );
  }, [active, list, onError]);

  const current = list?.find((s) => sameFilter(s.filter, filter));
  const refresh = async () => setList(await invoke('filters.list', {}));

  const save = async (name: string) => {
    await invoke('filters.save', { name, filter: cleanFilter(filter), sort });
    await refresh();
    onInfo(`Saved the filter “${name}”.`);
  };

  const remove = async (saved: SavedFilter) => {
    try {
      await invoke('filters.delete', { name: saved.name });
      await refresh();
      onInfo(`Deleted the saved filter “${saved.name}”.`, {
        label: 'Undo',
        run: () =>
          void invoke('filters.save', { name: saved.name, filter: saved.filter, sort: saved.sort })
            .then(refresh)
            .catch((e: unknown) => onError(errorMessage(e, 'restore the saved filter'))),
      });
    } catch (e) {
      onError(errorMessage(e, 'delete the saved filter'));
    }
  };

  return (
    <div className="ct-saved" role="group" aria-label="Saved filters">
      <select
        className="input ct-saved-select"
        aria-label="Saved filter"
        value={current?.name ?? ''}
        onChange={(e) => {
          const saved = list?.find((s) => s.name === e.target.value);
          if (saved) onLoad(saved);
        }}
      >
        <option value="" disabled>
          {list === null ? 'Loading…' : list.length === 0 ? 'No saved filters' : 'Saved filters…'}
        </option>
        {list?.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" onClick={() => setNaming(true)}>
        Save filter…
      </button>
      {current && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => void remove(current)}
          aria-label={`Delete saved filter ${current.name}`}
          title="Delete this saved filter"
        >
          Delete
        </button>
      )}
      {naming && (
        <SaveDialog
          existing={list?.map((s) => s.name) ?? []}
          onClose={() => setNaming(false)}
          onSave={save}
        />
      )}
    </div>
  );
}

function SaveDialog(props: {
  existing: string[];
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
}) {
  const { existing, onClose, onSave } = props;
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const trimmed = name.trim();
  const replaces = existing.includes(trimmed);
  return (
    <Modal title="Save filter" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!trimmed) {
            setError('Give the filter a name.');
            return;
          }
          setBusy(true);
          onSave(trimmed).then(onClose, (err: unknown) => {
            setBusy(false);
            setError(errorMessage(err, 'save the filter'));
          });
        }}
      >
        <label className="field-label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          id={`${id}-name`}
          className="input"
          autoFocus
          maxLength={200}
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
        />
        <p id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {error ??
            (replaces
              ? 'A saved filter has this name: saving replaces it.'
              : 'Saves the filters and the sort order of the table.')}
        </p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {replaces ? 'Replace' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
