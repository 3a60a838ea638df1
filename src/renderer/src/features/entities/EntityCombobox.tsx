import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { errorMessage } from '../shell/useToasts';
import {
  createLabel,
  defaultActive,
  entityOptions,
  moveActive,
  type EntityOption,
  type EntityRef,
} from './options';
import { useEntities } from './store';
import { useEntitySearch } from './useEntitySearch';
import './entities.css';

interface Props {
  /** the accessible name, e.g. "Claimant" */
  label: string;
  values: readonly EntityRef[];
  multiple?: boolean;
  /** only entities of this kind are found and created (the place of a claim) */
  kind?: string;
  /** offer "Create “…” as …"; default true */
  allowCreate?: boolean;
  initialQuery?: string;
  placeholder?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (values: EntityRef[]) => void;
  /** Enter with nothing typed: the tagging popover saves */
  onSubmit?: () => void;
  /** Escape: the tagging popover cancels; without it Escape closes the list */
  onEscape?: () => void;
  /** Tab with a typed name takes the best existing match (never creates one) */
  tabPicks?: boolean;
  /** ids not to offer (the entity itself, when merging) */
  exclude?: readonly string[];
}

/**
 * Picks entities by typing: fuzzy search over names and aliases as you type, ↑/↓ and Enter to take
 * one, or create it on the spot. One entity, or several as chips (subjects).
 */
