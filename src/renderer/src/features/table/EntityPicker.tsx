import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EntityHit } from '../../../../shared/api-search';
import type { EntityId } from '../../../../shared/model';
import { invoke } from '../../api';
import { moveActive, prefixQuery } from '../search/results';

/** undefined: no filter; null: "none" (e.g. claims without a claimant); else one entity. */
export type EntityChoice = { id: EntityId; name: string } | null | undefined;

interface Props {
  /** the accessible name, e.g. "Filter by claimant" */
  label: string;
  value: EntityChoice;
  /** offer "none" (claims without one), labelled like this */
  noneLabel?: string;
  onChange: (value: EntityChoice) => void;
}

interface Option {
  key: string;
  label: string;
  kind?: string;
  value: EntityChoice;
}

const LIMIT = 8;

interface Found {
  query: string;
  hits: EntityHit[];
  failed: boolean;
}

/**
 * A small combobox that finds entities by name or alias as you type (prefix search over the
 * entity index), so it stays quick with thousands of them.
 */
export function EntityPicker({ label, value, noneLabel, onChange }: Props) {
  const id = useId();
  const shown = value === null ? (noneLabel ?? '') : (value?.name ?? '');
  const [text, setText] = useState(shown);
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Found>({ query: '', hits: [], failed: false });
  const [active, setActive] = useState(-1);
  const wrapRef = useRef<HTMLDivElement>(null);

  // follow the value when it changes from outside (a loaded saved filter, a search hit)
  useEffect(() => setText(shown), [shown]);

  const typed = text === shown ? '' : text;
  const query = prefixQuery(typed);
  useEffect(() => {
    if (query === '') return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('search.query', { query, kinds: ['entities'], limit: LIMIT }).then(
        (r) => live && setFound({ query, hits: r.entities, failed: false }),
        () => live && setFound({ query, hits: [], failed: true }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  const hits = query !== '' && found.query === query ? found.hits : [];
  const searching = query !== '' && found.query !== query;

  const options: Option[] = [
    ...(noneLabel ? [{ key: 'none', label: noneLabel, value: null }] : []),
    ...hits.map((h) => ({
      key: h.entityId,
      label: h.name,
      kind: h.kind,
      value: { id: h.entityId, name: h.name },
    })),
  ];

  const pick = (option: Option) => {
    onChange(option.value);
    setText(option.value === null ? (noneLabel ?? '') : (option.value?.name ?? ''));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive(moveActive(active, options.length, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = options[active] ?? (typed ? options.find((o) => o.value) : undefined);
      if (option) pick(option);
      else if (text.trim() === '') onChange(undefined);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setText(shown);
    }
  };

  const listId = `${id}-list`;
  const activeOption = options[active];
  const showList = open && (typed !== '' || noneLabel !== undefined);

  return (
    <div
      ref={wrapRef}
      className="picker"
      onBlur={(e) => {
        if (wrapRef.current?.contains(e.relatedTarget as Node | null)) return;
        setOpen(false);
        // leaving the box empty clears the filter; leaving a half-typed name keeps the old value
        if (text.trim() === '' && value !== undefined) onChange(undefined);
        else setText(shown);
      }}
    >
      <input
        className="input ct-input"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && activeOption ? `${id}-${activeOption.key}` : undefined}
        placeholder="Any"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={(e) => e.currentTarget.select()}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {value !== undefined && (
        <button
          type="button"
          className="picker-clear"
          aria-label={`Clear ${label.toLowerCase()}`}
          title="Clear"
          onClick={() => {
            onChange(undefined);
            setText('');
          }}
        >
          ✕
        </button>
      )}
      <ul id={listId} role="listbox" aria-label={label} className="picker-list" hidden={!showList}>
        {options.map((o, i) => (
          <li
            key={o.key}
            id={`${id}-${o.key}`}
            role="option"
            aria-selected={i === active}
            className={`picker-option${i === active ? ' is-active' : ''}${o.value === null ? ' is-none' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            <span className="picker-name">{o.label}</span>
            {o.kind && <span className="picker-kind">{o.kind}</span>}
          </li>
        ))}
        {query !== '' && hits.length === 0 && (
          <li className="picker-empty" aria-disabled="true">
            {searching
              ? 'Searching…'
              : found.failed
                ? 'Could not search the entities.'
                : 'No entity by that name.'}
          </li>
        )}
      </ul>
    </div>
  );
}
