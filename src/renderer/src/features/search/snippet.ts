import type { Highlight } from '../../../../shared/api-search';

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a snippet's text at its highlight ranges. Ranges from the backend are trusted for nothing:
 * they are clamped to the text, sorted, and overlapping or touching ones merged, so the parts always
 * add up to the text exactly.
 */
export function snippetParts(text: string, highlights: readonly Highlight[]): SnippetPart[] {
  const ranges = highlights
    .map((h) => ({ start: clamp(h.start, text.length), end: clamp(h.end, text.length) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) parts.push({ text: text.slice(at, r.start), marked: false });
    parts.push({ text: text.slice(r.start, r.end), marked: true });
    at = r.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

const clamp = (n: number, max: number) => (Number.isFinite(n) ? Math.min(Math.max(0, n), max) : 0);
