/**
 * Which quoted passages come from OCR, for exports: the engine, its version, the languages and
 * resolution of the run, and how sure the engine was of the words quoted (their confidence, and
 * those under the "uncertain" threshold), so that a reader of the export knows to check the scan.
 */
import type { DocumentId, TextAnchor } from '../../shared/model';
import { UNCERTAIN_BELOW } from '../../shared/ocr';
import { getPageMap } from '../db/documents';
import { getOcrPages } from '../db/ocr';
import type { Db } from '../db/open';

export interface OcrProvenance {
  engine: string;
  version: string;
  languages: string[];
  dpi: number;
  /** 1-based numbers of the scanned pages the quote lies on */
  pages: number[];
  /** recognised words the quote covers, their mean and lowest confidence (0–100) */
  words: number;
  meanConfidence: number;
  minConfidence: number;
  /** words recognised with less confidence than the app's threshold, as read */
  uncertainWords: string[];
}

interface PlacedWord {
  start: number;
  end: number;
  str: string;
  confidence: number;
  page: number;
}

/**
 * For one document: a function from a claim's or mention's passages to its OCR provenance, or
 * null when none of it was read by OCR. Null for documents OCR never touched (one small query).
 */
export function ocrProvenanceOf(
  db: Db,
  documentId: DocumentId,
): ((spans: readonly TextAnchor[]) => OcrProvenance | null) | null {
  const pages = getOcrPages(db, documentId);
  if (pages.length === 0) return null;
  const words: PlacedWord[] = [];
  for (const page of pages) {
    const items = getPageMap(db, documentId, page.index) ?? [];
    page.words.forEach((word, i) => {
      const range = items[i];
      if (range)
        words.push({
          start: range[0],
          end: range[1],
          str: word.str,
          confidence: word.confidence,
          page: page.index,
        });
    });
  }
  words.sort((a, b) => a.start - b.start);
  const run = pages[0]!;
  return (spans) => {
    const quoted = spans.flatMap((span) => wordsIn(words, span.start, span.end));
    if (quoted.length === 0) return null;
    const confidences = quoted.map((w) => w.confidence);
    return {
      engine: run.engine,
      version: run.version,
      languages: run.languages,
      dpi: run.dpi,
      pages: [...new Set(quoted.map((w) => w.page + 1))],
      words: quoted.length,
      meanConfidence: Math.round(confidences.reduce((a, b) => a + b, 0) / quoted.length),
      minConfidence: Math.min(...confidences),
      uncertainWords: quoted.filter((w) => w.confidence < UNCERTAIN_BELOW).map((w) => w.str),
    };
  };
}

/** The words overlapping [start, end), by binary search over words sorted by start. */
function wordsIn(words: readonly PlacedWord[], start: number, end: number): PlacedWord[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: PlacedWord[] = [];
  for (let i = lo; i < words.length && words[i]!.start < end; i++) {
    if (words[i]!.end > start) out.push(words[i]!);
  }
  return out;
}
