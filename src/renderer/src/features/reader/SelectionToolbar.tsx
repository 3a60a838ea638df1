import { useEffect, useState, type RefObject } from 'react';
import { ActionButton } from '../../actions/ActionButton';
import { useSelectionPlacement, type SelectionBox } from '../../lib/popupPlacement';
import { hasSelectionIn } from './selection';

interface Props {
  scrollRef: RefObject<HTMLElement | null>;
  /** offer tagging the selection as an entity mention too */
  withMention?: boolean;
}

/**
 * A small floating "Create claim" button above the start of the current text selection (below
 * it when the pane has no room above). It exists only while text is selected, so there is never a
 * disabled button to explain. Its buttons run the registered actions of C and E, so a click opens
 * the same tag popover as the key.
 */
export function SelectionToolbar({ scrollRef, ...buttons }: Props) {
  const [at, setAt] = useState<SelectionBox | null>(null);

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
        const whole = range.getBoundingClientRect();
        const first = range.getClientRects()[0] ?? whole;
        // from the start of the first line to the bottom of the last: flipped below, the toolbar
        // goes under the whole selection, not over its second line
        setAt({ top: first.top, bottom: Math.max(first.bottom, whole.bottom), left: first.left });
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
  return <Toolbar at={at} boundary={scrollRef.current} {...buttons} />;
}

function Toolbar({
  at,
  boundary,
  withMention,
}: Omit<Props, 'scrollRef'> & { at: SelectionBox; boundary: HTMLElement | null }) {
  // kept inside the reader pane, so a selection that starts above the viewport keeps its
  // toolbar at the pane's top edge
  const { refs, floatingStyles, isPositioned } = useSelectionPlacement(at, {
    side: 'top',
    boundary,
  });
  return (
    <div
      ref={refs.setFloating}
      className="sel-toolbar"
      // hidden for the one frame before Floating UI has placed it, not flashed at the corner
      style={{ ...floatingStyles, visibility: isPositioned ? undefined : 'hidden' }}
    >
      <ActionButton
        action="claim.create"
        className="btn btn-primary"
        aria-label="Create claim"
        // keep the text selection: a mousedown on a button would otherwise collapse it
        onMouseDown={(e) => e.preventDefault()}
      >
        Create claim <kbd>C</kbd>
      </ActionButton>
      {withMention && (
        <ActionButton
          action="mention.tag"
          className="btn"
          aria-label="Tag entity"
          onMouseDown={(e) => e.preventDefault()}
        >
          Entity <kbd>E</kbd>
        </ActionButton>
      )}
    </div>
  );
}
