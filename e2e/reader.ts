/**
 * Driving the reader from tests: a text selection made the way a mouse drag makes it, over the
 * rendered text or over a PDF page's text layer, so specs can tag passages by their words.
 */
import type { Page } from '@playwright/test';

// The few browser globals used inside page.evaluate: this file compiles without the DOM library.
interface BrowserText {
  data: string;
  length: number;
}
interface BrowserElement {
  firstChild: BrowserText | null;
}
interface BrowserRange {
  setStart(node: BrowserText, offset: number): void;
  setEnd(node: BrowserText, offset: number): void;
}
declare const document: {
  querySelector(selector: string): object | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement>;
  createTreeWalker(root: object, whatToShow: number): { nextNode(): object | null };
  createRange(): BrowserRange;
};
declare const window: {
  getSelection(): {
    removeAllRanges(): void;
    addRange(range: BrowserRange): void;
    toString(): string;
  } | null;
};
declare const NodeFilter: { SHOW_TEXT: number };

/** Selects the reader's rendered text from the start of `from` to the end of `to`, like a mouse drag. */
export async function selectText(page: Page, from: string, to = from): Promise<string> {
  return page.evaluate(
    ([from, to]) => {
      const root = document.querySelector('.rd-doc');
      if (!root) throw new Error('no document is open');
      const nodes: [BrowserText, number][] = [];
      let text = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push([n as BrowserText, text.length]);
        text += (n as BrowserText).data;
      }
      const start = text.indexOf(from);
      const toAt = text.indexOf(to, start);
      if (start < 0 || toAt < 0) throw new Error(`"${from}"…"${to}" is not in the reader`);
      const end = toAt + to.length;
      const locate = (pos: number, isEnd: boolean): [BrowserText, number] => {
        const hit = nodes.find(
          ([n, s]) => pos >= s && (isEnd ? pos <= s + n.length : pos < s + n.length),
        )!;
        return [hit[0], pos - hit[1]];
      };
      const range = document.createRange();
      range.setStart(...locate(start, false));
      range.setEnd(...locate(end, true));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [from, to] as const,
  );
}

/**
 * Selects `sentence` on a page of the page view the way a mouse drag would: a DOM range from its
 * first character to its last over the text layer's spans (one span per pdf.js text item; a line
 * break between items is whitespace in the sentence).
 */
export async function selectOnPage(
  page: Page,
  pageIndex: number,
  sentence: string,
): Promise<string> {
  return page.evaluate(
    ([pageIndex, sentence]) => {
      const spans = Array.from(
        document.querySelectorAll(
          `.pdf-page[data-page-index="${pageIndex}"] .textLayer span[data-item]`,
        ),
      );
      // match ignoring whitespace, remembering where each visible character lives
      const chars: [BrowserText, number][] = [];
      let flat = '';
      for (const span of spans) {
        const text = span.firstChild;
        if (!text) continue;
        for (let i = 0; i < text.data.length; i++) {
          if (/\s/.test(text.data[i]!)) continue;
          chars.push([text, i]);
          flat += text.data[i];
        }
      }
      const wanted = sentence.replace(/\s+/g, '');
      const at = flat.indexOf(wanted);
      if (at < 0) throw new Error(`"${sentence}" is not on page ${pageIndex + 1}`);
      const [startNode, startOffset] = chars[at]!;
      const [endNode, endOffset] = chars[at + wanted.length - 1]!;
      const range = document.createRange();
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset + 1);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    [pageIndex, sentence] as const,
  );
}
