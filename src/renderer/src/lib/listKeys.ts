import type { KeyboardEvent } from 'react';

/**
 * Arrow-key movement between the focusable items of a list (roving focus), so a long list is one
 * Tab stop and ↑/↓/Home/End move within it.
 */
export function moveFocusInList(e: KeyboardEvent<HTMLElement>, itemSelector: string): boolean {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return false;
  const list = e.currentTarget;
  const items = [...list.querySelectorAll<HTMLElement>(itemSelector)];
  if (items.length === 0) return false;
  const current = items.findIndex((el) => el === document.activeElement);
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? items.length - 1
        : e.key === 'ArrowDown'
          ? Math.min(items.length - 1, current + 1)
          : Math.max(0, current - 1);
  e.preventDefault();
  items[next]!.focus();
  return true;
}
