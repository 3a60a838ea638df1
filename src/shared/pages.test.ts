import { describe, expect, it } from 'vitest';
import type { PageSpan } from './model';
import { formatPageRange, pageAt, pageRange, spansPageRange } from './pages';

// three pages with a two-character separator ("\n\n") after each of the first two
const PAGES: PageSpan[] = [
  { index: 0, label: 'iv', start: 0, end: 10 },
  { index: 1, label: '1', start: 12, end: 20 },
  { index: 2, label: '2', start: 22, end: 30 },
];
const page = (index: number) => ({ index, label: PAGES[index]!.label });

describe('pages', () => {
  it('finds the page of an offset; the separator after a page belongs to it', () => {
    expect(pageAt(PAGES, 0)).toEqual(page(0));
    expect(pageAt(PAGES, 9)).toEqual(page(0));
    expect(pageAt(PAGES, 11)).toEqual(page(0));
    expect(pageAt(PAGES, 12)).toEqual(page(1));
    expect(pageAt(PAGES, 29)).toEqual(page(2));
    expect(pageAt(PAGES, 30)).toEqual(page(2));
    expect(pageAt([], 5)).toBeNull();
  });

  it('gives a passage the pages of its first and last character', () => {
    expect(pageRange(PAGES, 2, 8)).toEqual({ start: page(0), end: page(0) });
    // ends exactly at the end of page iv: its last character is still on iv
    expect(pageRange(PAGES, 2, 10)).toEqual({ start: page(0), end: page(0) });
    // runs over the break
    expect(pageRange(PAGES, 5, 15)).toEqual({ start: page(0), end: page(1) });
    expect(pageRange(PAGES, 5, 25)).toEqual({ start: page(0), end: page(2) });
    expect(pageRange([], 5, 25)).toBeNull();
  });

  it('gives a claim the pages from its earliest to its latest passage, in any order', () => {
    const spans = [
      { start: 23, end: 26 },
      { start: 3, end: 4 },
    ];
    expect(spansPageRange(PAGES, spans)).toEqual({ start: page(0), end: page(2) });
    expect(spansPageRange(PAGES, [])).toBeNull();
    expect(spansPageRange([], spans)).toBeNull();
  });

  it('formats a range as a citation does', () => {
    expect(formatPageRange({ start: page(1), end: page(1) })).toBe('p. 1');
    expect(formatPageRange({ start: page(0), end: page(1) })).toBe('pp. iv–1');
    expect(formatPageRange(null)).toBe('');
  });
});
