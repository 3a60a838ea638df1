import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Section } from './sections';

/** How far outside the viewport sections are kept mounted: generous, so fast scrolling rarely
 * shows an empty placeholder, yet a 1,000-page document holds only a handful of editors. */
const ROOT_MARGIN = '150% 0px';

/**
 * Which sections are mounted: those near the scroll viewport (IntersectionObserver), plus any the
 * caller asks for (before scrolling to an offset). Unmounted sections keep their last measured
 * height (ResizeObserver), so the scrollbar stays still while sections come and go.
 */
export function useSectionMounting(
  scrollRef: RefObject<HTMLElement | null>,
  sections: readonly Section[],
) {
  const [mounted, setMounted] = useState<ReadonlySet<number>>(() => new Set([0, 1, 2]));
  const heights = useRef(new Map<number, number>());

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    heights.current.clear();
    setMounted(new Set([0, 1, 2]));
    const slots = () => scroller.querySelectorAll<HTMLElement>('[data-section]');
    const indexOf = (el: Element) => Number((el as HTMLElement).dataset.section);

    const resize = new ResizeObserver((entries) => {
      for (const e of entries) {
        const target = e.target as HTMLElement;
        if (target.dataset.mounted === 'true') {
          heights.current.set(indexOf(target), target.getBoundingClientRect().height);
        }
      }
    });
    const intersect = new IntersectionObserver(
      (entries) => {
        setMounted((prev) => {
          let next: Set<number> | null = null;
          const selection = window.getSelection();
          for (const e of entries) {
            const i = indexOf(e.target);
            const keep =
              e.isIntersecting ||
              // never unmount text the user has selected: the selection would vanish
              (selection !== null &&
                !selection.isCollapsed &&
                selection.containsNode(e.target, true));
            if (keep !== prev.has(i)) {
              next ??= new Set(prev);
              if (keep) next.add(i);
              else next.delete(i);
            }
          }
          return next ?? prev;
        });
      },
      { root: scroller, rootMargin: ROOT_MARGIN },
    );
    for (const slot of slots()) {
      intersect.observe(slot);
      resize.observe(slot);
    }
    return () => {
      intersect.disconnect();
      resize.disconnect();
    };
  }, [scrollRef, sections]);

  /** Mounts these sections now (e.g. before scrolling to a claim). */
  const ensureMounted = useCallback((indices: number[]) => {
    setMounted((prev) => {
      if (indices.every((i) => prev.has(i))) return prev;
      const next = new Set(prev);
      for (const i of indices) next.add(i);
      return next;
    });
  }, []);

  return { mounted, heights, ensureMounted };
}
