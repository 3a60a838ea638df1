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
/** narrower than this, its buttons and fields would be unusable: it overlaps instead */
const MIN_WIDTH = 240;

/** The box of a text selection, in window coordinates: its first line's start and its bottom. */
export interface SelectionBox {
  top: number;
  bottom: number;
  left: number;
}

interface SelectionPlacementOptions {
  /** the preferred side: below the selection (a form), or above its start (a small toolbar) */
  side?: 'bottom' | 'top';
  /** the element it must stay inside (a pane); the window by default */
  boundary?: Element | null;
}

/**
 * Where a popover at a text selection goes (`at`: the selection's box in window coordinates):
 * on its preferred side, or the other side when there is more room there; never off the window
 * (or its `boundary`) nor over the selection: it shrinks (and scrolls) to the room it has, and only
 * when neither side has room does it slide over the selection's edge. Top/left, not a transform,
 * so the fixed lists of the fields inside it are placed against the window. The tag popover and
 * the selection toolbar share it: one placement rule for everything anchored to a selection.
 */
export function useSelectionPlacement(
  at: SelectionBox,
  { side = 'bottom', boundary }: SelectionPlacementOptions = {},
) {
  const reference = useMemo(
    () => ({
      getBoundingClientRect: () => new DOMRect(at.left, at.top, 0, Math.max(0, at.bottom - at.top)),
    }),
    [at],
  );
  const room = { padding: GAP, ...(boundary ? { boundary } : {}) };
  const floating = useFloating({
    placement: `${side}-start`,
    strategy: 'fixed',
    transform: false,
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(GAP),
      flip({ ...room, fallbackStrategy: 'bestFit' }),
      size({
        ...room,
        apply({ availableHeight, availableWidth, elements }) {
          Object.assign(elements.floating.style, {
            maxHeight: `${Math.max(MIN_HEIGHT, availableHeight)}px`,
            maxWidth: `${Math.max(MIN_WIDTH, availableWidth)}px`,
          });
        },
      }),
      shift({ ...room, crossAxis: true }),
    ],
  });
  const { refs } = floating;
  useLayoutEffect(() => refs.setPositionReference(reference), [refs, reference]);
  return floating;
}
