import { describe, expect, it } from 'vitest';
import type { Block, PageSpan } from '../../../../shared/model';
import {
  bucketBySection,
  estimateSectionHeight,
  sectionIndexAt,
  splitIntoSections,
} from './sections';

const para = (start: number, end: number): Block => ({ type: 'paragraph', start, end });
const blocks = Array.from({ length: 100 }, (_, i) => para(i * 10, i * 10 + 8));

describe('splitIntoSections', () => {
  it('groups blocks when there are no pages', () => {
    const sections = splitIntoSections(blocks, [], 40);
    expect(sections.map((s) => s.blocks.length)).toEqual([40, 40, 20]);
    expect(sections[1]).toMatchObject({ index: 1, start: 400, end: 798, pageLabel: null });
  });

  it('prefers to break before a heading', () => {
    const withHeading = blocks.map((b, i) =>
      i === 30 ? { ...b, type: 'heading' as const, level: 2 } : b,
    );
    const sections = splitIntoSections(withHeading, [], 40);
    expect(sections[1]!.blocks[0]!.type).toBe('heading');
    expect(sections[0]!.blocks.length).toBe(30);
  });

  it('follows PDF pages, assigning a block to the page it starts on', () => {
    const pages: PageSpan[] = [
      { index: 0, label: 'i', start: 0, end: 250 },
      { index: 1, label: '1', start: 252, end: 600 },
      { index: 2, label: '2', start: 602, end: 1000 },
    ];
    const sections = splitIntoSections(blocks, pages, 40);
    expect(sections.map((s) => s.pageLabel)).toEqual(['i', '1', '2']);
    expect(sections[0]!.blocks.at(-1)!.start).toBe(250);
    expect(sections[1]!.start).toBe(260);
  });

  it('splits very long pages so each editor stays small', () => {
    const pages: PageSpan[] = [{ index: 0, label: '1', start: 0, end: 1000 }];
    expect(splitIntoSections(blocks, pages, 40).map((s) => s.blocks.length)).toEqual([80, 20]);
  });

  it('handles an empty document', () => {
    expect(splitIntoSections([], [], 40)).toEqual([]);
  });
});

describe('lookups', () => {
  const sections = splitIntoSections(blocks, [], 10);
  it('finds the section of an offset, including gaps between blocks', () => {
    expect(sectionIndexAt(sections, 0)).toBe(0);
    expect(sectionIndexAt(sections, 97)).toBe(0);
    expect(sectionIndexAt(sections, 99)).toBe(1); // the gap after section 0 belongs to what follows
    expect(sectionIndexAt(sections, 5000)).toBe(9);
  });

  it('buckets ranges into every section they overlap', () => {
    const buckets = bucketBySection(sections, [
      { start: 5, end: 6 },
      { start: 95, end: 105 },
    ]);
    expect(buckets[0]).toHaveLength(2);
    expect(buckets[1]).toEqual([{ start: 95, end: 105 }]);
    expect(buckets[2]).toEqual([]);
  });

  it('estimates a positive height', () => {
    expect(estimateSectionHeight(sections[0]!)).toBeGreaterThan(100);
  });
});
