/**
 * From the lines of every page to one canonical text: lines join into paragraphs (with a space,
 * or across a repaired hyphen), paragraphs are separated by a blank line, and each page's text
 * is recorded as a span. Pure functions; see pdf-layout.ts for how lines are made.
 */
import type { Block } from '../../shared/model';
import { buildLexicon, joinSplitWord, type Lexicon } from './pdf-word-breaks';
import { push, type Line } from './pdf-layout';

export interface LaidOutText {
  text: string;
  /** one per input page, in order; an empty page is an empty span where it falls */
  pages: { start: number; end: number }[];
  blocks: Block[];
  /** per input page, per line: where the line's text is in `text` (without a dropped hyphen) */
  lines: { start: number; end: number }[][];
}

type Join = 'paragraph' | 'space' | 'join' | 'drop-hyphen';

/** What is normal in this document, so that the exceptions (paragraph breaks) stand out. */
interface Stats {
  /** the font size most text is set in */
  bodySize: number;
  /** the usual distance between baselines within a paragraph, in ems */
  lineGap: number;
  /** the right margin for a line */
  margin: (line: Line) => number;
}

/** Sizes further apart than this ratio are different kinds of text (heading and body). */
const SIZE_CHANGE = 1.15;
/** A baseline distance this much larger than the usual one is a gap between paragraphs. */
const PARAGRAPH_GAP = 1.25;
/**
 * Ends a sentence or a reference: "end.", "end?)", "end.”", "end.*" (Markdown emphasis), and
 * "(Sources: [25])" or "<https://…>", which end paragraphs more often than they split sentences.
 */
