/**
 * The DOM side of the page view's text layers: which text items a selection covers, where a run of
 * an item's characters is drawn, and pdf.js's trick that keeps drag-selection from jumping.
 * Each text item is one `<span data-item="i">` holding one text node (pdf.js's TextLayer).
 */
import { leadingSpaces, type ItemPiece } from './pageMap';

/** The parts of text items the current selection covers inside `root`, in DOM order. */
export function selectionPieces(root: HTMLElement): ItemPiece[] | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const pieces: ItemPiece[] = [];
  for (const layer of root.querySelectorAll<HTMLElement>('.textLayer[data-page]')) {
    if (!range.intersectsNode(layer)) continue;
    const page = Number(layer.dataset.page);
    for (const span of layer.querySelectorAll<HTMLElement>('span[data-item]')) {
      if (!range.intersectsNode(span)) continue;
      const text = span.textContent ?? '';
      const length = text.length;
      const from = span.contains(range.startContainer)
        ? offsetIn(span, range.startContainer, range.startOffset, length)
        : 0;
      const to = span.contains(range.endContainer)
        ? offsetIn(span, range.endContainer, range.endOffset, length)
        : length;
      if (to > from) {
        pieces.push({ page, item: Number(span.dataset.item), from, to, lead: leadingSpaces(text) });
      }
    }
  }
  return pieces;
}

/** A boundary point inside an item's span, as a character offset into the item. */
function offsetIn(span: HTMLElement, node: Node, offset: number, length: number): number {
  if (node.nodeType === Node.TEXT_NODE) return Math.min(offset, length);
  // an element point: before all of the span's text, or after it
  return offset === 0 && node === span ? 0 : length;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Boxes (in % of the page box) covering characters [from, to) of an item's span. */
export function itemBoxes(span: HTMLElement, from: number, to: number, page: DOMRect): Box[] {
  const text = span.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE || !span.isConnected) return [];
  const length = (text as Text).length;
  const range = document.createRange();
  range.setStart(text, Math.min(from, length));
  range.setEnd(text, Math.min(to, length));
  const boxes: Box[] = [];
  for (const r of range.getClientRects()) {
    if (r.width < 0.5 || r.height < 0.5) continue;
    boxes.push({
      left: ((r.left - page.left) / page.width) * 100,
      top: ((r.top - page.top) / page.height) * 100,
      width: (r.width / page.width) * 100,
      height: (r.height / page.height) * 100,
    });
  }
  return boxes;
}

// ---- drag selection ---------------------------------------------------------------------------
// A text layer is absolutely positioned spans over empty space. Dragging over the space between
// spans makes Chromium select to the end of the layer (or the document): pdf.js's viewer keeps an
// "end of content" element right after the selection's moving end to stop that. Same here.

const layers = new Map<HTMLElement, HTMLElement>();
let listening: AbortController | null = null;

/** Registers a rendered text layer; returns its unregister function. */
export function trackTextLayer(layer: HTMLElement): () => void {
  const end = document.createElement('div');
  end.className = 'endOfContent';
  layer.append(end);
  const onDown = () => layer.classList.add('selecting');
  layer.addEventListener('mousedown', onDown);
  layers.set(layer, end);
  listen();
  return () => {
    layer.removeEventListener('mousedown', onDown);
    layers.delete(layer);
    end.remove();
    if (layers.size === 0) {
      listening?.abort();
      listening = null;
    }
  };
}

function reset(end: HTMLElement, layer: HTMLElement): void {
  layer.append(end);
  end.style.width = '';
  end.style.height = '';
  end.style.userSelect = '';
  layer.classList.remove('selecting');
}

function listen(): void {
  if (listening) return;
  listening = new AbortController();
  const { signal } = listening;
  let pointerDown = false;
  let previous: Range | null = null;
  const resetAll = () => layers.forEach(reset);
  document.addEventListener('pointerdown', () => (pointerDown = true), { signal });
  document.addEventListener('pointerup', () => ((pointerDown = false), resetAll()), { signal });
  window.addEventListener('blur', () => ((pointerDown = false), resetAll()), { signal });
  document.addEventListener('keyup', () => !pointerDown && resetAll(), { signal });
  document.addEventListener(
    'selectionchange',
    () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) return resetAll();
      const range = selection.getRangeAt(0);
      for (const [layer, end] of layers) {
        if (range.intersectsNode(layer)) layer.classList.add('selecting');
        else reset(end, layer);
      }
      // move the end-of-content element next to the end of the selection being dragged
      const movingStart =
        previous !== null &&
        (range.compareBoundaryPoints(Range.END_TO_END, previous) === 0 ||
          range.compareBoundaryPoints(Range.START_TO_END, previous) === 0);
      previous = range.cloneRange();
      let anchor: Node | null = movingStart ? range.startContainer : range.endContainer;
      if (anchor.nodeType === Node.TEXT_NODE) anchor = anchor.parentNode;
      if (!movingStart && range.endOffset === 0 && anchor) {
        // the selection ends before `anchor`: use the last node with content before it
        do {
          while (anchor && !anchor.previousSibling) anchor = anchor.parentNode;
          anchor = anchor?.previousSibling ?? null;
        } while (anchor && anchor.childNodes.length === 0);
      }
      const parent = anchor?.parentElement;
      const layer = parent?.closest<HTMLElement>('.textLayer');
      const end = layer ? layers.get(layer) : undefined;
      if (!anchor || !parent || !layer || !end) return;
      end.style.width = layer.style.width;
      end.style.height = layer.style.height;
      end.style.userSelect = 'text';
      parent.insertBefore(end, movingStart ? anchor : anchor.nextSibling);
    },
    { signal },
  );
}
