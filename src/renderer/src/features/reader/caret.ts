/**
 * Caret navigation in the read-only text (issue 15, defect 4): a collapsed selection is the caret,
 * moved and extended with Selection.modify, which works in text that is not editable; so Shift+
 * arrows select a passage for C or E without a mouse. The reader's sections are Lexical roots with
 * contenteditable=false, so the browser's own caret never shows there: ReaderCaret draws it.
 */

export type Direction = 'forward' | 'backward';
export type Unit = 'character' | 'word' | 'line' | 'lineboundary';

/** The selection when both its ends are in the document's text, else null. */
export function selectionIn(doc: HTMLElement | null): Selection | null {
  const sel = window.getSelection();
  if (!doc || !sel || sel.rangeCount === 0) return null;
  return doc.contains(sel.anchorNode) && doc.contains(sel.focusNode) ? sel : null;
}

/** Puts the caret at the start of the first text line visible in the scroller. */
export function placeCaret(doc: HTMLElement, scroller: HTMLElement): boolean {
  const top = scroller.getBoundingClientRect().top;
  const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().bottom <= top) continue;
    window.getSelection()?.collapse(node, 0);
    return true;
  }
  return false;
}

/** Moves the caret, or with `extend` its selection's moving end, then keeps that end in view. */
export function moveCaret(
  doc: HTMLElement,
  scroller: HTMLElement,
  extend: boolean,
  direction: Direction,
  unit: Unit,
): void {
  const sel = selectionIn(doc);
  if (!sel && !placeCaret(doc, scroller)) return;
  window.getSelection()?.modify(extend ? 'extend' : 'move', direction, unit);
  const rect = caretRect(doc);
  if (!rect) return;
  const view = scroller.getBoundingClientRect();
  if (rect.top < view.top) scroller.scrollTop -= view.top - rect.top + 24;
  else if (rect.bottom > view.bottom) scroller.scrollTop += rect.bottom - view.bottom + 24;
}

/** Where the moving end of the selection is drawn (null where it has no box). */
export function caretRect(doc: HTMLElement): DOMRect | null {
  const sel = selectionIn(doc);
  if (!sel?.focusNode) return null;
  const range = document.createRange();
  range.setStart(sel.focusNode, sel.focusOffset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? null;
  return rect && rect.height > 0 ? rect : null;
}
