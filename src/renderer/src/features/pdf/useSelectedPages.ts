import { useEffect, useState, type RefObject } from 'react';

/**
 * The pages holding the text selection. They stay rendered while it lasts, or the selection would
 * vanish with them when they scroll out of the window of rendered pages.
 */
export function useSelectedPages(areaRef: RefObject<HTMLDivElement | null>): readonly number[] {
  const [pinned, setPinned] = useState<readonly number[]>([]);
  useEffect(() => {
    const onChange = () => {
      const area = areaRef.current;
      const selection = window.getSelection();
      if (!area || !selection || selection.isCollapsed || selection.rangeCount === 0) {
        setPinned((p) => (p.length === 0 ? p : []));
        return;
      }
      const range = selection.getRangeAt(0);
      const hit = [...area.querySelectorAll<HTMLElement>('.pdf-page')]
        .filter((el) => range.intersectsNode(el))
        .map((el) => Number(el.dataset.pageIndex));
      setPinned((p) => (p.join() === hit.join() ? p : hit));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [areaRef]);
  return pinned;
}
