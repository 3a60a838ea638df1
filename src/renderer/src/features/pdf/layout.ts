/**
 * Page geometry of the page view, pure: where each page sits in the scroll area at a scale, which
 * pages are near the viewport, and the zoom steps. Page sizes are in PDF points (1/72 inch).
 * "Zoom" is what the user sees (100% = the page's printed size on screen); "scale" is CSS pixels
 * per point: zoom × CSS_UNITS, as in pdf.js's own viewer.
 */

export interface PageSize {
  width: number;
  height: number;
}

/** Space between pages and around them, in CSS pixels (not scaled by zoom). */
export const PAGE_GAP = 16;
export const PAGE_MARGIN = 20;

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 5;
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];

/** CSS pixels per PDF point at 100% (96 dpi / 72 points per inch). */
export const CSS_UNITS = 96 / 72;

export const clampZoom = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** The next zoom step above (dir 1) or below (dir -1) `zoom`, like a browser's zoom. */
export function stepZoom(zoom: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > zoom + 1e-3) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < zoom - 1e-3) ?? MIN_ZOOM;
}

/** The zoom at which the widest page fills the available width (minus margins). */
export function fitWidthZoom(sizes: readonly PageSize[], availableWidth: number): number {
  const widest = sizes.reduce((w, s) => Math.max(w, s.width), 0) || 612;
  return clampZoom((availableWidth - 2 * PAGE_MARGIN) / widest / CSS_UNITS);
}

/**
 * Top edge of every page, plus the total height, in CSS pixels at `scale`. tops[i + 1] - tops[i]
 * is page i's height plus the gap; tops[n] is the scroll height.
 */
export function pageTops(sizes: readonly PageSize[], scale: number): number[] {
  const tops = new Array<number>(sizes.length + 1);
  let y = PAGE_MARGIN;
  for (let i = 0; i < sizes.length; i++) {
    tops[i] = y;
    y += Math.round(sizes[i]!.height * scale) + PAGE_GAP;
  }
  tops[sizes.length] = y - PAGE_GAP + PAGE_MARGIN;
  return tops;
}

/** The page whose box contains y (or the nearest one). Binary search over `pageTops`. */
export function pageAtY(tops: readonly number[], y: number): number {
  const n = tops.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Pages to keep rendered for a viewport [top, top + height): the visible ones plus `overscan`
 * viewports above and below, so scrolling rarely shows a blank page, yet a 1,000-page document
 * holds only a handful of canvases.
 */
export function pagesNear(
  tops: readonly number[],
  top: number,
  height: number,
  overscan = 1,
): { first: number; last: number } {
  const n = tops.length - 1;
  if (n <= 0) return { first: 0, last: -1 };
  const first = pageAtY(tops, top - overscan * height);
  const last = pageAtY(tops, top + height + overscan * height);
  return { first, last: Math.min(n - 1, last) };
}

/**
 * The page the reader is "on": the one covering the most of the viewport's upper part, which is
 * what a page number box should show while scrolling.
 */
export function currentPage(tops: readonly number[], top: number, height: number): number {
  return pageAtY(tops, top + Math.min(height * 0.35, 200));
}

/**
 * Canvas pixel size for a page box, capped so one canvas never exceeds `maxPixels` (browsers
 * refuse or crash on huge canvases; at 500% zoom a poster-sized page would).
 */
export function canvasSize(
  cssWidth: number,
  cssHeight: number,
  pixelRatio: number,
  maxPixels = 16_777_216,
): { width: number; height: number; scale: number } {
  let scale = pixelRatio;
  if (cssWidth * cssHeight * scale * scale > maxPixels) {
    scale = Math.sqrt(maxPixels / (cssWidth * cssHeight));
  }
  return {
    width: Math.max(1, Math.floor(cssWidth * scale)),
    height: Math.max(1, Math.floor(cssHeight * scale)),
    scale,
  };
}

/** A rectangle in % of the page box (left/width of its width, top/height of its height). */
export interface PageBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Joins highlight boxes that sit side by side on one line with only a word space between them
 * (pdf.js often splits a line into several text items), so a highlighted phrase reads as one
 * band. `aspect` is the page's height / width, to compare heights with horizontal gaps. Boxes
 * merge only when `key` (the claims they stand for) is the same.
 */
export function mergeLineBoxes<B extends PageBox>(
  boxes: readonly B[],
  aspect: number,
  key: (box: B) => string,
): B[] {
  const sorted = [...boxes].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.top - b.top || a.left - b.left,
  );
  const out: B[] = [];
  for (const box of sorted) {
    const last = out.at(-1);
    if (last && key(last) === key(box)) {
      const h = Math.min(last.height, box.height);
      const sameLine =
        Math.abs(last.top - box.top) < 0.35 * h &&
        Math.abs(last.height - box.height) < 0.5 * Math.max(last.height, box.height);
      const gap = box.left - (last.left + last.width);
      const hInWidth = h * aspect;
      if (sameLine && gap > -0.5 * hInWidth && gap < 0.8 * hInWidth) {
        const right = Math.max(last.left + last.width, box.left + box.width);
        const bottom = Math.max(last.top + last.height, box.top + box.height);
        last.left = Math.min(last.left, box.left);
        last.top = Math.min(last.top, box.top);
        last.width = right - last.left;
        last.height = bottom - last.top;
        continue;
      }
    }
    out.push({ ...box });
  }
  return out;
}