export function EntityCombobox(props: Props) {
  const { label, values, multiple = false, kind, allowCreate = true, onChange } = props;
  const store = useEntities();
  const id = useId();
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [open, setOpen] = useState(props.initialQuery !== undefined);
  const [active, setActive] = useState(() => defaultActive(props.initialQuery ?? ''));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const search = useEntitySearch(query, kind, store.version);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [up, setUp] = useState(false);

  const recent = useMemo(
    () =>
      store.recent.flatMap((rid) => {
        const e = store.byId.get(rid);
        return e && (!kind || e.kind === kind) ? [{ id: e.id, name: e.name, kind: e.kind }] : [];
      }),
    [store.recent, store.byId, kind],
  );
  const createKinds = !allowCreate ? [] : kind ? [kind] : store.vocabulary.entity_kind;
  const exclude = props.exclude ?? [];
  const hits = search.hits.filter((h) => !exclude.includes(h.entity.id));
  const options = entityOptions({
    query,
    hits,
    chosen: values.map((v) => v.id),
    recent: recent.filter((r) => !exclude.includes(r.id)),
    createKinds,
  });

  const choose = async (option: EntityOption) => {
    let ref: EntityRef;
    if (option.type === 'create') {
      setBusy(true);
      try {
        const created = await store.create(option.kind, option.name);
        // marked as made here: the claim or mention saved with it takes it into its undo step
        ref = { id: created.id, name: created.name, kind: created.kind, created: true };
      } catch (e) {
        setProblem(errorMessage(e, 'create the entity'));
        return;
      } finally {
        setBusy(false);
      }
    } else {
      ref = option.entity;
      store.used(ref.id);
    }
    setProblem(null);
    onChange(multiple ? [...values.filter((v) => v.id !== ref.id), ref] : [ref]);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const typed = query.trim() !== '';
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive(moveActive(active, options.length, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (busy) return;
      if (typed && search.stale && active === 0) {
        // typed faster than the search: take the best match for what is typed now
        const fresh = await search.flush().catch(() => []);
        const now = entityOptions({
          query,
          hits: fresh.filter((h) => !exclude.includes(h.entity.id)),
          chosen: values.map((v) => v.id),
          recent: [],
          createKinds,
        });
        if (now[0]) void choose(now[0]);
        return;
      }
      const option = open || typed ? options[active] : undefined;
      if (option) void choose(option);
      else if (!typed) props.onSubmit?.();
    } else if (e.key === 'Tab' && props.tabPicks && typed && !e.shiftKey) {
      const option = options[active];
      if (option?.type === 'entity') void choose(option);
    } else if (e.key === 'Escape') {
      if (props.onEscape) {
        e.preventDefault();
        e.stopPropagation();
        props.onEscape();
      } else if (open || typed) {
        e.preventDefault();
        e.stopPropagation();
        setQuery('');
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && !typed && values.length > 0) {
      e.preventDefault();
      onChange(values.slice(0, -1));
    }
  };

  const creates = options.flatMap((o, i) => (o.type === 'create' ? [{ o, i }] : []));
  const listId = `${id}-list`;
  const showList = open && !busy && (options.length > 0 || query.trim() !== '');
  const activeOption = showList ? options[active] : undefined;

  return (
    <div
      ref={wrapRef}
      className={`ecombo${multiple ? ' is-multiple' : ''}`}
      onBlur={(e) => {
        if (wrapRef.current?.contains(e.relatedTarget as Node | null)) return;
        setOpen(false);
        setQuery('');
      }}
    >
      <div className="ecombo-box" onClick={(e) => e.currentTarget.querySelector('input')?.focus()}>
        {values.map((v) => (
          <span key={v.id} className="echip" data-kind={v.kind}>
            <span className="echip-name">{v.name}</span>
            <button
              type="button"
              className="echip-x"
              aria-label={`Remove ${v.name}`}
              tabIndex={-1}
              onClick={() => onChange(values.filter((x) => x.id !== v.id))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          ref={props.inputRef}
          className="ecombo-input"
          role="combobox"
          aria-label={label}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeOption ? `${id}-${activeOption.key}` : undefined}
          aria-busy={busy || undefined}
          autoComplete="off"
          spellCheck={false}
          autoFocus={props.autoFocus}
          placeholder={values.length > 0 && !multiple ? '' : props.placeholder}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            // a new query makes its best match the one Enter takes
            setActive(defaultActive(e.target.value));
          }}
          onFocus={(e) => {
            setOpen(true);
            // open upwards near the bottom of the window, where a list below would be cut off
            const box = e.currentTarget.getBoundingClientRect();
            setUp(
              window.innerHeight - box.bottom < 240 && box.top > window.innerHeight - box.bottom,
            );
          }}
          onKeyDown={(e) => void onKeyDown(e)}
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className={`ecombo-list${up ? ' is-up' : ''}`}
        hidden={!showList}
      >
        {options.map((o, i) =>
          o.type === 'entity' ? (
            <li
              key={o.key}
              id={`${id}-${o.key}`}
              role="option"
              aria-selected={i === active}
              className={`ecombo-option${i === active ? ' is-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => void choose(o)}
            >
              <span className="kind-dot" data-kind={o.entity.kind} aria-hidden="true" />
              <span className="ecombo-name">{o.entity.name}</span>
              {o.matched && <span className="ecombo-alias">{o.matched}</span>}
              <span className="ecombo-kind">{o.entity.kind}</span>
            </li>
          ) : null,
        )}
        {creates.length > 0 && (
          // one calm line, "Create “…” as person · organization · …", each kind its own option
          <li
            role="group"
            aria-label={`Create “${creates[0]!.o.name}” as`}
            className="ecombo-create"
          >
            <span className="ecombo-create-label" aria-hidden="true">
              + Create “{creates[0]!.o.name}” as
            </span>
            {creates.map(({ o, i }) => (
              <span
                key={o.key}
                id={`${id}-${o.key}`}
                role="option"
                aria-selected={i === active}
                aria-label={createLabel(o.name, o.kind)}
                className={`ecombo-kindopt${i === active ? ' is-active' : ''}`}
                data-kind={o.kind}
                onMouseDown={(e) => e.preventDefault()}
                onMouseMove={() => i !== active && setActive(i)}
                onClick={() => void choose(o)}
              >
                {o.kind}
              </span>
            ))}
          </li>
        )}
        {options.length === 0 && query.trim() !== '' && (
          <li className="ecombo-empty" aria-disabled="true">
            {search.searching ? 'Searching…' : search.failed ? 'Could not search.' : 'No match.'}
          </li>
        )}
      </ul>
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}