const SENTENCE_END = /[.!?:;…)\]>]["'”’»)\]*_]*$/u;
/** A bullet always starts a list item. */
const BULLET = /^[•◦▪▫■□●○‣⁃∙]\s/u;
/** A list item's marker: its continuation lines may be indented like a new paragraph's first. */
const LIST_MARKER = /^(?:[•◦▪▫■□●○‣⁃∙*–—-]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s/iu;
/** A table-of-contents entry: "2.1 Methods . . . . 12" ends its line. */
const CONTENTS_ENTRY = /(?:\. ?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$/i;

export function layoutText(pages: readonly (readonly Line[])[]): LaidOutText {
  const flat = pages.flatMap((lines, page) => lines.map((line) => ({ line, page })));
  const stats = measure(pages);
  const lexicon = buildLexicon(flat.map((f) => f.line.text));

  // joins[i] says how line i attaches to line i - 1
  const joins: Join[] = flat.map(({ line, page }, i) => {
    const prev = flat[i - 1];
    if (!prev) return 'paragraph';
    if (page !== prev.page) {
      return page === prev.page + 1
        ? joinAcrossBreak(prev.line, line, stats, lexicon)
        : 'paragraph';
    }
    const next = flat[i + 1]?.page === page ? flat[i + 1]!.line : undefined;
    return joinWithinPage(prev.line, line, next, stats, lexicon);
  });

  const parts: string[] = [];
  let offset = 0;
  const spans = pages.map(() => ({ start: -1, end: -1 }));
  const placed = pages.map((lines) => lines.map(() => ({ start: 0, end: 0 })));
  let lineOnPage = 0;
  const paragraphs: { start: number; end: number; lines: Line[] }[] = [];
  flat.forEach(({ line, page }, i) => {
    const join = joins[i]!;
    const separator = join === 'paragraph' ? (i > 0 ? '\n\n' : '') : join === 'space' ? ' ' : '';
    parts.push(separator);
    offset += separator.length;
    if (join === 'paragraph') paragraphs.push({ start: offset, end: offset, lines: [] });
    const text = joins[i + 1] === 'drop-hyphen' ? line.text.slice(0, -1) : line.text;
    const span = spans[page]!;
    if (span.start < 0) span.start = offset;
    lineOnPage = i > 0 && flat[i - 1]!.page === page ? lineOnPage + 1 : 0;
    placed[page]![lineOnPage] = { start: offset, end: offset + text.length };
    parts.push(text);
    offset += text.length;
    span.end = offset;
    const paragraph = paragraphs[paragraphs.length - 1]!;
    paragraph.end = offset;
    paragraph.lines.push(line);
  });

  let last = 0;
  for (const span of spans) {
    if (span.start < 0) span.start = span.end = last;
    last = span.end;
  }
  return {
    text: parts.join(''),
    pages: spans,
    blocks: toBlocks(paragraphs, stats),
    lines: placed,
  };
}

function joinWithinPage(
  prev: Line,
  line: Line,
  next: Line | undefined,
  stats: Stats,
  lexicon: Lexicon,
): Join {
  if (!prev.upright || !line.upright) return 'paragraph';
  const em = Math.max(prev.size, line.size);
  const dy = prev.y - line.y;
  // text that goes back up the page continues in the next column
  if (dy < -em) return joinAcrossBreak(prev, line, stats, lexicon);
  if (dy <= 0 || sizeChanges(prev, line)) return 'paragraph';
  if (dy > PARAGRAPH_GAP * stats.lineGap * Math.min(prev.size, line.size)) return 'paragraph';
  if (indented(prev, line, next) || hardBreak(prev, line, stats)) return 'paragraph';
  return joinLines(prev, line, lexicon) ?? 'space';
}

/**
 * At a page or column break there is no gap to measure. A paragraph goes on if the last line
 * was full (the next word did not fit on it) and either the sentence is unfinished or the next
 * line starts in lower case.
 */
function joinAcrossBreak(prev: Line, line: Line, stats: Stats, lexicon: Lexicon): Join {
  if (!prev.upright || !line.upright || sizeChanges(prev, line) || hardBreak(prev, line, stats)) {
    return 'paragraph';
  }
  return (
    joinLines(prev, line, lexicon) ??
    (/^\p{Ll}/u.test(line.text) || !SENTENCE_END.test(prev.text) ? 'space' : 'paragraph')
  );
}

function joinLines(prev: Line, line: Line, lexicon: Lexicon): Join | null {
  const split = joinSplitWord(prev.text, line.text, lexicon);
  return split === 'drop' ? 'drop-hyphen' : split;
}

function sizeChanges(a: Line, b: Line): boolean {
  return Math.max(a.size, b.size) > SIZE_CHANGE * Math.min(a.size, b.size);
}

/** `prev` ends a block: a contents entry, the item before a bullet, or a short line. */
function hardBreak(prev: Line, line: Line, stats: Stats): boolean {
  return BULLET.test(line.text) || CONTENTS_ENTRY.test(prev.text) || fits(prev, line, stats);
}

/**
 * A hard line break: the first word of `line` would have fitted at the end of `prev`, so the
 * producer ended `prev` on purpose. This finds the ends of paragraphs in ragged-right and
 * justified text alike, and lines broken by hand (addresses, list items). The margin is a high
 * percentile of where such lines end, which is a little short of the true margin on ragged text,
 * so a doubtful case reads as "did not fit" and the lines join.
 */
function fits(prev: Line, line: Line, stats: Stats): boolean {
  const space = Math.min(prev.charWidth, 0.3 * prev.size);
  return prev.x1 + space + line.firstWordWidth < stats.margin(prev) - 0.1 * prev.size;
}

/**
 * A first-line indent: `line` starts right of `prev`, and the line after it goes back. Not when
 * `prev` starts a list item, whose next lines hang indented under its text.
 */
function indented(prev: Line, line: Line, next: Line | undefined): boolean {
  const em = line.size;
  const shift = line.x0 - prev.x0;
  return (
    !LIST_MARKER.test(prev.text) &&
    shift > 0.8 * em &&
    shift < 6 * em &&
    next !== undefined &&
    Math.abs(next.x0 - prev.x0) < 0.3 * em
  );
}

function measure(pages: readonly (readonly Line[])[]): Stats {
  const upright = pages.flat().filter((l) => l.upright);
  const weights = new Map<number, number>();
  for (const l of upright) {
    const size = Math.round(l.size * 10) / 10;
    weights.set(size, (weights.get(size) ?? 0) + l.text.length);
  }
  const bodySize = mode(weights) ?? 10;

  const gaps = new Map<number, number>();
  for (let i = 1; i < upright.length; i++) {
    const [a, b] = [upright[i - 1]!, upright[i]!];
    const ratio = (a.y - b.y) / a.size;
    if (a.size === b.size && ratio > 0.8 && ratio < 3) {
      const key = Math.round(ratio * 50) / 50;
      gaps.set(key, (gaps.get(key) ?? 0) + 1);
    }
  }
  const lineGap = mode(gaps) ?? 1.2;
  return { bodySize, lineGap, margin: margins(pages) };
}

/**
 * The right margin for each line: where lines that start at the same x end, in the document
 * (a high percentile, robust to the odd overlong line) and nearby on the page (so that an
 * indented quotation or a narrower column has its own margin); the smaller of the two.
 */
function margins(pages: readonly (readonly Line[])[]): (line: Line) => number {
  const bucket = (x0: number) => Math.round(x0 / 3);
  const edges = new Map<number, number[]>();
  for (const l of pages.flat()) {
    if (l.upright) push(edges, bucket(l.x0), l.x1);
  }
  const all = percentile([...edges.values()].flat(), 0.9);
  const byBucket = new Map<number, number>();
  const documentMargin = (x0: number) => {
    const key = bucket(x0);
    let m = byBucket.get(key);
    if (m === undefined) {
      const near = [key - 1, key, key + 1].flatMap((k) => edges.get(k) ?? []);
      m = near.length >= 5 ? percentile(near, 0.9) : all;
      byBucket.set(key, m);
    }
    return m;
  };
  const local = new Map<Line, number>();
  for (const lines of pages) {
    lines.forEach((line, i) => {
      let m = -Infinity;
      const last = Math.min(lines.length - 1, i + NEIGHBOURS);
      for (let j = Math.max(0, i - NEIGHBOURS); j <= last; j++) {
        const other = lines[j]!;
        if (j !== i && Math.abs(other.x0 - line.x0) <= line.size) m = Math.max(m, other.x1);
      }
      // a line alone at its indent (a line of code) has only the document's margin
      if (m > -Infinity) local.set(line, Math.max(m, line.x1));
    });
  }
  return (line) => Math.min(documentMargin(line.x0), local.get(line) ?? Infinity);
}

/** How many lines either side count as "nearby" for the local margin. */
const NEIGHBOURS = 6;

function toBlocks(
  paragraphs: readonly { start: number; end: number; lines: Line[] }[],
  stats: Stats,
): Block[] {
  // headings: short paragraphs set clearly larger than the body; bigger type, higher level
  const isHeading = (p: { start: number; end: number; lines: Line[] }) =>
    p.lines.length <= 3 &&
    p.end - p.start <= 200 &&
    p.lines.every((l) => l.upright && l.size >= SIZE_CHANGE * stats.bodySize);
  const headingSizes = [
    ...new Set(
      paragraphs.filter(isHeading).map((p) => Math.round(Math.min(...p.lines.map((l) => l.size)))),
    ),
  ].sort((a, b) => b - a);
  return paragraphs.map((p): Block => {
    if (!isHeading(p)) return { type: 'paragraph', start: p.start, end: p.end };
    const size = Math.round(Math.min(...p.lines.map((l) => l.size)));
    return {
      type: 'heading',
      level: Math.min(6, headingSizes.indexOf(size) + 1),
      start: p.start,
      end: p.end,
    };
  });
}

function mode(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) [best, bestCount] = [value, count];
  }
  return best;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Infinity;
  const sorted = Float64Array.from(values).sort(); // numeric, natively: no comparator calls
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
