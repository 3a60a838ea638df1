/**
 * The page view's link to canonical text, pure (no DOM): pdf.js text items ↔ canonical offsets.
 *
 * The backend's page map gives, for the i-th text item of a page (pdf.js `getTextContent()` with
 * the importer's options), the canonical [start, end) it became, or null when the importer dropped
 * it (running header, footer, page number). Inside an item, character k maps to
 * start + min(k, end - start): an item can be longer than its canonical range (a line-end hyphen
 * that was repaired away), never shorter. One refinement (src/main/importers/pdf-items.ts): an
 * item's leading spaces are not in the canonical text and its range starts at its first kept
 * character, so characters are counted from there.
 */
import type { PageSpan } from '../../../../shared/model';
import { trimSpan } from '../reader/offsets';

/** One page's map: item index → canonical [start, end), or null for dropped items. */
export type ItemMap = readonly (readonly [number, number] | null)[];

export interface Span {
  start: number;
  end: number;
}

/** Canonical offset of character `k` of an item (k may equal the item's length: "after it"). */
export function itemCharOffset(range: readonly [number, number], k: number): number {
  const [start, end] = range;
  return start + Math.min(Math.max(0, k), end - start);
}

/** How many whitespace characters an item's text starts with. */
export const leadingSpaces = (text: string): number => text.length - text.trimStart().length;

/** A selected part of one text item: characters [from, to) of item `item` on page `page`. */
export interface ItemPiece {
  page: number;
  item: number;
  /** the item's leading whitespace (see leadingSpaces); characters count from after it */
  lead?: number;
  from: number;
  to: number;
}

/**
 * The canonical spans a page-view selection stands for. `pieces` come in DOM order (pdf.js's text
 * items in content-stream order). Each maps to a canonical range; ranges are sorted and merged
 * when only whitespace separates them (words, lines, paragraphs and page breaks of one passage),
 * trimmed, and returned in text order. Dropped items (headers, footers) contribute nothing.
 *
 * Where the two orders disagree, the ends of the selection decide, as in the text view: text that
 * lies between them in the DOM but outside them in the text (a footnote mark the PDF drew after
 * its line) is left out. Text the importer placed elsewhere between the ends (another column)
 * honestly makes several spans instead of one span swallowing everything between.
 * Null when nothing but whitespace is selected.
 *
 * `maxSpans`: beyond it the passages are joined into one span from the first to the last.
 */
export function piecesToSpans(
  pieces: readonly ItemPiece[],
  mapOf: (page: number) => ItemMap | undefined,
  text: string,
  maxSpans = Infinity,
): Span[] | null {
  let ranges: Span[] = [];
  for (const p of pieces) {
    const range = mapOf(p.page)?.[p.item];
    if (!range || p.to <= p.from) continue;
    const lead = p.lead ?? 0;
    const start = itemCharOffset(range, p.from - lead);
    const end = itemCharOffset(range, p.to - lead);
    if (end > start) ranges.push({ start, end });
  }
  const first = ranges[0]?.start ?? 0;
  const last = ranges.at(-1)?.end ?? 0;
  if (first < last) {
    ranges = ranges.flatMap((r) => {
      const start = Math.max(r.start, first);
      const end = Math.min(r.end, last);
      return end > start ? [{ start, end }] : [];
    });
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && (r.start <= last.end || isBlank(text, last.end, r.start))) {
      last.end = Math.max(last.end, r.end);
    } else {
      merged.push({ ...r });
    }
  }
  let spans = merged.flatMap((s) => trimSpan(text, s.start, s.end) ?? []);
  if (spans.length > maxSpans) {
    spans = [trimSpan(text, spans[0]!.start, spans.at(-1)!.end)!];
  }
  return spans.length > 0 ? spans : null;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i]!)) return false;
  return true;
}

/** A run of characters [from, to) of one item covered by the same set of claims. */
export interface ItemHighlight {
  item: number;
  from: number;
  to: number;
  claimIds: string[];
}

/**
 * Where claims' spans fall on one page, cut at every claim boundary so that each run lists all
 * claims covering it (depth = claimIds.length), like the text view's highlight pieces.
 * `texts[i]` is item i's string; characters an item has beyond its canonical range (a repaired
 * hyphen) are covered when the claim runs on past the item's end; leading spaces never are.
 */
export function pageHighlights(
  map: ItemMap,
  texts: readonly string[],
  spans: readonly { claimId: string; start: number; end: number }[],
): ItemHighlight[] {
  const out: ItemHighlight[] = [];
  if (spans.length === 0) return out;
  for (let item = 0; item < map.length; item++) {
    const range = map[item];
    const text = texts[item] ?? '';
    const lead = leadingSpaces(text);
    const length = text.length - lead;
    if (!range || length === 0) continue;
    const [a, b] = range;
    const covering = spans.filter((s) => s.end > a && s.start < b && s.end > s.start);
    if (covering.length === 0) continue;
    // character positions inside the item where some claim starts or ends; characters past the
    // canonical range (a repaired hyphen) belong to claims that run on beyond the item
    const inRange = Math.min(length, b - a);
    const toChar = (offset: number, end: boolean) =>
      end && offset > b ? length : Math.min(inRange, Math.max(0, offset - a));
    const cuts = new Set<number>([0, inRange, length]);
    for (const s of covering) {
      cuts.add(toChar(s.start, false));
      cuts.add(toChar(s.end, true));
    }
    const sorted = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const from = sorted[i]!;
      const to = sorted[i + 1]!;
      if (to <= from) continue;
      const claimIds = covering
        .filter((s) =>
          from >= inRange ? s.start < b && s.end > b : s.start <= a + from && s.end > a + from,
        )
        .map((s) => s.claimId);
      if (claimIds.length === 0) continue;
      const last = out.at(-1);
      if (
        last &&
        last.item === item &&
        last.to === from + lead &&
        sameIds(last.claimIds, claimIds)
      ) {
        last.to = to + lead;
      } else {
        out.push({ item, from: from + lead, to: to + lead, claimIds });
      }
    }
  }
  return out;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The 0-based index of the page holding `offset` (the last page starting at or before it). */
export function pageIndexAt(pages: readonly PageSpan[], offset: number): number {
  if (pages.length === 0) return 0;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo]!.index;
}

/** The pages a canonical span touches (page indices, ascending). */
export function pagesOfSpan(pages: readonly PageSpan[], span: Span): number[] {
  const out: number[] = [];
  for (const p of pages) {
    if (p.start < span.end && p.end > span.start) out.push(p.index);
  }
  return out.length > 0 ? out : [pageIndexAt(pages, span.start)];
}

/**
 * The page number box accepts a page label ("iv", "12") or a 1-based number; labels win when
 * they match, so a document whose labels start at "1" on the fifth page behaves as printed.
 * Returns a 0-based page index, or null when nothing matches.
 */
export function parsePageInput(input: string, labels: readonly string[], count: number) {
  const wanted = input.trim();
  if (wanted === '') return null;
  const byLabel = labels.findIndex((l) => l.toLowerCase() === wanted.toLowerCase());
  if (byLabel >= 0) return byLabel;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n >= 1 && n <= count) return n - 1;
  }
  return null;
}
