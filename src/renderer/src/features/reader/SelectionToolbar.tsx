import { useEffect, useState, type RefObject } from 'react';
import { hasSelectionIn } from './selection';

interface Props {
  scrollRef: RefObject<HTMLElement | null>;
  onCreate: () => void;
  /** tag the selection as an entity mention */
  onMention?: () => void;
  busy: boolean;
}

/**
 * A small floating "Create claim" button above the start of the current text selection. It exists
 * only while text is selected, so there is never a disabled button to explain.
 */
export function SelectionToolbar({ scrollRef, onCreate, onMention, busy }: Props) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const scroller = scrollRef.current;
        const selection = window.getSelection();
        if (
          !scroller ||
          !selection ||
          !hasSelectionIn(scroller) ||
          selection.toString().trim() === ''
        ) {
          setAt(null);
          return;
        }
        const range = selection.getRangeAt(0);
        const first = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const box = scroller.getBoundingClientRect();
        // keep it inside the reader pane even when the selection starts above the viewport
        const top = Math.min(Math.max(first.top - 44, box.top + 8), box.bottom - 48);
        const left = Math.min(Math.max(first.left, box.left + 8), box.right - 180);
        setAt({ top, left });
      });
    };
    const scroller = scrollRef.current;
    document.addEventListener('selectionchange', update);
    scroller?.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      scroller?.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [scrollRef]);

  if (!at) return null;
  return (
    <div className="sel-toolbar" style={{ top: at.top, left: at.left }}>
      <button
        type="button"
        className="btn btn-primary"
        aria-label="Create claim"
        aria-keyshortcuts="C"
        disabled={busy}
        // keep the text selection: a mousedown on a button would otherwise collapse it
        onMouseDown={(e) => e.preventDefault()}
        onClick={onCreate}
      >
        Create claim <kbd>C</kbd>
      </button>
      {onMention && (
        <button
          type="button"
          className="btn"
          aria-label="Tag entity"
          aria-keyshortcuts="E"
          onMouseDown={(e) => e.preventDefault()}
          onClick={onMention}
        >
          Entity <kbd>E</kbd>
        </button>
      )}
    </div>
  );
}
