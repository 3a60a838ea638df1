import { describe, expect, it } from 'vitest';
import {
  canvasSize,
  CSS_UNITS,
  currentPage,
  fitWidthZoom,
  mergeLineBoxes,
  PAGE_GAP,
  PAGE_MARGIN,
  pageAtY,
  pagesNear,
  pageTops,
  stepZoom,
} from './layout';

const letter = { width: 612, height: 792 };

describe('page geometry', () => {
  it('stacks pages with gaps and margins', () => {
    const tops = pageTops([letter, { width: 792, height: 612 }, letter], 1);
    expect(tops[0]).toBe(PAGE_MARGIN);
    expect(tops[1]).toBe(PAGE_MARGIN + 792 + PAGE_GAP);
    expect(tops[2]).toBe(PAGE_MARGIN + 792 + 612 + 2 * PAGE_GAP);
    expect(tops[3]).toBe(tops[2]! + 792 + PAGE_MARGIN);
  });

  it('finds the page at a height, and the pages near a viewport of a 1,000-page document', () => {
    const sizes = Array.from({ length: 1000 }, () => letter);
    const tops = pageTops(sizes, 1);
    expect(pageAtY(tops, 0)).toBe(0);
    expect(pageAtY(tops, tops[500]! + 10)).toBe(500);
    expect(pageAtY(tops, 1e9)).toBe(999);
    const near = pagesNear(tops, tops[500]!, 800);
    expect(near.first).toBeGreaterThanOrEqual(498);
    expect(near.last).toBeLessThanOrEqual(502);
    expect(near.last - near.first).toBeLessThan(6);
    expect(pagesNear(tops, tops[999]!, 800).last).toBe(999);
    expect(currentPage(tops, tops[3]! - 50, 800)).toBe(3);
    expect(pagesNear([PAGE_MARGIN], 0, 800)).toEqual({ first: 0, last: -1 });
  });

  it('zooms in steps and fits the widest page to the width', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(1.03, -1)).toBe(1);
    expect(stepZoom(5, 1)).toBe(5);
    expect(stepZoom(0.25, -1)).toBe(0.25);
    const wide = 792 * CSS_UNITS + 2 * PAGE_MARGIN;
    expect(fitWidthZoom([letter, { width: 792, height: 612 }], wide)).toBeCloseTo(1);
    expect(fitWidthZoom([], 10)).toBe(0.25);
  });

  it('caps canvas pixels for huge pages', () => {
    expect(canvasSize(612, 792, 2)).toEqual({ width: 1224, height: 1584, scale: 2 });
    const big = canvasSize(4000, 5000, 2);
    expect(big.width * big.height).toBeLessThanOrEqual(16_777_216);
    expect(big.scale).toBeLessThan(2);
  });
});

describe('mergeLineBoxes', () => {
  // a letter page: 1 % of the height is 1.29 % of the width
  const aspect = 792 / 612;
  const key = (b: { k: string }) => b.k;
  const box = (left: number, top: number, width: number, k = 'A') => ({
    left,
    top,
    width,
    height: 1.5,
    k,
  });

  it('joins boxes a word space apart on one line, for the same claims only', () => {
    const merged = mergeLineBoxes(
      [box(10, 20, 10), box(21, 20.1, 15), box(40, 20, 5, 'B')],
      aspect,
      key,
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]!.left).toBe(10);
    expect(merged[0]!.width).toBeCloseTo(26);
    expect(merged[1]!.k).toBe('B');
  });

  it('keeps boxes on other lines and far apart on one line separate', () => {
    expect(mergeLineBoxes([box(10, 20, 10), box(10, 22, 10)], aspect, key)).toHaveLength(2);
    expect(mergeLineBoxes([box(10, 20, 10), box(30, 20, 10)], aspect, key)).toHaveLength(2);
  });
});
