/**
 * OCR (scanned pages): what a recognised page holds, shared by the backend (import, storage,
 * exports) and the renderer (the page view's text layer). No Node or DOM imports.
 */

/** Words recognised with less confidence than this (0–100) are shown as uncertain. */
export const UNCERTAIN_BELOW = 60;

/** Language codes as Tesseract names its data files: eng, rus, tgk, uzb_cyrl, chi_sim… */
export const LANGUAGE_CODE = /^[a-z]{3}(?:_[a-z]{3,5})?$/;
/** At most this many languages in one run (each adds memory and time to every page). */
export const MAX_LANGUAGES = 6;

/**
 * "eng+rus" → ["eng", "rus"], or a message saying what is wrong. One parser for the CLI, the
 * settings, the RPC input and the import panel.
 */
export function parseLanguages(spec: string): { languages: string[] } | { problem: string } {
  const languages = spec
    .trim()
    .toLowerCase()
    .split(/[+,\s]+/)
    .filter(Boolean);
  if (languages.length === 0) return { problem: 'No OCR language given (e.g. eng+rus).' };
  if (languages.length > MAX_LANGUAGES) {
    return { problem: `At most ${MAX_LANGUAGES} OCR languages at once (got ${languages.length}).` };
  }
  const bad = languages.find((l) => !LANGUAGE_CODE.test(l));
  if (bad) {
    return {
      problem: `"${bad.slice(0, 40)}" is not a Tesseract language code (three letters, e.g. eng, rus, tgk, uzb_cyrl).`,
    };
  }
  return { languages: [...new Set(languages)] };
}

/**
 * One recognised word as the page view's text layer needs it: the shape of a pdf.js text item
 * (`str`, `transform` in PDF user space with the baseline at e/f, `width` and `height` in
 * points), so that pdf.js's TextLayer lays it out exactly like a text PDF's items, plus the
 * engine's confidence (0–100).
 */
export interface OcrWord {
  str: string;
  transform: [number, number, number, number, number, number];
  width: number;
  height: number;
  /** last word of its line (pdf.js `hasEOL`) */
  eol: boolean;
  confidence: number;
}

/** Which engine read the page, for provenance in exports. */
export interface OcrRun {
  engine: string;
  version: string;
  languages: string[];
  dpi: number;
}

/** A recognised page: item i of the page map is words[i]. */
export interface OcrPage extends OcrRun {
  index: number;
  words: OcrWord[];
}

/** "OCR page 3 of 41": the one wording of progress, for the import panel and the CLI. */
export function describeJob(progress: { stage: string; done: number; pages: number }): string {
  if (progress.stage !== 'ocr' || progress.pages === 0) return '';
  const current = Math.min(progress.done + 1, progress.pages);
  return progress.done >= progress.pages
    ? `OCR finished (${progress.pages} page${progress.pages === 1 ? '' : 's'})`
    : `OCR page ${current} of ${progress.pages}`;
}
