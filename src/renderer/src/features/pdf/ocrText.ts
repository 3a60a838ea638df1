/**
 * A page OCR read gets its text layer from the recognised words instead of the PDF (which has no
 * text there): they are shaped like pdf.js's text items (transform in PDF user space, width and
 * height in points), so pdf.js's TextLayer lays them out over the scan like any text, and item i
 * is word i of the page map.
 */
import { UNCERTAIN_BELOW, type OcrPage } from '../../../../shared/ocr';
import type { TextContent } from './pdfjs';

const FONT = 'claimdesk-ocr';

export function ocrTextContent(page: OcrPage): TextContent {
  return {
    items: page.words.map((w, i) => {
      // a word ends with the space to the next one on its line, so that a selection copied from
      // the scan reads "two words", not "twowords" (the space maps to the word's end, as a repaired
      // hyphen does); it spans the gap when the line is horizontal
      const next = page.words[i + 1];
      const horizontal = Math.abs(w.transform[1]) < 1e-6 && w.transform[0] > 0;
      const gap = !w.eol && next && horizontal ? next.transform[4] - w.transform[4] : w.width;
      return {
        str: w.eol ? w.str : `${w.str} `,
        dir: 'ltr',
        transform: w.transform,
        width: Math.max(w.width, gap),
        height: w.height,
        fontName: FONT,
        hasEOL: w.eol,
      };
    }),
    styles: { [FONT]: { fontFamily: 'sans-serif', ascent: 0.8, descent: -0.2, vertical: false } },
    lang: null,
  } as TextContent;
}

/** Indexes of the words recognised with low confidence (shown as uncertain). */
export const uncertainWords = (page: OcrPage): Set<number> =>
  new Set(page.words.flatMap((w, i) => (w.confidence < UNCERTAIN_BELOW ? [i] : [])));
