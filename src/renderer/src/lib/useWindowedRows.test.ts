import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToRow } from './useWindowedRows';

describe('rowWindow', () => {
  it('renders the rows in view and a few either side, never past the ends', () => {
    // 3,000 rows of 60 px in a 600 px scroller
    expect(rowWindow(0, 600, 60, 3000, 5)).toEqual({ start: 0, end: 16 });
    expect(rowWindow(60 * 1000, 600, 60, 3000, 5)).toEqual({ start: 995, end: 1016 });
    expect(rowWindow(60 * 2990, 600, 60, 3000, 5)).toEqual({ start: 2985, end: 3000 });
    // scrolled past the end (the list just got shorter): still the last rows
    expect(rowWindow(60 * 5000, 600, 60, 3000, 5)).toEqual({ start: 2994, end: 3000 });
    expect(rowWindow(0, 600, 60, 0)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls only as far as it takes to show a row', () => {
    expect(scrollToRow(0, 600, 60, 3, 4)).toBe(0);
    expect(scrollToRow(0, 600, 60, 20, 4)).toBe(4 + 21 * 60 - 600);
    expect(scrollToRow(3000, 600, 60, 2, 4)).toBe(4 + 120);
  });
});
