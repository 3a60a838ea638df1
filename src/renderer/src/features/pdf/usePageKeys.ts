import { useEffect, type RefObject } from 'react';
import { useActions } from '../../actions/context';

interface PageKeys {
  zoomBy: (dir: 1 | -1) => void;
  fitWidth: () => void;
  goToPage: (index: number) => void;
  current: number;
  /** whatever swaps the scroller's content (the opened PDF), to listen to the wheel again */
  remeasureOn: unknown;
}

/**
 * The page view's keys and Ctrl + wheel. Zoom is in the reader's scope; Page Up/Down only in the
 * document's, so the lists beside it keep their own Page Up/Down.
 */
export function usePageKeys(
  scrollRef: RefObject<HTMLDivElement | null>,
  { zoomBy, fitWidth, goToPage, current, remeasureOn }: PageKeys,
) {
  useActions([
    {
      id: 'pdf.zoomIn',
      label: 'Zoom the PDF pages in',
      keys: ['Mod+=', 'Mod+Plus'],
      scope: 'reader',
      perform: () => zoomBy(1),
    },
    {
      id: 'pdf.zoomOut',
      label: 'Zoom the PDF pages out',
      keys: ['Mod+-', 'Mod+_'],
      scope: 'reader',
      perform: () => zoomBy(-1),
    },
    {
      id: 'pdf.fitWidth',
      label: 'Fit the PDF pages to the width',
      keys: ['Mod+0'],
      scope: 'reader',
      perform: fitWidth,
    },
    {
      id: 'pdf.nextPage',
      label: 'Next page of the PDF',
      keys: ['PageDown'],
      scope: 'document',
      perform: () => goToPage(current + 1),
    },
    {
      id: 'pdf.previousPage',
      label: 'Previous page of the PDF',
      keys: ['PageUp'],
      scope: 'document',
      perform: () => goToPage(current - 1),
    },
  ]);

  // Ctrl + wheel zooms the pages, not the whole app
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      if (Math.abs(e.deltaY) >= 1) zoomBy(e.deltaY < 0 ? 1 : -1);
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => scroller.removeEventListener('wheel', onWheel);
  }, [scrollRef, zoomBy, remeasureOn]);
}
