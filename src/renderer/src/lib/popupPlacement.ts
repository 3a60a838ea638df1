import { autoUpdate, flip, offset, shift, size, useFloating } from '@floating-ui/react';

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
