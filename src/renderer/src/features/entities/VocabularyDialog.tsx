import { useId, useState } from 'react';
import type { VocabularyList } from '../../../../shared/api-entities';
import { invoke } from '../../api';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import { useEntities } from './store';
import { listChange, rowsOf, type Row } from './vocabularyEdit';

const LISTS: { list: VocabularyList; title: string; hint: string }[] = [
  {
    list: 'entity_kind',
    title: 'Entity kinds',
    hint: 'Renaming a kind renames it on every entity of that kind.',
  },
  {
    list: 'claim_type',
    title: 'Claim types',
    hint: 'Renaming a type renames it on every claim of that type.',
  },
];

/** The workspace's own entity kinds and claim types: rename, add, remove (when unused), reorder. */
export function VocabularyDialog({
  onClose,
  onSaved,
}: {
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const store = useEntities();
  const id = useId();
  const [rows, setRows] = useState<Record<VocabularyList, Row[]>>(() => ({
    entity_kind: rowsOf(store.vocabulary.entity_kind),
    claim_type: rowsOf(store.vocabulary.claim_type),
  }));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (list: VocabularyList, f: (rows: Row[]) => Row[]) =>
    setRows((r) => ({ ...r, [list]: f(r[list]) }));

  const save = async () => {
    setProblem(null);
    const changes = LISTS.map(({ list, title }) => ({
      list,
      title,
      change: listChange(store.vocabulary[list], rows[list]),
    }));
    for (const { title, change } of changes) {
      if (change && 'problem' in change) {
        setProblem(`${title}: ${change.problem}`);
        return;
      }
    }
    setBusy(true);
    try {
      for (const { list, change } of changes) {
        if (change && !('problem' in change)) await invoke('vocabulary.set', { list, ...change });
      }
      store.changed();
      onSaved('Lists saved');
    } catch (e) {
      // what was saved before the refusal stays saved (and undoable); show the current lists
      store.changed();
      setProblem(errorMessage(e, 'save the lists'));
      setBusy(false);
    }
  };

  return (
    <Modal title="Entity kinds and claim types" onClose={onClose} className="vocab-dialog">
      <div className="vocab-lists">
        {LISTS.map(({ list, title, hint }) => (
          <section key={list} className="vocab-list" aria-labelledby={`${id}-${list}`}>
            <h3 className="field-label" id={`${id}-${list}`}>
              {title}
            </h3>
            <ol className="vocab-rows">
              {rows[list].map((row, i) => (
                <li key={i} className="vocab-row">
                  <input
                    className="input"
                    aria-label={`${title}: ${row.from ?? 'new value'}`}
                    value={row.value}
                    onChange={(e) =>
                      edit(list, (r) =>
                        r.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                      )
                    }
                  />
                  <button
                    type="button"
                    className="echip-x"
                    aria-label={`Move ${row.value} up`}
                    disabled={i === 0}
                    onClick={() =>
                      edit(list, (r) => [...r.slice(0, i - 1), r[i]!, r[i - 1]!, ...r.slice(i + 1)])
                    }
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="echip-x"
                    aria-label={`Remove ${row.value}`}
                    onClick={() => edit(list, (r) => r.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => edit(list, (r) => [...r, { from: null, value: '' }])}
            >
              Add
            </button>
            <p className="field-hint">{hint} One still in use cannot be removed.</p>
          </section>
        ))}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => void save()}
        >
          Save lists
        </button>
      </div>
    </Modal>
  );
}
