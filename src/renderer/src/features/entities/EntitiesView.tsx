import { memo, useCallback, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { EntitySummary } from '../../../../shared/api-entities';
import type { EntityId } from '../../../../shared/model';
import { plural } from '../../lib/format';
import { moveFocusInList } from '../../lib/listKeys';
import { SuggestedMentions } from '../mentions/SuggestedMentions';
import { errorMessage } from '../shell/useToasts';
import { ActionButton } from '../../actions/ActionButton';
import { useActions } from '../../actions/context';
import { EntityPage } from './EntityPage';
import { useEntities } from './store';
import { VocabularyDialog } from './VocabularyDialog';

export type EntitiesPane =
  { type: 'entity'; id: EntityId } | { type: 'suggestions' } | { type: 'new' };

interface Props {
  pane: EntitiesPane;
  onPane: (pane: EntitiesPane) => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
  onUndoable: (message: string) => void;
}

/**
 * Every entity, by kind, with how often it is mentioned and claimed about; the entity's page, a new
 * entity, or the review of suggested mentions beside it.
 */
function EntitiesViewImpl({ pane, onPane, onStatus, onError, onUndoable }: Props) {
  const store = useEntities();
  const headingId = useId();
  const [filter, setFilter] = useState('');
  const [editingLists, setEditingLists] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(
    () => groupByKind(store.list ?? [], filter, store.vocabulary.entity_kind),
    [store.list, filter, store.vocabulary.entity_kind],
  );

  useActions([
    {
      id: 'entity.new',
      label: 'New entity',
      keys: ['N'],
      scope: 'entities',
      perform: () => onPane({ type: 'new' }),
    },
  ]);

  const gone = useCallback(() => onPane({ type: 'suggestions' }), [onPane]);
  const selectedId = pane.type === 'entity' ? pane.id : null;
  const total = store.list?.length ?? 0;

  // the list alone is remembered: the app re-renders every view when another comes to the front,
  // and 5,000 entities made each of those renders take a noticeable moment
  const groupList = useMemo(
    () =>
      groups.map(([kind, list]) => (
        <section key={kind} className="ent-group">
          <h3 className="ent-group-title">
            <span className="kind-dot" data-kind={kind} aria-hidden="true" />
            {kind}
            <span className="pane-count">{list.length}</span>
          </h3>
          <ul className="ent-list" aria-label={kind}>
            {list.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className={`ent-item${e.id === selectedId ? ' is-selected' : ''}`}
                  aria-current={e.id === selectedId ? 'page' : undefined}
                  onClick={() => onPane({ type: 'entity', id: e.id })}
                >
                  <span className="ent-item-name">{e.name}</span>
                  <span
                    className="ent-item-counts"
                    title={`${plural(e.mentionCount, 'mention')}, ${plural(e.claimCount, 'claim')}`}
                  >
                    {e.mentionCount} · {e.claimCount}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )),
    [groups, selectedId, onPane],
  );

  return (
    <div className="entities-view">
      <nav className="pane ent-sidebar" aria-labelledby={headingId}>
        <div className="pane-head">
          <h2 className="pane-title" id={headingId}>
            Entities
          </h2>
          <span className="pane-count">{plural(total, 'entity', 'entities')}</span>
          <ActionButton action="entity.new" className="btn btn-small">
            New entity
          </ActionButton>
        </div>
        <div className="ent-filter">
          <input
            className="input"
            type="search"
            aria-label="Filter entities"
            placeholder="Filter by name or alias"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                listRef.current?.querySelector<HTMLElement>('.ent-item')?.focus();
              }
            }}
          />
        </div>
        <button
          type="button"
          className={`ent-inbox${pane.type === 'suggestions' ? ' is-selected' : ''}`}
          aria-current={pane.type === 'suggestions' ? 'page' : undefined}
          onClick={() => onPane({ type: 'suggestions' })}
        >
          <span>Suggested mentions</span>
          {store.pending !== null && store.pending > 0 && (
            <span className="count-badge">{store.pending}</span>
          )}
        </button>
        <div
          ref={listRef}
          className="ent-groups"
          onKeyDown={(e) =>
            (e.target as HTMLElement).classList.contains('ent-item') &&
            moveFocusInList(e, '.ent-item')
          }
        >
          {store.list !== null && total === 0 && (
            <p className="pane-empty">
              No entities yet. Create one here (<kbd>N</kbd>), or select a name in a document and
              press <kbd>E</kbd>.
            </p>
          )}
          {groupList}
        </div>
        <div className="ent-foot">
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-haspopup="dialog"
            onClick={() => setEditingLists(true)}
          >
            Kinds and claim types…
          </button>
        </div>
      </nav>
      <div className="ent-main">
        {pane.type === 'entity' ? (
          <EntityPage
            key={pane.id}
            id={pane.id}
            onStatus={onStatus}
            onError={onError}
            onGone={gone}
            onUndoable={onUndoable}
          />
        ) : pane.type === 'new' ? (
          <NewEntity
            onCreated={(id) => onPane({ type: 'entity', id })}
            onCancel={() => onPane({ type: 'suggestions' })}
          />
        ) : (
          <SuggestedMentions onStatus={onStatus} onError={onError} />
        )}
      </div>
      {editingLists && (
        <VocabularyDialog
          onClose={() => setEditingLists(false)}
          onSaved={(message) => {
            setEditingLists(false);
            onStatus(message);
          }}
        />
      )}
    </div>
  );
}

/** Memoized: the app re-renders on every switch of view, and this list can hold thousands. */
export const EntitiesView = memo(EntitiesViewImpl);

function NewEntity({
  onCreated,
  onCancel,
}: {
  onCreated: (id: EntityId) => void;
  onCancel: () => void;
}) {
  const store = useEntities();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState(store.vocabulary.entity_kind[0] ?? 'person');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setProblem('Give the entity a name.');
      return;
    }
    try {
      const entity = await store.create(kind, name.trim());
      onCreated(entity.id);
    } catch (err) {
      setProblem(errorMessage(err, 'create the entity'));
    }
  };

  return (
    <form className="ent-page ent-new" aria-labelledby={`${id}-t`} onSubmit={(e) => void submit(e)}>
      <h2 className="ent-title" id={`${id}-t`}>
        New entity
      </h2>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-name`}>
          Name
        </label>
        <input
          id={`${id}-name`}
          className="input"
          autoFocus
          value={name}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
          onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-kind`}>
          Kind
        </label>
        <select
          id={`${id}-kind`}
          className="input select"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        >
          {store.vocabulary.entity_kind.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      {problem && <p className="field-error">{problem}</p>}
      <p className="field-hint">Aliases, a description and identifiers can be added next.</p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Create entity
        </button>
      </div>
    </form>
  );
}

function groupByKind(
  list: readonly EntitySummary[],
  filter: string,
  kinds: readonly string[],
): [string, EntitySummary[]][] {
  const q = filter.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const groups = new Map<string, EntitySummary[]>(kinds.map((k) => [k, []]));
  for (const e of list) {
    if (q && ![e.name, ...e.aliases].some((n) => fold(n).includes(q))) continue;
    groups.set(e.kind, [...(groups.get(e.kind) ?? []), e]);
  }
  return [...groups].filter(([, l]) => l.length > 0);
}
