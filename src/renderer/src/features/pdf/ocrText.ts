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
    items: page.words.map((w) => ({
      str: w.str,
      dir: 'ltr',
      transform: w.transform,
      width: w.width,
      height: w.height,
      fontName: FONT,
      hasEOL: w.eol,
    })),
    styles: { [FONT]: { fontFamily: 'sans-serif', ascent: 0.8, descent: -0.2, vertical: false } },
    lang: null,
  } as TextContent;
}

/** Indexes of the words recognised with low confidence (shown as uncertain). */
export const uncertainWords = (page: OcrPage): Set<number> =>
  new Set(page.words.flatMap((w, i) => (w.confidence < UNCERTAIN_BELOW ? [i] : [])));
