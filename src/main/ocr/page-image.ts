/**
 * What OCR needs from a PDF page: whether it is a scan (detection), and its picture as grey pixels.
 * Pure geometry here; pdf.js supplies the operator list and draws the page (scan-pages.ts).
 */

/** pdf.js matrices: [a, b, c, d, e, f], x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

/** m1 × m2: apply m2, then m1 (pdf.js `Util.transform`). */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  const [a1, b1, c1, d1, e1, f1] = m1 as Matrix;
  const [a2, b2, c2, d2, e2, f2] = m2 as Matrix;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

export function invert(m: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = m as Matrix;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** An image a page draws: its pixel size and the matrix that maps the unit square onto the page. */
export interface DrawnImage {
  width: number;
  height: number;
  ctm: Matrix;
}

/** The pdf.js operators this module follows (numbers from pdfjs-dist's `OPS`). */
export interface ImageOps {
  save: number;
  restore: number;
  transform: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

/** The images an operator list draws, with where they land (following save/restore/transform). */
export function drawnImages(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  ops: ImageOps,
): DrawnImage[] {
  const images: DrawnImage[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintImageXObject && args) {
      images.push({ width: Number(args[1]) || 0, height: Number(args[2]) || 0, ctm });
    } else if ((fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject) && args) {
      const image = args[0] as { width?: number; height?: number } | null;
      images.push({ width: image?.width ?? 0, height: image?.height ?? 0, ctm });
    }
  }
  return images;
}

/** Area of the page (in square points) an image covers: the unit square mapped by its matrix. */
export const imageArea = (image: DrawnImage) =>
  Math.abs(image.ctm[0] * image.ctm[3] - image.ctm[1] * image.ctm[2]);

/**
 * The resolution a scan was made at: the pixel density of the largest image, in dots per inch
 * (its pixels over its size on the page). Null when nothing covers much of the page.
 */
export function scanDpi(images: readonly DrawnImage[], pageArea: number): number | null {
  const largest = images.reduce<DrawnImage | null>(
    (best, image) => (!best || imageArea(image) > imageArea(best) ? image : best),
    null,
  );
  if (!largest || imageArea(largest) < 0.5 * pageArea) return null;
  const side = Math.hypot(largest.ctm[0], largest.ctm[1]); // points the image's width spans
  return side > 0 ? (largest.width / side) * 72 : null;
}

/** OCR reads pages drawn at this resolution unless the scan says otherwise. */
export const DEFAULT_DPI = 300;
/** Scans finer than this are read at it (more pixels cost time and add nothing for text). */
export const MAX_DPI = 400;
/** Coarser scans are drawn up to this (Tesseract reads small text badly below it). */
export const MIN_DPI = 200;
/** A page picture holds at most this many pixels (an A3 page at 400 dpi): absurd pages are shrunk. */
export const MAX_PIXELS = 40_000_000;
/** Below this a page is too large to read at all: its text would be a few pixels high. */
export const LEAST_DPI = 70;

/** The resolution to draw a page at for OCR, or null when it is too large to read. */
export function renderDpi(widthPt: number, heightPt: number, scan: number | null): number | null {
  const wanted = Math.min(MAX_DPI, Math.max(MIN_DPI, Math.round(scan ?? DEFAULT_DPI)));
  const fit = Math.sqrt(MAX_PIXELS / Math.max(1, (widthPt / 72) * (heightPt / 72)));
  const dpi = Math.min(wanted, Math.floor(fit));
  return dpi >= LEAST_DPI ? dpi : null;
}

/** RGBA pixels to a binary PGM (P5) file, which Tesseract's image reader takes as is. */
export function rgbaToPgm(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let i = 0, o = header.length; i < width * height; i++, o++) {
    const p = i * 4;
    // ITU-R BT.601 luma; transparent pixels are white paper
    const alpha = rgba[p + 3]! / 255;
    const grey = 0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!;
    out[o] = Math.round(grey * alpha + 255 * (1 - alpha));
  }
  return out;
}
