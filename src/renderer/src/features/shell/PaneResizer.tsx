import type { KeyboardEvent, PointerEvent } from 'react';
import { PANE_LIMITS } from './usePaneLayout';

interface Props {
  pane: 'library' | 'claims';
  /** the pane's width now */
  width: number;
  onResize: (width: number) => void;
  label: string;
}

const STEP = 16;

/**
 * The handle between a side pane and the document: drag it, or focus it and use ←/→ (Home/End for
 * the narrowest and widest). A separator in the accessibility tree, with its value.
 */
export function PaneResizer({ pane, width, onResize, label }: Props) {
  // the claims pane grows to the left: dragging left widens it
  const sign = pane === 'library' ? 1 : -1;
  const [min, max] = PANE_LIMITS[pane];
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = width;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) =>
      onResize(startWidth + sign * (ev.clientX - startX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by: Record<string, number> = { ArrowLeft: -STEP * sign, ArrowRight: STEP * sign };
    if (e.key in by) onResize(width + by[e.key]!);
    else if (e.key === 'Home') onResize(min);
    else if (e.key === 'End') onResize(max);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className={`pane-resizer is-${pane}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
