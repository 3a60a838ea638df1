import { useCallback, useRef, useState, type RefObject } from 'react';

export interface PendingReveal {
  page: number;
  /** selector of the marks to scroll to, drawn on that page */
  target: string;
}

/**
 * A pending scroll to something drawn on a page (a claim's highlight, the shown passage). The page
 * may not exist yet: it is rendered because it is pending (`reveal`), and once it reports that it
 * has drawn (`onDrawn`) its marks are scrolled to a third of the way down and flashed.
 */
export function useReveal(
  scrollRef: RefObject<HTMLDivElement | null>,
  goToPage: (index: number) => void,
) {
  const [reveal, setReveal] = useState<PendingReveal | null>(null);
  const revealRef = useRef(reveal);

  /** Scrolls a pending reveal's highlight into view once its page has drawn it. */
  const tryReveal = useCallback((): boolean => {
    const scroller = scrollRef.current;
    const r = revealRef.current;
    if (!scroller || !r) return false;
    const pageEl = scroller.querySelector<HTMLElement>(`.pdf-page[data-page-index="${r.page}"]`);
    if (!pageEl || pageEl.dataset.ready !== 'true') return false;
    const marks = [...pageEl.querySelectorAll<HTMLElement>(r.target)];
    if (marks[0]) {
      const box = scroller.getBoundingClientRect();
      const rect = marks[0].getBoundingClientRect();
      scroller.scrollTop += rect.top - box.top - box.height / 3;
      for (const m of marks) {
        m.classList.remove('is-flashing');
        void m.offsetWidth; // restart the animation when the same claim is revealed twice
        m.classList.add('is-flashing');
        m.addEventListener('animationend', () => m.classList.remove('is-flashing'), {
          once: true,
        });
      }
    }
    revealRef.current = null;
    setReveal(null);
    return true;
  }, [scrollRef]);

  const onDrawn = useCallback(
    (index: number) => {
      if (revealRef.current?.page === index) tryReveal();
    },
    [tryReveal],
  );

  const revealOn = useCallback(
    (page: number, target: string) => {
      const r = { page, target };
      revealRef.current = r;
      setReveal(r);
      const pageEl = scrollRef.current?.querySelector(`.pdf-page[data-page-index="${page}"]`);
      if (!pageEl) goToPage(page);
      // a page already on screen has drawn everything: the next frame can scroll to it
      requestAnimationFrame(() => tryReveal());
    },
    [scrollRef, goToPage, tryReveal],
  );

  return { reveal, onDrawn, revealOn };
}
