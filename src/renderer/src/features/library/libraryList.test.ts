import { describe, expect, it } from 'vitest';
import type { DocumentId, DocumentSummary, MediaType, SourceId } from '../../../../shared/model';
import {
  creatorsLabel,
  filterRows,
  libraryRow,
  loadSort,
  nextSort,
  saveSort,
  sortDescription,
  sortRows,
  type LibrarySort,
} from './libraryList';

let n = 0;
function doc(
  title: string,
  opts: {
    authors?: [given: string, family: string][];
    date?: string | null;
    type?: string;
    media?: MediaType;
    claims?: number;
  } = {},
): DocumentSummary {
  const id = `doc_${(++n).toString(16).padStart(8, '0')}` as DocumentId;
  const authors = opts.authors ?? [];
  return {
    id,
    sha256: id,
    mediaType: opts.media ?? 'application/pdf',
    fileName: `${title}.pdf`,
    byteSize: 1,
    pageCount: null,
    meta: {
      title,
      authors: authors.map(([g, f]) => `${g} ${f}`),
      publishedDate: opts.date ?? null,
      publisher: null,
      sourceUrl: null,
      language: null,
    },
    sourceId: `src_${id}` as SourceId,
    cslType: opts.type ?? 'document',
    creators: authors.map(([, f]) => f),
    found: [],
    fileDate: null,
    warnings: [],
    importedAt: '',
    updatedAt: '',
    claimCount: opts.claims ?? 0,
  };
}

// documents.list's order: newest import first
const library = [
  doc('Radicalisation in Central Asia', {
    authors: [
      ['Edward', 'Lemon'],
      ['Vera', 'Mironova'],
      ['William', 'Tobey'],
    ],
    date: '2018-12',
    type: 'article-journal',
    claims: 4,
  }),
  doc('Tajikistan prison riot', { date: '2015-11-08', type: 'article-newspaper', claims: 1 }),
  doc('Annual report', {
    authors: [['José', 'Núñez']],
    date: '2019',
    type: 'report',
    media: 'text/plain',
  }),
  doc('écoles et radicalisation', { authors: [['Anne', 'Bérard']], type: 'book', claims: 4 }),
].map(libraryRow);
const titles = (rows: readonly { title: string }[]) => rows.map((r) => r.title);

describe('the library list', () => {
  it('names creators as a list does', () => {
    expect(creatorsLabel([])).toBe('');
    expect(creatorsLabel(['Lemon'])).toBe('Lemon');
    expect(creatorsLabel(['Lemon', 'Mironova'])).toBe('Lemon & Mironova');
    expect(creatorsLabel(['Lemon', 'Mironova', 'Tobey'])).toBe('Lemon et al.');
    expect(library[0]).toMatchObject({ year: 2018, type: 'Journal article', fileType: 'PDF' });
  });

  it('sorts by each column, missing values last in both directions, ties by title', () => {
    const by = (sort: LibrarySort) => titles(sortRows(library, sort));
    expect(by(null)).toEqual(titles(library));
    // accents and case do not decide the order: "écoles" sorts as "ecoles"
    expect(by({ key: 'title', dir: 'asc' })).toEqual([
      'Annual report',
      'écoles et radicalisation',
      'Radicalisation in Central Asia',
      'Tajikistan prison riot',
    ]);
    expect(by({ key: 'year', dir: 'asc' })).toEqual([
      'Tajikistan prison riot',
      'Radicalisation in Central Asia',
      'Annual report',
      'écoles et radicalisation',
    ]);
    expect(by({ key: 'year', dir: 'desc' })).toEqual([
      'Annual report',
      'Radicalisation in Central Asia',
      'Tajikistan prison riot',
      'écoles et radicalisation',
    ]);
    // by surname: Bérard, Lemon, Núñez; none last
    expect(by({ key: 'creators', dir: 'asc' })).toEqual([
      'écoles et radicalisation',
      'Radicalisation in Central Asia',
      'Annual report',
      'Tajikistan prison riot',
    ]);
    expect(by({ key: 'creators', dir: 'desc' }).at(-1)).toBe('Tajikistan prison riot');
    expect(by({ key: 'type', dir: 'asc' })).toEqual([
      'écoles et radicalisation', // Book
      'Radicalisation in Central Asia', // Journal article
      'Tajikistan prison riot', // Newspaper article
      'Annual report', // Report
    ]);
    // two with 4 claims: the tie goes by title
    expect(by({ key: 'claims', dir: 'desc' })).toEqual([
      'écoles et radicalisation',
      'Radicalisation in Central Asia',
      'Tajikistan prison riot',
      'Annual report',
    ]);
  });

  it('filters by title, author (given or family, without accents), year and type', () => {
    const match = (typed: string) => titles(filterRows(library, typed));
    expect(match('')).toEqual(titles(library));
    expect(match('  ')).toEqual(titles(library));
    expect(match('nunez')).toEqual(['Annual report']);
    expect(match('jose')).toEqual(['Annual report']);
    expect(match('mironova')).toEqual(['Radicalisation in Central Asia']);
    expect(match('2015')).toEqual(['Tajikistan prison riot']);
    expect(match('journal')).toEqual(['Radicalisation in Central Asia']);
    expect(match('txt')).toEqual(['Annual report']);
    // every word must match, in any order
    expect(match('radicalisation 2018')).toEqual(['Radicalisation in Central Asia']);
    expect(match('ECOLES')).toEqual(['écoles et radicalisation']);
    expect(match('nothing like it')).toEqual([]);
  });

  it('cycles a header: first direction, the other, then import order again', () => {
    expect(nextSort(null, 'year')).toEqual({ key: 'year', dir: 'asc' });
    expect(nextSort({ key: 'year', dir: 'asc' }, 'year')).toEqual({ key: 'year', dir: 'desc' });
    expect(nextSort({ key: 'year', dir: 'desc' }, 'year')).toBeNull();
    expect(nextSort({ key: 'year', dir: 'desc' }, 'title')).toEqual({ key: 'title', dir: 'asc' });
    // the claims column starts with the most
    expect(nextSort(null, 'claims')).toEqual({ key: 'claims', dir: 'desc' });
    expect(sortDescription({ key: 'year', dir: 'asc' })).toBe('by year, oldest first');
    expect(sortDescription(null)).toBe('newest import first');
  });

  it('remembers the order, and reads a damaged preference as none', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(loadSort(storage)).toBeNull();
    saveSort({ key: 'creators', dir: 'desc' }, storage);
    expect(loadSort(storage)).toEqual({ key: 'creators', dir: 'desc' });
    store.set('claimdesk.librarySort', '{"key":"size","dir":"asc"}');
    expect(loadSort(storage)).toBeNull();
    store.set('claimdesk.librarySort', '{not json');
    expect(loadSort(storage)).toBeNull();
  });
});
