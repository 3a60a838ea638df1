import { plural } from '../../lib/format';
import { sortDescription, type LibrarySort } from './libraryList';

interface Props {
  id: string;
  filter: string;
  onFilter: (filter: string) => void;
  /** documents that pass the filter */
  matches: number;
  /** documents shown before filtering (the library, or the collection) */
  total: number;
  sort: LibrarySort;
  /** ↓ in the field goes on to the list's first row */
  onFirstRow: () => void;
}

/** The library's filter field, and how many documents it leaves (or the order, when unfiltered). */
export function DocumentFilter({ id, filter, onFilter, matches, total, sort, onFirstRow }: Props) {
  return (
    <div className="doc-filter">
      <input
        id={id}
        className="input doc-filter-input"
        type="search"
        placeholder="Filter by title, author…"
        aria-label="Filter documents by title, author, year or type"
        aria-keyshortcuts="ArrowDown"
        aria-describedby={`${id}-count`}
        autoComplete="off"
        spellCheck={false}
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && matches > 0) {
            e.preventDefault();
            onFirstRow();
          } else if (e.key === 'Escape' && filter !== '') {
            // the first Escape clears the filter; the app's Escape is not involved
            e.preventDefault();
            e.stopPropagation();
            onFilter('');
          }
        }}
      />
      <p id={`${id}-count`} className="doc-filter-count" role="status">
        {filter.trim()
          ? `${plural(matches, 'document')} of ${total.toLocaleString()}`
          : `${plural(total, 'document')}, ${sortDescription(sort)}`}
      </p>
    </div>
  );
}
