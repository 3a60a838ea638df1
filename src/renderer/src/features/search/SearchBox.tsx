import {
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { SearchKind, SearchResults } from '../../../../shared/api-search';
import type { DocumentId } from '../../../../shared/model';
import { plural } from '../../lib/format';
import { placeIn } from '../../../../shared/source-groups';
import { FileChoice } from '../sources/FileChoice';
import { chooseFile, fileFor, useChosenFiles } from '../sources/chosenFile';
import { groupResults, moveActive, type SearchGroup, type SearchOption } from './results';
import { SearchHint } from './SearchHint';
import { SearchOptionView } from './SearchOptionView';
import { useSearch } from './useSearch';

export interface SearchBoxHandle {
  focus(): void;
}

interface Props {
  /** the document in the reader: offered as a scope */
  openDocument: { id: DocumentId; title: string } | null;
  onOpen: (option: SearchOption) => void;
  ref?: Ref<SearchBoxHandle>;
}

const FIRST_LIMIT = 20;
const MORE_LIMIT = 100;

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The one search box: a combobox whose popup lists passages, claims and entities, grouped, with
 * the matched words highlighted. Focus stays in the box; ↑/↓ move the active result and Enter
 * opens it.
 */
export function SearchBox({ openDocument, onOpen, ref }: Props) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [limit, setLimit] = useState(FIRST_LIMIT);
  const [inDocument, setInDocument] = useState(false);
  const scope = inDocument && openDocument ? openDocument.id : null;
  const search = useSearch(query, limit, scope);

  const groups = useMemo(
    () => (search.results ? groupResults(search.results) : []),
    [search.results],
  );
  const options = useMemo(() => groups.flatMap((g) => g.options), [groups]);
  const groupOf = useMemo(
    () => new Map(groups.flatMap((g) => g.options.map((o) => [o, g] as const))),
    [groups],
  );
  const choices = useChosenFiles();
  const activeOption = options[active];
  const optionId = (key: string) => `${id}-opt-${key}`;

  useImperativeHandle(ref, () => ({
    focus() {
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    },
  }));

  /** the file a group's passages open in: the researcher's choice, else the work's first file */
  const fileOf = (g: SearchGroup | undefined) =>
    g?.source ? fileFor(g.source, choices) : undefined;

  const choose = (option: SearchOption) => {
    setOpen(false);
    if (option.kind !== 'passages') return onOpen(option);
    // a passage found in several files of one work opens in the file chosen for the work
    const place = placeIn(option.hit, fileOf(groupOf.get(option)));
    onOpen({ ...option, hit: { ...option.hit, ...place, page: place.page ?? null } });
  };

  /** Alt+←/→ on a passage of a work with several files: the file its passages open in. */
  const cycleFile = (direction: 1 | -1) => {
    const source = activeOption ? groupOf.get(activeOption)?.source : undefined;
    if (!source || source.files.length < 2) return false;
    const at = source.files.findIndex((f) => f.documentId === fileFor(source, choices));
    const next = source.files[(at + direction + source.files.length) % source.files.length]!;
    chooseFile(source.sourceId, next.documentId);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.altKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      if (cycleFile(e.key === 'ArrowRight' ? 1 : -1)) e.preventDefault();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const next = moveActive(active, options.length, e.key);
      setActive(next);
      const el = document.getElementById(optionId(options[next]?.key ?? ''));
      el?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = activeOption ?? (search.query === query.trim() ? options[0] : undefined);
      if (option) choose(option);
    } else if (e.key === 'Escape') {
      // Escape closes the results first, then clears the box; the app's Escape is not involved
      e.preventDefault();
      e.stopPropagation();
      if (open && query !== '') setOpen(false);
      else if (query !== '') setQuery('');
      else inputRef.current?.blur();
    }
  };

  const total = options.length;
  const showSpinner = search.pending && search.slow;
  const upToDate = !search.pending && search.query === query.trim();
  const anyMore = search.results ? Object.values(search.results.more).some(Boolean) : false;
  const newestFirst = search.results ? newestKinds(search.results) : [];

  let status = '';
  if (query.trim() === '') status = '';
  else if (search.error && !search.pending) status = search.error;
  else if (showSpinner) status = 'Searching…';
  else if (upToDate && total === 0) status = `No matches for “${search.query}”.`;
  else if (upToDate) status = `${plural(total, 'result')}${anyMore ? ' (more exist)' : ''}`;

  return (
    <div
      ref={containerRef}
      className="search"
      role="search"
      onBlur={(e) => {
        if (!containerRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <div className={`search-field${search.error && !search.pending ? ' is-invalid' : ''}`}>
        <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path
            d="M10.5 10.5 14 14"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
        <input
          ref={inputRef}
          className="search-input"
          type="text"
          role="combobox"
          aria-label="Search"
          aria-keyshortcuts={`/ ${isMac ? 'Meta+K' : 'Control+K'}`}
          aria-expanded={open}
          aria-controls={`${id}-popup`}
          aria-autocomplete="list"
          aria-activedescendant={open && activeOption ? optionId(activeOption.key) : undefined}
          aria-describedby={`${id}-status`}
          aria-invalid={search.error && !search.pending ? true : undefined}
          aria-busy={search.pending}
          placeholder="Search"
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(-1);
            setLimit(FIRST_LIMIT);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {showSpinner ? (
          <span className="spinner search-spinner" aria-hidden="true" />
        ) : (
          query === '' && (
            <span className="search-keys" aria-hidden="true">
              <kbd>/</kbd>
            </span>
          )
        )}
      </div>
      <div id={`${id}-popup`} className="search-popup" hidden={!open}>
        <p
          id={`${id}-status`}
          className={`search-status${search.error && !search.pending ? ' is-error' : ''}`}
          role="status"
        >
          {showSpinner && <span className="spinner" aria-hidden="true" />}
          {status}
        </p>
        {groups.length > 0 && (
          <div role="listbox" aria-label="Search results" className="search-results">
            {groups.map((g, gi) => (
              <div
                key={g.key}
                role="group"
                // a work's passages: "Passages in <title>", so each group says what it holds
                {...(g.source
                  ? { 'aria-label': `Passages in ${g.label}` }
                  : { 'aria-labelledby': `${id}-g-${gi}` })}
              >
                {g.heading && (
                  <div className="search-group-label search-kind-heading" aria-hidden="true">
                    {g.heading}
                    {newestFirst.includes(g.kind) && (
                      <span className="search-group-note">
                        newest first: too many matches to rank, narrow the query
                      </span>
                    )}
                  </div>
                )}
                <div className={`search-group-label${g.source ? ' is-source' : ''}`}>
                  <span id={`${id}-g-${gi}`} className="search-group-name">
                    {g.label}
                  </span>
                  {g.source && <FileChoice group={g.source} chosen={fileOf(g)} keepFocus />}
                  {!g.heading && !g.source && newestFirst.includes(g.kind) && (
                    <span className="search-group-note">
                      newest first: too many matches to rank, narrow the query
                    </span>
                  )}
                </div>
                {g.options.map((o) => {
                  const index = options.indexOf(o);
                  return (
                    <div
                      key={o.key}
                      id={optionId(o.key)}
                      role="option"
                      aria-selected={index === active}
                      className={`search-option${index === active ? ' is-active' : ''}`}
                      // keep focus in the box: the click opens the hit, the box stays the focus owner
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseMove={() => index !== active && setActive(index)}
                      onClick={() => choose(o)}
                    >
                      <SearchOptionView
                        option={o}
                        file={o.kind === 'passages' ? fileOf(g) : undefined}
                      />
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        )}
        <div className="search-foot">
          {anyMore && limit < MORE_LIMIT && upToDate && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => {
                setLimit(MORE_LIMIT);
                inputRef.current?.focus();
              }}
            >
              Show more results
            </button>
          )}
          {openDocument && (
            <label className="search-scope">
              <input
                type="checkbox"
                checked={inDocument}
                onChange={(e) => {
                  setInDocument(e.target.checked);
                  setActive(-1);
                }}
              />
              Only in “{openDocument.title}”
            </label>
          )}
        </div>
        <SearchHint />
      </div>
    </div>
  );
}

/** Kinds the backend listed newest first because ranking every match would be slow. */
function newestKinds(results: SearchResults): SearchKind[] {
  const order = (results as { order?: Partial<Record<SearchKind, string>> }).order;
  if (!order) return [];
  return (Object.keys(order) as SearchKind[]).filter((k) => order[k] === 'newest');
}
