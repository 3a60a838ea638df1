/**
 * The thin DOM side of offset mapping: adapts DOM nodes to the pure walk in offsets.ts.
 */
import { selectionToSpan, type TreeAdapter } from './offsets';

export const domTree: TreeAdapter<Node> = {
  parent: (n) => n.parentNode,
  children: (n) => Array.from(n.childNodes),
  textLength: (n) => (n.nodeType === Node.TEXT_NODE ? (n as Text).length : null),
  isLineBreak: (n) => n.nodeName === 'BR',
  blockRange: (n) => {
    if (!(n instanceof HTMLElement) || n.dataset.start === undefined) return null;
    return { start: Number(n.dataset.start), end: Number(n.dataset.end) };
  },
};

/** The current selection's canonical span inside `root`, trimmed; null if none or collapsed. */
export function selectionSpanIn(
  root: HTMLElement,
  text: string,
): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) {
    // a selection that starts or ends outside the reader is clipped to it
    const clipped = document.createRange();
    clipped.selectNodeContents(root);
    if (root.contains(range.startContainer))
      clipped.setStart(range.startContainer, range.startOffset);
    if (root.contains(range.endContainer)) clipped.setEnd(range.endContainer, range.endOffset);
    if (!range.intersectsNode(root)) return null;
    return spanOfRange(root, clipped, text);
  }
  return spanOfRange(root, range, text);
}

function spanOfRange(root: HTMLElement, range: Range, text: string) {
  return selectionToSpan(
    domTree,
    root,
    { node: range.startContainer, offset: range.startOffset },
    { node: range.endContainer, offset: range.endOffset },
    text,
  );
}

/** True when the selection is non-empty and at least partly inside `root`. */
export function hasSelectionIn(root: HTMLElement): boolean {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return selection.getRangeAt(0).intersectsNode(root);
}
