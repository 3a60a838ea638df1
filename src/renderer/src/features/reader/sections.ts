/**
 * Splits a document into sections that the reader renders as separate small Lexical editors
 * (GUIDE §4: one editor holding a whole 1,000-page report is far too slow). Pure: no DOM.
 */
import type { Block, PageSpan } from '../../../../shared/model';

export interface Section {
  index: number;
  /** canonical offset of the first block's start and the last block's end */
  start: number;
  end: number;
  blocks: Block[];
  /** PDF page label when sections follow pages */
  pageLabel: string | null;
}

/** Sections hold about this many blocks when the document has no pages. */
export const BLOCKS_PER_SECTION = 40;

/**
 * PDFs: one section per page (a block belongs to the page its start lies on), so page labels sit
 * at section boundaries. Other documents: groups of about `perSection` blocks, preferring to break
 * before a heading so a section rarely starts mid-topic.
 */
export function splitIntoSections(
  blocks: readonly Block[],
  pages: readonly PageSpan[],
  perSection = BLOCKS_PER_SECTION,
): Section[] {
  const groups: { blocks: Block[]; pageLabel: string | null }[] = [];
  if (pages.length > 0) {
    let page = 0;
    for (const block of blocks) {
      while (page + 1 < pages.length && block.start >= pages[page + 1]!.start) page++;
      const label = pages[page]!.label;
      const last = groups.at(-1);
      // very long pages are split too, keeping each editor small
      if (last && last.pageLabel === label && last.blocks.length < perSection * 2) {
        last.blocks.push(block);
      } else {
        groups.push({ blocks: [block], pageLabel: label });
      }
    }
  } else {
    let current: Block[] = [];
    for (const block of blocks) {
      const full = current.length >= perSection;
      const niceBreak = block.type === 'heading' && current.length >= perSection * 0.6;
      if (current.length > 0 && (full || niceBreak)) {
        groups.push({ blocks: current, pageLabel: null });
        current = [];
      }
      current.push(block);
    }
    if (current.length > 0) groups.push({ blocks: current, pageLabel: null });
  }
  return groups.map((g, index) => ({
    index,
    start: g.blocks[0]!.start,
    end: g.blocks.at(-1)!.end,
    blocks: g.blocks,
    pageLabel: g.pageLabel,
  }));
}

/** The section holding `offset` (or the nearest one after it, or the last). Binary search. */
export function sectionIndexAt(sections: readonly Section[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A first guess at a section's height in pixels before it is ever mounted, so the scrollbar is
 * roughly right. Measured heights replace it once the section has been on screen.
 */
export function estimateSectionHeight(
  section: Section,
  charsPerLine = 72,
  lineHeight = 29,
): number {
  let px = 0;
  for (const b of section.blocks) {
    const lines = Math.max(1, Math.ceil((b.end - b.start) / charsPerLine));
    const scale = b.type === 'heading' ? 1.4 : b.type === 'footnote' ? 0.8 : 1;
    px += lines * lineHeight * scale + lineHeight * 0.6;
  }
  return Math.round(px + (section.pageLabel !== null ? 48 : 0));
}

/** Ranges (claim spans, marks) bucketed by the sections they overlap, computed once per change. */
export function bucketBySection<T extends { start: number; end: number }>(
  sections: readonly Section[],
  ranges: readonly T[],
): T[][] {
  const buckets: T[][] = sections.map(() => []);
  if (sections.length === 0) return buckets;
  for (const r of ranges) {
    for (let i = sectionIndexAt(sections, r.start); i < sections.length; i++) {
      const s = sections[i]!;
      if (s.start >= r.end) break;
      if (s.end > r.start) buckets[i]!.push(r);
    }
  }
  return buckets;
}
