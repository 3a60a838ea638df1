/**
 * The renderer's edge for positions. The API counts code points (src/shared/wire-offsets.ts);
 * the reader, Lexical, pdf.js and the DOM count UTF-16 code units. Everything the renderer keeps
 * from the API (query caches, navigation targets, search results) stays in code points; it turns
 * into UTF-16 here, where it meets the text it points into:
 * - the open document's content, claims and mentions, once, as the reader gets them;
 * - a navigation target, as the reader shows it; a PDF page's text items, as they arrive;
 * - a snippet's highlights, against the snippet's own text.
 * And the reader's selection turns back into code points here before it is sent.
 */
import type { MentionInfo } from '../../shared/api-entities';
import type { PageMap } from '../../shared/api';
import type { Snippet } from '../../shared/api-search';
import type { Claim, DocumentContent } from '../../shared/model';
import {
  mapClaim,
  mapContent,
  mapMention,
  mapPageItems,
  mapRange,
  mapSnippet,
  toPoints,
  toUnits,
  type MapOffset,
} from '../../shared/wire-offsets';

interface Converters {
  units: MapOffset;
  points: MapOffset;
}

const ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;
/** null: the text has nothing outside the BMP, both units agree and nothing needs copying */
let last: { text: string; converters: Converters | null } | null = null;

/** The converters of one text; the last text's are kept (it is nearly always the open document). */
function convertersOf(text: string): Converters | null {
  if (last?.text !== text) {
    last = {
      text,
      converters: ASTRAL.test(text) ? { units: toUnits(text), points: toPoints(text) } : null,
    };
  }
  return last.converters;
}

/** The open document's structure, for the reader. */
export function contentToUnits(content: DocumentContent): DocumentContent {
  const c = convertersOf(content.text);
  return c ? mapContent(content, c.units) : content;
}

export function claimsToUnits(claims: Claim[], text: string): Claim[] {
  const c = convertersOf(text);
  return c ? claims.map((claim) => mapClaim(claim, c.units)) : claims;
}

export function mentionsToUnits(mentions: MentionInfo[], text: string): MentionInfo[] {
  const c = convertersOf(text);
  return c ? mentions.map((m) => mapMention(m, c.units)) : mentions;
}

/** A passage the API named (a search hit, a table row, a card), in the reader's text. */
export function rangeToUnits<R extends { start: number; end: number }>(range: R, text: string): R {
  const c = convertersOf(text);
  return c ? mapRange(range, c.units) : range;
}

/** The reader's selection, for claims.create and mentions.create. */
export function spansToPoints<R extends { start: number; end: number }>(
  spans: readonly R[],
  text: string,
): R[] {
  const c = convertersOf(text);
  return c ? spans.map((s) => mapRange(s, c.points)) : [...spans];
}

/** A PDF page's text items → canonical text, in the reader's units. */
export function pageItemsToUnits(items: PageMap['items'], text: string): PageMap['items'] {
  const c = convertersOf(text);
  return c ? mapPageItems(items, c.units) : items;
}

/** Highlights count in the snippet's own text. */
export const snippetToUnits = (snippet: Snippet): Snippet =>
  ASTRAL.test(snippet.text) ? mapSnippet(snippet, toUnits) : snippet;
