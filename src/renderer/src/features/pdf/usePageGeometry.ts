import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import {
  CSS_UNITS,
  currentPage,
  fitWidthZoom,
  pageAtY,
  pagesNear,
  pageTops,
  type PageSize,
} from './layout';

/**
 * Where the pages of the page view sit: the scroller's size and scroll position (which decide the
 * pages that exist), the zoom (fitted to the width or chosen), every page's top, and the page being
 * read. A zoom or page-size change keeps the reader's place: same page, same fraction of it.
 * `remeasureOn` is whatever swaps the scroller's content (the opened PDF).
 */
export function usePageGeometry(
  scrollRef: RefObject<HTMLDivElement | null>,
  sizes: readonly PageSize[],
  remeasureOn: unknown,
) {
  const count = sizes.length;
  // viewport size and scroll position drive which pages exist
  const [view, setView] = useState({ top: 0, width: 0, height: 0 });
  // the horizontal centre of the view as a fraction of the width, kept for zooming around it
  const xCenter = useRef(0.5);
  const [zoom, setZoom] = useState(1);
  const [fit, setFit] = useState(true);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const measure = () => {
      xCenter.current =
        scroller.scrollWidth > scroller.clientWidth
          ? (scroller.scrollLeft + scroller.clientWidth / 2) / scroller.scrollWidth
          : 0.5;
      setView({
        top: scroller.scrollTop,
        width: scroller.clientWidth,
        height: scroller.clientHeight,
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scrollRef, remeasureOn]);

  const effectiveZoom = fit && view.width > 0 ? fitWidthZoom(sizes, view.width) : zoom;
  const scale = effectiveZoom * CSS_UNITS;
  const tops = useMemo(() => pageTops(sizes, scale), [sizes, scale]);
  const widest = sizes.reduce((w, s) => Math.max(w, Math.round(s.width * scale)), 0);

  // keep the reader's place when the zoom or the page sizes change: same page, same fraction of it
  const lastTops = useRef<number[] | null>(null);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const before = lastTops.current;
    lastTops.current = tops;
    if (!scroller || !before || before === tops || before.length !== tops.length) return;
    const y = scroller.scrollTop;
    const p = pageAtY(before, y);
    const fraction = (y - before[p]!) / Math.max(1, before[p + 1]! - before[p]!);
    scroller.scrollTop = tops[p]! + fraction * (tops[p + 1]! - tops[p]!);
    scroller.scrollLeft = xCenter.current * scroller.scrollWidth - scroller.clientWidth / 2;
  }, [scrollRef, tops]);

  const current = count > 0 ? currentPage(tops, view.top, view.height) : 0;
  const near = pagesNear(tops, view.top, view.height || 800, 1);

  return { view, fit, setFit, setZoom, effectiveZoom, scale, tops, widest, current, near };
}
