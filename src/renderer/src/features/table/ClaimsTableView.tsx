import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ClaimTableRow } from '../../../../shared/api-search';
import type { DocumentSummary } from '../../../../shared/model';
import { plural } from '../../lib/format';
import { moveFocusInList } from '../../lib/listKeys';
import { COLUMNS } from './columns';
import { ExportButtons } from './ExportButtons';
import { FilterRow } from './FilterRow';
import { ariaSort, countFilters, nextSort, rowRange } from './model';
import { SavedFilters } from './SavedFilters';
import { TableRow } from './TableRow';
import { PAGE_SIZES, type ClaimsTableState } from './useClaimsTable';

interface Props {
  table: ClaimsTableState;
  /** the table is the view in front (it stays mounted behind the reader to keep its place) */
  active: boolean;
  documents: readonly DocumentSummary[];
  onOpenClaim: (row: ClaimTableRow) => void;
  onStatus: (message: string) => void;
  onInfo: (message: string, action?: { label: string; run: () => void }) => void;
  onError: (message: string) => void;
}

/** Every claim in the workspace: sortable, filterable by each column, paged by the backend. */
export function ClaimsTableView(props: Props) {
  const { table, active, documents, onOpenClaim, onStatus, onInfo, onError } = props;
  const titleId = useId();
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const { page, filter, sort, offset, pageSize } = table;
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const filters = countFilters(filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageNumber = Math.floor(offset / pageSize) + 1;

  const open = useCallback(
    (row: ClaimTableRow) => {
      table.setLastOpened(row.id);
      onOpenClaim(row);
    },
    [table, onOpenClaim],
  );

  // back from the reader: put the keyboard where it was, on the claim last opened
  const lastOpened = useRef(table.lastOpened);
  lastOpened.current = table.lastOpened;
  useEffect(() => {
    if (!active || !lastOpened.current) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-claim-id="${CSS.escape(lastOpened.current)}"]`,
    );
    row?.focus({ preventScroll: true });
    row?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  // a new page starts at the top (braces: Chromium's scrollTo returns a promise, not a cleanup)
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [offset, filter, sort]);

  const tabStop = rows.some((r) => r.id === focusId) ? focusId : rows[0]?.id;
  const scope =
    filters === 0
      ? `all ${plural(total, 'claim')}`
      : `the ${plural(total, 'claim')} matching the filter`;

  return (
    <section className="ct" aria-labelledby={titleId}>
      <div className="ct-toolbar">
        <h2 id={titleId} className="ct-title">
          Claims table
        </h2>
        <span className="ct-count" role="status">
          {page === null
            ? 'Loading…'
            : filters === 0
              ? plural(total, 'claim')
              : `${plural(total, 'claim')} ${total === 1 ? 'matches' : 'match'} ${
                  filters === 1 ? 'the filter' : `${filters} filters`
                }`}
        </span>
        {filter.placeId && (
          <FilterChip
            label={`Place: ${table.names.get(filter.placeId) ?? 'an entity'}`}
            clear="Clear place filter"
            onClear={() => table.patchFilter({ placeId: undefined })}
          />
        )}
        {filter.stance && (
          <FilterChip
            label={`Stance: ${filter.stance}`}
            clear="Clear stance filter"
            onClear={() => table.patchFilter({ stance: undefined })}
          />
        )}
        {filters > 0 && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => table.setFilter({})}
          >
            Clear filters
          </button>
        )}
        <SavedFilters
          filter={filter}
          sort={sort}
          active={active}
          onLoad={(saved) => {
            table.setFilter(saved.filter);
            table.setSort(saved.sort);
            onStatus(`Loaded the saved filter “${saved.name}”`);
          }}
          onInfo={onInfo}
          onError={onError}
        />
        <span className="ct-spacer" />
        <ExportButtons filter={filter} scope={scope} onDone={onStatus} onError={onError} />
      </div>
      <div className="ct-progress" aria-hidden={!table.slow}>
        {table.slow && <progress aria-label="Loading claims" />}
      </div>
      <div className="ct-scroll" ref={scrollRef}>
        <table className="ct-table" aria-label="Claims" aria-busy={table.loading}>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.key} className={c.className} />
            ))}
          </colgroup>
          <thead>
            <tr className="ct-head">
              {COLUMNS.map((c) => {
                const state = ariaSort(sort, c.key);
                return (
                  <th key={c.key} scope="col" aria-sort={state}>
                    <button
                      type="button"
                      className="ct-sort"
                      aria-label={c.short ? c.label : undefined}
                      title={`Sort by ${c.label.toLowerCase()}`}
                      onClick={() => table.setSort(nextSort(sort, c.key))}
                    >
                      {c.short ?? c.label}
                      <span className={`ct-sort-icon is-${state}`} aria-hidden="true">
                        {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '▲'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
            <FilterRow
              filter={filter}
              names={table.names}
              documents={documents}
              onPatch={table.patchFilter}
            />
          </thead>
          <tbody
            ref={bodyRef}
            onKeyDown={(e) => {
              if ((e.target as HTMLElement).classList.contains('ct-row')) {
                moveFocusInList(e, 'tr.ct-row');
              }
            }}
            onFocus={(e) => {
              const id = (e.target as HTMLElement).dataset.claimId;
              if (id) setFocusId(id);
            }}
          >
            {rows.map((row) => (
              <TableRow
                key={row.id}
                row={row}
                tabIndex={row.id === tabStop ? 0 : -1}
                lastOpened={row.id === table.lastOpened}
                onOpen={open}
              />
            ))}
          </tbody>
        </table>
        {table.error ? (
          <div className="ct-empty" role="alert">
            <p>{table.error}</p>
            <button type="button" className="btn btn-small" onClick={table.retry}>
              Try again
            </button>
          </div>
        ) : page && total === 0 ? (
          <div className="ct-empty">
            {filters > 0 ? (
              <>
                <p>No claims match these filters.</p>
                <button type="button" className="btn btn-small" onClick={() => table.setFilter({})}>
                  Clear filters
                </button>
              </>
            ) : (
              <p>
                No claims yet. Open a document, select a passage and press <kbd>C</kbd>.
              </p>
            )}
          </div>
        ) : null}
      </div>
      <footer className="ct-foot">
        <span className="ct-range">{page ? rowRange(offset, rows.length, total) : ''}</span>
        <span className="ct-hint">
          <kbd>Enter</kbd> or double-click opens a claim in the reader · <kbd>T</kbd> switches views
        </span>
        <nav className="ct-pager" aria-label="Pages">
          <button
            type="button"
            className="btn btn-small"
            disabled={offset === 0}
            onClick={() => table.setOffset(Math.max(0, offset - pageSize))}
          >
            Previous page
          </button>
          <span className="ct-page">
            Page {pageNumber.toLocaleString()} of {pages.toLocaleString()}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={offset + pageSize >= total}
            onClick={() => table.setOffset(offset + pageSize)}
          >
            Next page
          </button>
          <label className="ct-size">
            Rows
            <select
              className="input ct-input"
              value={pageSize}
              onChange={(e) => table.setPageSize(Number(e.target.value))}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </nav>
      </footer>
    </section>
  );
}

/** A filter that has no column of its own (place, stance), shown so it can be seen and cleared. */
function FilterChip(props: { label: string; clear: string; onClear: () => void }) {
  return (
    <span className="ct-chip">
      {props.label}
      <button
        type="button"
        className="picker-clear ct-chip-clear"
        aria-label={props.clear}
        title="Clear"
        onClick={props.onClear}
      >
        ✕
      </button>
    </span>
  );
}
