import { describe, expect, it } from 'vitest';
import type { ClaimFilter, ClaimTablePage } from '../../../../shared/api-search';
import {
  ariaSort,
  clampOffset,
  cleanFilter,
  countFilters,
  dateBoundProblem,
  nextSort,
  rowRange,
  sameFilter,
} from './model';

const f = (x: object) => x as ClaimFilter;

describe('sorting', () => {
  it('cycles ascending, descending, reading order; another column starts ascending', () => {
    const asc = nextSort(null, 'claimant');
    expect(asc).toEqual({ column: 'claimant', direction: 'asc' });
    const desc = nextSort(asc, 'claimant');
    expect(desc).toEqual({ column: 'claimant', direction: 'desc' });
    expect(nextSort(desc, 'claimant')).toBeNull();
    expect(nextSort(desc, 'page')).toEqual({ column: 'page', direction: 'asc' });
    expect(ariaSort(desc, 'claimant')).toBe('descending');
    expect(ariaSort(desc, 'page')).toBe('none');
  });
});

describe('filters', () => {
  it('drops blanks and empty date ranges, trims text, keeps null and false', () => {
    expect(
      cleanFilter(
        f({
          text: '  riot ',
          tag: ' ',
          page: undefined,
          claimantId: null,
          hasRelations: false,
          eventDate: { from: ' ', to: '' },
        }),
      ),
    ).toEqual({ text: 'riot', claimantId: null, hasRelations: false });
    expect(cleanFilter(f({ eventDate: { from: '2018', to: ' ' } }))).toEqual({
      eventDate: { from: '2018' },
    });
    expect(countFilters(f({ text: '', status: 'draft' }))).toBe(1);
  });

  it('compares filters regardless of field order and blanks', () => {
    expect(sameFilter(f({ a: 1, tag: 'x', text: '' }), f({ tag: 'x', a: 1 }))).toBe(true);
    expect(
      sameFilter(
        f({ eventDate: { to: '2019', from: '2018' } }),
        f({ eventDate: { from: '2018', to: '2019' } }),
      ),
    ).toBe(true);
    expect(sameFilter(f({ claimantId: null }), f({}))).toBe(false);
  });

  it('checks date bounds', () => {
    expect(dateBoundProblem('')).toBeNull();
    expect(dateBoundProblem('2018-11')).toBeNull();
    expect(dateBoundProblem('11/2018')).toMatch(/2018-11/);
  });
});

describe('paging', () => {
  it('describes the rows shown', () => {
    expect(rowRange(0, 100, 12345)).toBe(`1–100 of ${(12345).toLocaleString()}`);
    expect(rowRange(100, 3, 103)).toBe('101–103 of 103');
    expect(rowRange(0, 0, 0)).toBe('No claims');
  });

  it('moves back to the last page when the result shrank', () => {
    const page = (total: number) => ({ rows: [], total }) as ClaimTablePage;
    expect(clampOffset(200, 100, page(150))).toBe(100);
    expect(clampOffset(100, 100, page(150))).toBe(100);
    expect(clampOffset(100, 100, page(0))).toBe(0);
  });
});
