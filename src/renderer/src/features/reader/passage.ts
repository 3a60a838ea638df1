/**
 * Shows a passage given by canonical offsets (a search hit): scrolls it to the middle of the reader
 * and paints it with the CSS Custom Highlight API, which needs no change to the DOM that Lexical
 * owns. The highlight stays until the next passage is shown or the document changes, so the eye can
 * find it again after a glance elsewhere.
 */
import { offsetToPoint } from './locate';
import { domTree } from './selection';

const NAME = 'claimdesk-passage';

const startOf = (el: HTMLElement) => Number(el.dataset.start);

export function showPassage(
  root: HTMLElement,
  scroller: HTMLElement,
  startBlock: HTMLElement,
  start: number,
  end: number,
): void {
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-start]')];
  const from = blocks.indexOf(startBlock);
  const endBlock = blocks.slice(from).findLast((b) => startOf(b) < end) ?? startBlock;
  const a = offsetToPoint(domTree, startBlock, start - startOf(startBlock));
  const b = offsetToPoint(domTree, endBlock, Math.max(end, start) - startOf(endBlock));
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);

  if (typeof Highlight === 'function' && CSS.highlights) {
    CSS.highlights.set(NAME, new Highlight(range));
  }
  const rect = range.collapsed ? startBlock.getBoundingClientRect() : range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  scroller.scrollTop += rect.top - box.top - (scroller.clientHeight - rect.height) / 2;

  // a short pulse on the paragraph draws the eye; the highlight itself stays
  startBlock.classList.remove('is-hit-flash');
  void startBlock.offsetWidth; // restart the animation when the same passage is shown twice
  startBlock.classList.add('is-hit-flash');
  startBlock.addEventListener('animationend', () => startBlock.classList.remove('is-hit-flash'), {
    once: true,
  });
}

export function clearPassage(): void {
  if (typeof Highlight === 'function' && CSS.highlights) CSS.highlights.delete(NAME);
}
