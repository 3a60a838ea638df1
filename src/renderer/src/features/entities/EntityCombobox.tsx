import { useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { Combobox } from '../../lib/Combobox';
import { errorMessage } from '../shell/useToasts';
import {
  entityOptions,
  kindOptions,
  preselected,
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
  /** offer "Create “…”"; default true */
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
  /** Tab with a typed name takes the highlighted strong match (never a weak one, never creates) */
  tabPicks?: boolean;
  /** ids not to offer (the entity itself, when merging) */
  exclude?: readonly string[];
  /** the text typed and not (yet) picked, so a form can say it is not saved */
  onPendingText?: (text: string) => void;
}

/**
 * Picks entities by typing: ranked search over names and aliases (shared/rank-entities.ts) on the
 * one combobox (lib/Combobox.tsx); ↑/↓ and Enter take one; "Create “…”" asks for the kind. One
 * entity, or several as chips (subjects).
 */
export function EntityCombobox(props: Props) {
  const { label, values, multiple = false, kind, allowCreate = true, onChange } = props;
  const store = useEntities();
  const [query, setQueryState] = useState(props.initialQuery ?? '');
  /** "Create “name” as…?": the name waiting for its kind */
  const [creating, setCreating] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const search = useEntitySearch(query, kind);
  const setQuery = (text: string) => {
    setQueryState(text);
    setCreating(null);
    props.onPendingText?.(text.trim());
  };

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
  const optionsFor = (hits: typeof search.hits, withRecent: boolean) =>
    entityOptions({
      query,
      hits: hits.filter((h) => !exclude.includes(h.entity.id)),
      chosen: values.map((v) => v.id),
      recent: withRecent ? recent.filter((r) => !exclude.includes(r.id)) : [],
      createKinds,
    });
  const options =
    creating !== null ? kindOptions(creating, createKinds) : optionsFor(search.hits, true);
  // an answer for an older query highlights nothing: Enter waits for the current one (below)
  const preselect = creating !== null || search.stale ? -1 : preselected(options);

  const create = async (name: string, entityKind: string) => {
    setBusy(true);
    try {
      const created = await store.create(entityKind, name);
      // marked as made here: the claim or mention saved with it takes it into its undo step
      return { id: created.id, name: created.name, kind: created.kind, created: true };
    } catch (e) {
      setProblem(errorMessage(e, 'create the entity'));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const pick = async (option: EntityOption) => {
    if (option.type === 'create' && option.kinds.length > 1) {
      setCreating(option.name); // ask for the kind
      return;
    }
    const ref =
      option.type === 'entity'
        ? option.entity
        : option.type === 'kind'
          ? await create(option.name, option.kind)
          : await create(option.name, option.kinds[0]!);
    if (!ref) return;
    if (option.type === 'entity') store.used(ref.id);
    setProblem(null);
    onChange(multiple ? [...values.filter((v) => v.id !== ref.id), ref] : [ref]);
    setQuery('');
  };

  const onKeyDown = (
    e: KeyboardEvent<HTMLInputElement>,
    highlighted: EntityOption | null,
  ): boolean => {
    const typed = query.trim() !== '';
    if (e.key === 'Escape' && creating !== null) {
      e.preventDefault();
      e.stopPropagation();
      setCreating(null); // back to the name
      return true;
    }
    // "Create “…”" is made from the text as typed now, never from an older answer: when the
    // researcher has moved to it (End, ↓), Enter takes it even while a search is still on its way
    const chosenCreate = highlighted?.type === 'create';
    if (e.key === 'Enter' && typed && creating === null && search.stale && !chosenCreate) {
      // typed faster than the search: take the best match for what is typed now, if strong
      e.preventDefault();
      void search.flush().then(
        (fresh) => {
          const now = optionsFor(fresh, false);
          const at = preselected(now);
          if (at >= 0) void pick(now[at]!);
        },
        () => setProblem('Could not search the entities.'),
      );
      return true;
    }
    if (e.key === 'Backspace' && !typed && values.length > 0) {
      e.preventDefault();
      onChange(values.slice(0, -1));
      return true;
    }
    return false;
  };

  return (
    <>
      <Combobox<EntityOption>
        label={label}
        className={multiple ? 'is-multiple' : undefined}
        items={options}
        itemKey={(o) => o.key}
        renderItem={renderOption}
        itemLabel={(o) =>
          o.type === 'create'
            ? o.kinds.length > 1
              ? `Create “${o.name}”…`
              : `Create “${o.name}” as ${o.kinds[0]}`
            : o.type === 'kind'
              ? `Create “${o.name}” as ${o.kind}`
              : undefined
        }
        preselect={preselect}
        keepsOpen={(o) => o.type === 'create' && o.kinds.length > 1}
        tabTakes={(o) => Boolean(props.tabPicks) && o.type === 'entity' && o.strong}
        inputValue={query}
        onInputValueChange={setQuery}
        onPick={(o) => void pick(o)}
        onEnterEmpty={props.onSubmit}
        onEscape={props.onEscape}
        onKeyDown={onKeyDown}
        busy={busy}
        searching={search.stale}
        inputRef={props.inputRef}
        autoFocus={props.autoFocus}
        placeholder={values.length > 0 && !multiple ? '' : props.placeholder}
        header={
          creating !== null ? (
            <p className="combo-header">Create “{creating}” as which kind?</p>
          ) : undefined
        }
        empty={
          <p className="ecombo-empty">
            {search.searching ? 'Searching…' : search.failed ? 'Could not search.' : 'No match.'}
          </p>
        }
        before={values.map((v) => (
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
      />
      {problem && <p className="field-error">{problem}</p>}
    </>
  );
}

function renderOption(o: EntityOption) {
  if (o.type === 'entity') {
    return (
      <>
        <span className="kind-dot" data-kind={o.entity.kind} aria-hidden="true" />
        <span className="ecombo-name">{o.entity.name}</span>
        {o.matched && <span className="ecombo-alias">{o.matched}</span>}
        <span className="ecombo-kind">{o.entity.kind}</span>
      </>
    );
  }
  if (o.type === 'create') {
    return (
      <span className="ecombo-name ecombo-create-option">
        + Create “{o.name}”{o.kinds.length > 1 ? '…' : ` as ${o.kinds[0]}`}
      </span>
    );
  }
  return (
    <>
      <span className="kind-dot" data-kind={o.kind} aria-hidden="true" />
      <span className="ecombo-name">{o.kind}</span>
      <span className="ecombo-kind">new “{o.name}”</span>
    </>
  );
}
