import {
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import type { DocumentId } from '../../../../shared/model';
import { scrollToRow, useWindowedRows } from '../../lib/useWindowedRows';
import {
  COLUMN_LABELS,
  SORT_KEYS,
  sortDescription,
  type LibraryRow,
  type LibrarySort,
  type SortKey,
} from './libraryList';

export interface DocumentListHandle {
  /** moves focus to a row (the filter box's ↓ goes to the first) */
  focusRow(index: number): void;
}

type Modifiers = Pick<MouseEvent, 'ctrlKey' | 'metaKey' | 'shiftKey'>;

interface Props {
  rows: readonly LibraryRow[];
  isSelected: (id: DocumentId) => boolean;
  /** the list's one Tab stop */
  tabStop: DocumentId | undefined;
  onSelect: (id: DocumentId, e: Modifiers) => void;
  sort: LibrarySort;
  onSort: (key: SortKey) => void;
  ref?: Ref<DocumentListHandle>;
}

/** a row's height before one is measured (the narrow layout's) */
const ESTIMATE = 82;
/** the list's own padding above the first row and below the last */
const EDGE = 4;

/**
 * The documents as a sortable list: a header of column buttons (aria-sort on the sorted one) and a
 * listbox of rows, windowed so thousands of documents stay fast. ↑/↓/Home/End/PageUp/PageDown move
 * within it (roving focus), Enter or Space opens.
 */
export function DocumentList({ rows, isSelected, tabStop, onSelect, sort, onSort, ref }: Props) {
  const scroller = useRef<HTMLUListElement>(null);
  const [focusId, setFocusId] = useState<DocumentId | null>(null);
  const { start, end, rowHeight } = useWindowedRows(scroller, rows.length, ESTIMATE);
  const shown = rows.slice(start, end);
  const tabStopShown = shown.some((r) => r.doc.id === tabStop);

  const focusRow = (index: number) => {
    const el = scroller.current;
    const row = rows[index];
    if (!el || !row) return;
    el.scrollTop = scrollToRow(el.scrollTop, el.clientHeight, rowHeight, index, EDGE);
    setFocusId(row.doc.id);
  };
  useImperativeHandle(ref, () => ({ focusRow }));
  // after a move the row may only now be rendered: focus it once it is
  useLayoutEffect(() => {
    if (!focusId) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-id="${focusId}"]`);
    if (el) {
      el.focus();
      setFocusId(null);
    }
  }, [focusId, start, end]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const el = scroller.current;
    if (!el) return;
    const current = rows.findIndex(
      (r) => r.doc.id === (document.activeElement as HTMLElement | null)?.dataset.id,
    );
    const page = Math.max(1, Math.floor(el.clientHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: current + page,
      PageUp: current - page,
    };
    if (!(e.key in moves) || rows.length === 0) return;
    e.preventDefault();
    focusRow(Math.max(0, Math.min(rows.length - 1, moves[e.key]!)));
  };

  return (
    <>
      <div role="table" aria-label="Document columns" className="doc-columns">
        <div role="row" className="doc-columns-row">
          {SORT_KEYS.map((key) => {
            const sorted = sort?.key === key ? sort.dir : null;
            return (
              <div
                key={key}
                role="columnheader"
                className={`doc-col is-${key}`}
                aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button
                  type="button"
                  className="doc-sort"
                  title={
                    sorted
                      ? `Sorted ${sortDescription(sort)}; click to change`
                      : `Sort by ${COLUMN_LABELS[key].toLowerCase()}`
                  }
                  onClick={() => onSort(key)}
                >
                  <span className="doc-sort-label">{COLUMN_LABELS[key]}</span>
                  <span className="doc-sort-arrow" aria-hidden="true">
                    {sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <ul
        ref={scroller}
        className="doc-list"
        role="listbox"
        aria-label="Documents"
        aria-multiselectable="true"
        // without its Tab-stop row in the DOM (scrolled away) the list itself takes Tab, then hands
        // focus to that row
        tabIndex={tabStopShown || rows.length === 0 ? undefined : 0}
        onFocus={(e) => {
          if (e.target !== e.currentTarget) return;
          const at = rows.findIndex((r) => r.doc.id === tabStop);
          focusRow(at < 0 ? 0 : at);
        }}
        onKeyDown={onKeyDown}
        style={{
          paddingTop: EDGE + start * rowHeight,
          paddingBottom: EDGE + (rows.length - end) * rowHeight,
        }}
      >
        {shown.map((r, i) => (
          <li
            key={r.doc.id}
            data-row
            data-id={r.doc.id}
            className="doc-item"
            role="option"
            aria-posinset={start + i + 1}
            aria-setsize={rows.length}
            tabIndex={r.doc.id === tabStop ? 0 : -1}
            aria-selected={isSelected(r.doc.id)}
            onClick={(e) => onSelect(r.doc.id, e)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(r.doc.id, e);
              }
            }}
          >
            <span className="doc-title" title={r.title}>
              {r.title}
            </span>
            <span className="doc-by">
              {r.creators && <span className="doc-creators">{r.creators}</span>}
              {r.year !== null && <span className="doc-year">{r.year}</span>}
            </span>
            <span className="doc-type">{r.type}</span>
            <span className="badge doc-file">{r.fileType}</span>
            <span className={r.doc.claimCount > 0 ? 'doc-claims has-claims' : 'doc-claims'}>
              {r.doc.claimCount.toLocaleString()}
              <span className="doc-claims-word">
                {r.doc.claimCount === 1 ? ' claim' : ' claims'}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
