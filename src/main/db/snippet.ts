import type { Highlight, Snippet } from '../../shared/api-search';

/** Markers FTS5's highlight() puts around matched tokens (control characters no text uses). */
export const OPEN = '\u0001';
export const CLOSE = '\u0002';

/**
 * Splits highlight() output into its text and the marked ranges. When the caller has the original
 * text (indexed text is folded, ё → е, one unit for one), the ranges apply to it unchanged.
 */
export function parseHighlighted(marked: string): { text: string; ranges: Highlight[] } {
  const ranges: Highlight[] = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0 && text.length > open) ranges.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  // adjacent matched tokens ("prison riot" as a phrase) read as one highlight; a newline keeps
  // them apart (entity aliases are indexed one a line)
  const merged: Highlight[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && /^[^\S\n]*$/.test(text.slice(last.end, r.start))) last.end = r.end;
    else merged.push({ ...r });
  }
  return { text, ranges: merged };
}

/** The original text when it matches the highlighted one unit for unit, else what was highlighted. */
export function highlightIn(
  original: string,
  marked: string,
): { text: string; ranges: Highlight[] } {
  const parsed = parseHighlighted(marked);
  return parsed.text.length === original.length
    ? { text: original, ranges: parsed.ranges }
    : parsed;
}

const BEFORE = 60;
const LENGTH = 240;

/**
 * A window of about LENGTH characters around the first highlight, cut at spaces, with whitespace
 * shown as plain spaces (one for one, so highlight offsets stay valid).
 */
export function makeSnippet(text: string, ranges: Highlight[]): Snippet {
  let start = 0;
  let end = text.length;
  if (text.length > LENGTH) {
    const first = ranges[0] ?? { start: 0, end: 0 };
    start = Math.max(0, Math.min(first.start - BEFORE, text.length - LENGTH));
    if (start > 0) {
      const space = text.slice(start, first.start).search(/\s/);
      if (space >= 0 && space < 20) start += space + 1;
    }
    end = Math.min(text.length, Math.max(start + LENGTH, first.end));
    if (end < text.length) {
      const space = text.slice(first.end, end).search(/\s\S*$/);
      if (space >= 0 && end - (first.end + space) < 20) end = first.end + space;
    }
    if (isLowSurrogate(text.charCodeAt(start))) start++;
    if (isLowSurrogate(text.charCodeAt(end))) end++;
  }
  const highlights = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return {
    text: text.slice(start, end).replace(/\s/g, ' '),
    highlights,
    truncatedStart: start > 0,
    truncatedEnd: end < text.length,
  };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
