/**
 * From recognised words (pixels of the page picture) to the two things the importer keeps:
 * - text items shaped like pdf.js's (OcrWord: a transform in PDF user space), so the page view's
 *   text layer, selection and highlights work on the scan exactly as on a text PDF;
 * - lines for the canonical text (pdf-layout.ts `Line`), in Tesseract's reading order, whose
 *   `sources` say where each word (item) landed, so the page maps are built as for any PDF.
 * Points = pixels × 72 / dpi; the viewport's matrix (page rotation and crop included) maps user
 * space to the picture's pixels, so its inverse maps words back.
 */
import type { OcrWord } from '../../shared/ocr';
import type { Line } from '../importers/pdf-layout';
import type { Recognised } from './engine';
import { invert, multiply, type Matrix } from './page-image';

/** The share of a text layer font's height above the baseline (pdf.js's default ascent). */
const ASCENT = 0.8;

export interface PageWords {
  words: OcrWord[];
  lines: Line[];
}

/**
 * `viewport`: the matrix pdf.js drew the picture with (user space → pixels); `scale`: pixels per
 * point; `height`: the picture's height in pixels.
 */
export function pageWords(
  recognised: Recognised,
  viewport: readonly number[],
  scale: number,
  height: number,
): PageWords {
  const toUser = invert(viewport);
  const words: OcrWord[] = [];
  const lines: Line[] = [];
  for (const paragraph of recognised.paragraphs) {
    for (const line of paragraph) {
      const baselineAt = (x: number) => {
        const b = line.baseline;
        if (!b || b.x1 === b.x0) return line.y1;
        return b.y0 + ((b.y1 - b.y0) * (x - b.x0)) / (b.x1 - b.x0);
      };
      const sources: number[] = [];
      let text = '';
      line.words.forEach((word, k) => {
        // the line's baseline under the word, but never above the word's own bottom minus a descent
        const base = Math.min(Math.max(baselineAt(word.x0), word.y0 + 1), word.y1);
        // one size for the whole line (its tallest letters), as a text PDF's line has one font size
        const size = Math.max(1, base - line.y0) / ASCENT;
        const pixel: Matrix = [size, 0, 0, -size, word.x0, base];
        if (k > 0) text += ' ';
        sources.push(words.length, text.length, text.length + word.text.length);
        text += word.text;
        words.push({
          str: word.text,
          transform: multiply(toUser, pixel).map(round) as OcrWord['transform'],
          width: round((word.x1 - word.x0) / scale),
          height: round(size / scale),
          eol: k === line.words.length - 1,
          confidence: Math.round(word.confidence),
        });
      });
      const first = line.words[0]!;
      const size = Math.max(1, line.y1 - line.y0) / scale;
      lines.push({
        text,
        x0: line.x0 / scale,
        x1: line.x1 / scale,
        // y grows upwards in the layout code, as in PDF user space
        y: (height - baselineAt((line.x0 + line.x1) / 2)) / scale,
        size: size * ASCENT,
        charWidth: (line.x1 - line.x0) / scale / Math.max(1, text.length),
        firstWordWidth: (first.x1 - first.x0) / scale,
        upright: true,
        sources,
      });
    }
  }
  return { words, lines };
}

const round = (n: number) => Math.round(n * 100) / 100;
