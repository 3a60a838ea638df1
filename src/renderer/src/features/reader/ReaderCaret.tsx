import { useEffect, useState, type RefObject } from 'react';
import { useActions } from '../../actions/context';
import type { Action } from '../../actions/registry';
import { caretRect, moveCaret, placeCaret, selectionIn, type Direction, type Unit } from './caret';

type Refs = { doc: RefObject<HTMLElement | null>; scroller: RefObject<HTMLElement | null> };

const MOVES: [key: string, direction: Direction, unit: Unit][] = [
  ['ArrowRight', 'forward', 'character'],
  ['ArrowLeft', 'backward', 'character'],
  ['ArrowDown', 'forward', 'line'],
  ['ArrowUp', 'backward', 'line'],
  ['Mod+ArrowRight', 'forward', 'word'],
  ['Mod+ArrowLeft', 'backward', 'word'],
  ['End', 'forward', 'lineboundary'],
  ['Home', 'backward', 'lineboundary'],
];

/**
 * The caret's keys, in the document's scope: F7 puts a caret at the top of the visible text; with
 * a caret, the arrows (Ctrl: by word), Home and End move it; with Shift they select, from the caret
 * or from the top of the visible text. Without a caret the plain arrows scroll, as before.
 */
export function useCaretActions({ doc, scroller }: Refs): void {
  const hasCaret = () => selectionIn(doc.current) !== null;
  const run = (extend: boolean, direction: Direction, unit: Unit) => () => {
    if (doc.current && scroller.current)
      moveCaret(doc.current, scroller.current, extend, direction, unit);
  };
  const moves = MOVES.flatMap(([key, direction, unit]): Action[] => {
    const [mod, name] = key.startsWith('Mod+') ? ['Mod+', key.slice(4)] : ['', key];
    const id = `caret.${direction}.${unit}`;
    return [
      {
        id,
        label: `Move the caret (${unit}, ${direction})`,
        keys: [key],
        scope: 'document',
        hidden: true,
        inHelp: false,
        group: 'Reader',
        enabled: hasCaret,
        perform: run(false, direction, unit),
      },
      {
        id: `${id}.select`,
        label: `Select with the caret (${unit}, ${direction})`,
        keys: [`${mod}Shift+${name}`],
        scope: 'document',
        hidden: true,
        inHelp: false,
        group: 'Reader',
        enabled: () => doc.current !== null,
        perform: run(true, direction, unit),
      },
    ];
  });
  useActions([
    {
      id: 'reader.caret',
      label: 'Put a caret in the text (arrows move it, Shift+arrows select a passage)',
      keys: ['F7'],
      scope: 'document',
      group: 'Reader',
      enabled: () => doc.current !== null,
      perform: () => {
        if (doc.current && scroller.current) placeCaret(doc.current, scroller.current);
      },
    },
    ...moves,
  ]);
}

/** The caret drawn where the selection's moving end is (the text is not editable: none is drawn). */
export function ReaderCaret({ doc, scroller }: Refs) {
  const [box, setBox] = useState<{ left: number; top: number; height: number } | null>(null);
  useEffect(() => {
    const update = () => {
      const sel = selectionIn(doc.current);
      const rect = sel?.isCollapsed && doc.current ? caretRect(doc.current) : null;
      const view = scroller.current?.getBoundingClientRect();
      setBox(
        rect && view && rect.top >= view.top && rect.bottom <= view.bottom
          ? { left: rect.left, top: rect.top, height: rect.height }
          : null,
      );
    };
    const el = scroller.current;
    document.addEventListener('selectionchange', update);
    el?.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      el?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [doc, scroller]);
  return box ? <span className="rd-caret" aria-hidden="true" style={box} /> : null;
}
