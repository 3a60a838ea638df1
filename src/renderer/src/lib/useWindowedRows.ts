import { useLayoutEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  /** first row rendered */
  start: number;
  /** one past the last row rendered */
  end: number;
}

/**
 * The rows a scroller of `viewport` px shows at `scrollTop`, plus `overscan` either side so a
 * keypress or a flick never shows a blank: every row is `rowHeight` px tall.
 */
export function rowWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: Math.min(count, 1) };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const shown = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 1;
  return {
    start: Math.max(0, Math.min(count - 1, first) - overscan),
    end: Math.min(count, first + shown + overscan),
  };
}

/** The scrollTop that brings row `index` into view, or the current one when it is in view. */
export function scrollToRow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  index: number,
  padding = 0,
): number {
  const top = padding + index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}

/**
 * Windowing for a list of equal-height rows inside a scroller: only the rows in view (and a few
 * around) are in the DOM, so a library of thousands of documents renders as fast as one of twenty.
 * The row height is measured from a rendered row (`[data-row]`), so CSS alone decides it.
 */
export function useWindowedRows(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  estimate: number,
): RowWindow & { rowHeight: number } {
  const [view, setView] = useState({ top: 0, height: 600, rowHeight: estimate });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const row = el.querySelector<HTMLElement>('[data-row]');
      const rowHeight = row?.offsetHeight || estimate;
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight && v.rowHeight === rowHeight
          ? v
          : { top: el.scrollTop, height: el.clientHeight, rowHeight },
      );
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    // the pane resized (a narrower library changes the row layout and so the row height)
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize.disconnect();
    };
  }, [scroller, estimate, count]);
  return { ...rowWindow(view.top, view.height, view.rowHeight, count), rowHeight: view.rowHeight };
}
