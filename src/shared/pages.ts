import type { PageRef } from './api-search';
import type { PageSpan } from './model';

export type { PageRef };

/** The pages a passage (or a claim) runs over: the same page twice when it stays on one. */
export interface PageRange {
  start: PageRef;
  end: PageRef;
}

/**
 * The page holding a UTF-16 offset: the last page starting at or before it (text between two
 * pages, their separator, belongs to the page before). Null for documents without pages.
 */
export function pageAt(pages: readonly PageSpan[], offset: number): PageRef | null {
  if (pages.length === 0) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const p = pages[lo]!;
  return { index: p.index, label: p.label };
}

/**
 * THE page range of a passage [start, end): the page of its first character to the page of its
 * last. A passage over a page break cites both ("pp. 1–2").
 */
export function pageRange(
  pages: readonly PageSpan[],
  start: number,
  end: number,
): PageRange | null {
  const first = pageAt(pages, start);
  const last = pageAt(pages, Math.max(start, end - 1));
  return first && last ? { start: first, end: last } : null;
}

/** The page range of several passages (a claim's): from the earliest to the latest page. */
export function spansPageRange(
  pages: readonly PageSpan[],
  spans: readonly { start: number; end: number }[],
): PageRange | null {
  if (spans.length === 0) return null;
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return pageRange(pages, start, end);
}

/** How a citation gives a page range: "p. 4", "pp. 4–5" (an en dash), or '' without pages. */
export function formatPageRange(range: PageRange | null): string {
  if (!range) return '';
  return range.start.index === range.end.index
    ? `p. ${range.start.label}`
    : `pp. ${range.start.label}–${range.end.label}`;
}
