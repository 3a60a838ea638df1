import { autoUpdate, flip, offset, shift, size, useFloating } from '@floating-ui/react';
import { useLayoutEffect, useMemo } from 'react';

/**
 * Where a field's list of choices goes (Floating UI): under the field, or above it when there is
 * more room there; kept inside the window, and shrunk to the room it has instead of being clipped.
 * Fixed to the window, so a scrolling pane or popover around the field does not cut it off.
 */
export function usePopupPlacement(open: boolean) {
  return useFloating({
    open,
    placement: 'bottom-start',
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(4),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, rects, elements }) {
          Object.assign(elements.floating.style, {
            maxHeight: `${Math.max(96, Math.min(320, availableHeight))}px`,
            minWidth: `${rects.reference.width}px`,
          });
        },
      }),
    ],
  });
}

const GAP = 8;
/** below this a popover would be a slit: it then covers the selection's edge instead */
const MIN_HEIGHT = 160;

/**
 * Where a popover at a text selection goes (`at`: the selection's box in window coordinates):
 * below it, or above it when there is more room there; never off the window nor over the
 * selection: it shrinks (and scrolls) to the room it has. Top/left, not a transform, so the fixed
 * lists of the fields inside it are placed against the window.
 */
export function useSelectionPlacement(at: { top: number; bottom: number; left: number }) {
  const reference = useMemo(
    () => ({
      getBoundingClientRect: () => new DOMRect(at.left, at.top, 0, Math.max(0, at.bottom - at.top)),
    }),
    [at],
  );
  const floating = useFloating({
    placement: 'bottom-start',
    strategy: 'fixed',
    transform: false,
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(GAP),
      flip({ padding: GAP, fallbackStrategy: 'bestFit' }),
      size({
        padding: GAP,
        apply({ availableHeight, availableWidth, elements }) {
          Object.assign(elements.floating.style, {
            maxHeight: `${Math.max(MIN_HEIGHT, availableHeight)}px`,
            maxWidth: `${Math.max(240, availableWidth)}px`,
          });
        },
      }),
      shift({ padding: GAP, crossAxis: true }),
    ],
  });
  const { refs } = floating;
  useLayoutEffect(() => refs.setPositionReference(reference), [refs, reference]);
  return floating;
}
