/**
 * Offsets on the wire. Every public boundary (RPC, exports, CLI) counts positions in Unicode code
 * points, as the W3C Web Annotation model and the exports do; the backend's storage and the
 * renderer's DOM count UTF-16 code units. This module is the one place that knows which fields of
 * the API's values are offsets, and the one pair of converters both sides use to cross over:
 *
 * - the backend (src/main/wire-offsets.ts) maps inputs with `toUnits` and outputs with `toPoints`;
 * - the renderer maps what it received with `toUnits` and what it sends with `toPoints`, at the
 *   place it meets its document text (the reader) or the snippet's own text.
 *
 * The mappers take the conversion as a function, so one declaration of "these are the offsets"
 * serves both directions and both sides. No Node, Electron or DOM imports.
 */
import type { Highlight, Snippet } from './api-search';
import { codePointConverter, utf16Converter } from './anchor';
import type { Block, DocumentContent, InlineMark, PageSpan, TextAnchor } from './model';

/** One direction of conversion for one text. */
export type MapOffset = (offset: number) => number;

/**
 * Code points → UTF-16 code units of `text`. An offset past the end stays past the end by as much
 * (never clamped), so a position outside the text is still refused as outside by the rules that
 * check it, instead of quietly becoming the text's last character.
 */
export function toUnits(text: string): MapOffset {
  const convert = utf16Converter(text);
  const points = codePointConverter(text)(text.length);
  return (offset) => (offset > points ? text.length + (offset - points) : convert(offset));
}

/** UTF-16 code units → code points of `text`; past the end stays past the end, as in toUnits. */
export function toPoints(text: string): MapOffset {
  const convert = codePointConverter(text);
  const points = convert(text.length);
  return (offset) => (offset > text.length ? points + (offset - text.length) : convert(offset));
}

/** The identity, for texts without characters outside the Basic Multilingual Plane. */
export const sameOffset: MapOffset = (offset) => offset;

export function mapRange<R extends { start: number; end: number }>(range: R, f: MapOffset): R {
  return { ...range, start: f(range.start), end: f(range.end) };
}

/** A claim's passages (every other field is not a position); also claims.create's input. */
export function mapClaim<C extends { spans: readonly { start: number; end: number }[] }>(
  claim: C,
  f: MapOffset,
): C {
  return { ...claim, spans: claim.spans.map((s) => mapRange(s, f)) };
}

/** A mention's passage. */
export function mapMention<M extends { anchor: TextAnchor }>(mention: M, f: MapOffset): M {
  return { ...mention, anchor: mapRange(mention.anchor, f) };
}

/** A document's structure: blocks, inline marks and PDF pages. */
export function mapContent(content: DocumentContent, f: MapOffset): DocumentContent {
  return {
    ...content,
    blocks: content.blocks.map((b: Block) => mapRange(b, f)),
    marks: content.marks.map((m: InlineMark) => mapRange(m, f)),
    pages: content.pages.map((p: PageSpan) => mapRange(p, f)),
  };
}

/** A PDF page's text items → canonical [start, end) (api.ts PageMap). */
export function mapPageItems(
  items: readonly ([number, number] | null)[],
  f: MapOffset,
): ([number, number] | null)[] {
  return items.map((item) => (item ? [f(item[0]), f(item[1])] : null));
}

/**
 * A snippet's highlights count in the snippet's own text, so a snippet converts itself:
 * `convert` is toUnits or toPoints, applied to `snippet.text`.
 */
export function mapSnippet(snippet: Snippet, convert: (text: string) => MapOffset): Snippet {
  if (snippet.highlights.length === 0) return snippet;
  const f = convert(snippet.text);
  return { ...snippet, highlights: snippet.highlights.map((h: Highlight) => mapRange(h, f)) };
}
