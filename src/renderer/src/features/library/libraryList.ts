/**
 * The library as a researcher's list: what each column shows, how the list sorts and what the
 * filter box matches. documents.list answers every document at once (no paging), so sorting and
 * filtering happen here, on rows prepared once per answer, not in SQL per keystroke.
 */
import { cslTypeLabel } from '../../../../shared/csl';
import type { DocumentId, DocumentSummary } from '../../../../shared/model';
import { documentTitle, typeLabel } from '../../lib/format';

export const SORT_KEYS = ['title', 'creators', 'year', 'type', 'claims'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** null: as imported, newest first (the order documents.list answers) */
export type LibrarySort = { key: SortKey; dir: 'asc' | 'desc' } | null;

export const COLUMN_LABELS: Record<SortKey, string> = {
  title: 'Title',
  creators: 'Creators',
  year: 'Year',
  type: 'Type',
  claims: 'Claims',
};

export interface LibraryRow {
  doc: DocumentSummary;
  title: string;
  /** "Smith", "Smith & Lee", "Smith et al."; empty without creators */
  creators: string;
  year: number | null;
  /** the work's type ("Report"); the file's type ("PDF") is shown beside it */
  type: string;
  fileType: string;
  /** everything the filter box matches, folded (see fold) */
  haystack: string;
}

/** Lower case without accents, so "jose" finds "José" and "KHALIMOV" finds "Khalimov". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function creatorsLabel(creators: readonly string[]): string {
  if (creators.length === 0) return '';
  if (creators.length === 1) return creators[0]!;
  if (creators.length === 2) return `${creators[0]} & ${creators[1]}`;
  return `${creators[0]} et al.`;
}

const yearOf = (date: string | null): number | null => {
  const m = /^(-?\d{1,4})/.exec(date ?? '');
  return m ? Number(m[1]) : null;
};

export function libraryRow(doc: DocumentSummary): LibraryRow {
  const title = documentTitle(doc);
  const year = yearOf(doc.meta.publishedDate);
  const type = cslTypeLabel(doc.cslType);
  const fileType = typeLabel(doc.mediaType);
  return {
    doc,
    title,
    creators: creatorsLabel(doc.creators),
    year,
    type,
    fileType,
    // full names (given names too), the year, both types, and the file's name
    haystack: fold(
      [title, ...doc.meta.authors, ...doc.creators, year ?? '', type, fileType, doc.fileName].join(
        '\n',
      ),
    ),
  };
}

/** Rows whose title, creators, year or type hold every word typed, in any order. */
export function filterRows(rows: readonly LibraryRow[], typed: string): readonly LibraryRow[] {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => words.every((w) => r.haystack.includes(w)));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The value a column sorts by; null (no creators, no year) sorts last whichever the direction. */
function sortValue(row: LibraryRow, key: SortKey): string | number | null {
  switch (key) {
    case 'title':
      return row.title;
    case 'creators':
      return row.creators || null;
    case 'year':
      return row.year;
    case 'type':
      return row.type;
    case 'claims':
      return row.doc.claimCount;
  }
}

/**
 * Sorted by the column, missing values last, ties by title then by the order documents.list gave
 * (newest import first), so the order never shuffles between two renders.
 */
export function sortRows(rows: readonly LibraryRow[], sort: LibrarySort): readonly LibraryRow[] {
  if (!sort) return rows;
  const at = new Map(rows.map((r, i) => [r.doc.id, i]));
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(`${x}`, `${y}`);
      if (c !== 0) return sign * c;
    }
    return collator.compare(a.title, b.title) || at.get(a.doc.id)! - at.get(b.doc.id)!;
  });
}

/** A header's click: ascending (claims: most first), then the other way, then back to import order. */
export function nextSort(sort: LibrarySort, key: SortKey): LibrarySort {
  const first = key === 'claims' ? 'desc' : 'asc';
  if (!sort || sort.key !== key) return { key, dir: first };
  if (sort.dir === first) return { key, dir: first === 'asc' ? 'desc' : 'asc' };
  return null;
}

/** What a screen reader and the sort note say about the order. */
export function sortDescription(sort: LibrarySort): string {
  if (!sort) return 'newest import first';
  const ends: Record<SortKey, [string, string]> = {
    title: ['A to Z', 'Z to A'],
    creators: ['A to Z', 'Z to A'],
    year: ['oldest first', 'newest first'],
    type: ['A to Z', 'Z to A'],
    claims: ['fewest first', 'most first'],
  };
  return `by ${COLUMN_LABELS[sort.key].toLowerCase()}, ${ends[sort.key][sort.dir === 'asc' ? 0 : 1]}`;
}

const SORT_STORE = 'claimdesk.librarySort';

export function loadSort(storage: Pick<Storage, 'getItem'> = localStorage): LibrarySort {
  try {
    const saved = JSON.parse(storage.getItem(SORT_STORE) ?? 'null') as Partial<{
      key: unknown;
      dir: unknown;
    }> | null;
    if (
      saved &&
      SORT_KEYS.includes(saved.key as SortKey) &&
      (saved.dir === 'asc' || saved.dir === 'desc')
    )
      return { key: saved.key as SortKey, dir: saved.dir };
  } catch {
    // a damaged preference is no preference
  }
  return null;
}

export function saveSort(sort: LibrarySort, storage: Pick<Storage, 'setItem'> = localStorage) {
  try {
    storage.setItem(SORT_STORE, JSON.stringify(sort));
  } catch {
    // storage full or denied: the order is kept for this session only
  }
}

export const rowIds = (rows: readonly LibraryRow[]): DocumentId[] => rows.map((r) => r.doc.id);
