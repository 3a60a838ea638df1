/**
 * Shared machinery for the structured importers (Markdown, HTML, DOCX): a builder that appends
 * blocks and inline marks while tracking UTF-16 offsets into the canonical text, plus small
 * helpers for metadata (titles, dates, links).
 *
 * Canonical text rules enforced here, so the importers cannot get them wrong:
 * - blocks are joined with "\n\n" and never start or end with (ASCII-ish) whitespace;
 * - inside a block the only newline is a hard line break "\n" (runs collapse to one), except in
 *   `code` blocks, which keep their lines (blank lines included) minus trailing spaces;
 * - runs of spaces, tabs and non-breaking spaces collapse to one space (not in `code`);
 * - a `table-row` block's cells are separated by exactly one "\t"; newlines inside a cell become
 *   spaces;
 * - blocks with no visible text are dropped, together with their marks;
 * - marks never start or end with whitespace and never cross a block boundary: a mark that is
 *   still open when a block ends is cut there and continues in the next block.
 */
import type { Block, DocumentMeta, ImportedText, InlineMark } from '../../shared/model';
import { ImportError } from './errors';

export type BlockType = Block['type'];
export type MarkType = InlineMark['type'];

export interface BlockSpec {
  type: BlockType;
  level?: number;
  ordered?: boolean;
}

interface OpenMark {
  type: MarkType;
  href?: string;
  /** offset in the current block buffer where the mark (re)starts */
  start: number;
}

interface PendingMark {
  type: MarkType;
  href?: string;
  start: number;
  end: number;
}

/** Whitespace that collapses and is trimmed at block and cell edges. */
const COLLAPSIBLE = /[ \t\n\r\f\v\u00a0\u0085\u2028\u2029\ufeff]/;
const NON_SPACE = /[^ \t\n\r\f\v\u00a0\u0085\u2028\u2029\ufeff]/;
/** A superscript label that makes a paragraph a footnote when it opens the paragraph. */
const FOOTNOTE_LABEL = /^(?:\[?\d{1,4}\]?|[*†‡§¶]{1,3})$/;

export class StructureBuilder {
  private out = '';
  private readonly blocks: Block[] = [];
  private readonly marks: InlineMark[] = [];

  private current: BlockSpec | null = null;
  private buf = '';
  private cellSeparators: number[] = [];
  private pending: PendingMark[] = [];
  private readonly open = new Map<number, OpenMark>();
  private nextHandle = 1;

  /** The type of the block being written, or null between blocks. */
  get currentType(): BlockType | null {
    return this.current?.type ?? null;
  }

  /** True if the block being written already has visible text. */
  hasContent(): boolean {
    return this.current !== null && NON_SPACE.test(this.buf);
  }

  /** Ends the current block (if any) and opens a new one. */
  startBlock(spec: BlockSpec): void {
    this.endBlock();
    this.current = { ...spec };
  }

  /** Opens a block of this kind unless one is already open. */
  ensureBlock(spec: BlockSpec): void {
    if (!this.current) this.startBlock(spec);
  }

  /**
   * Appends inline text. With no block open, whitespace-only text is ignored and any other text
   * opens a block of kind `spec` (a paragraph by default).
   */
  text(s: string, spec: BlockSpec = { type: 'paragraph' }): void {
    if (s === '') return;
    if (!this.current) {
      if (!NON_SPACE.test(s)) return;
      this.startBlock(spec);
    }
    this.buf += s;
  }

  /** A hard line break inside the current block (a space inside a table row). */
  lineBreak(): void {
    if (this.current) this.buf += '\n';
  }

  /** Starts the next cell of the current `table-row` block. */
  cell(): void {
    if (!this.current) return;
    this.cellSeparators.push(this.buf.length);
    this.buf += '\t';
  }

  /** Opens an inline mark at the current position; returns a handle for `closeMark`. */
  openMark(type: MarkType, href?: string): number {
    const handle = this.nextHandle++;
    const mark: OpenMark = { type, start: this.buf.length };
    if (href !== undefined) mark.href = href;
    this.open.set(handle, mark);
    return handle;
  }

  closeMark(handle: number): void {
    const mark = this.open.get(handle);
    if (!mark) return;
    this.open.delete(handle);
    if (this.current) this.pending.push({ ...mark, end: this.buf.length });
  }

  /** Finishes the current block: normalizes its whitespace and appends it to the text. */
  endBlock(): void {
    const spec = this.current;
    if (!spec) return;
    for (const mark of this.open.values()) {
      this.pending.push({ ...mark, end: this.buf.length });
      mark.start = 0;
    }
    const { text, map } =
      spec.type === 'code'
        ? compactCode(this.buf)
        : compactInline(this.buf, spec.type === 'table-row', this.cellSeparators);
    const pending = this.pending;
    this.current = null;
    this.buf = '';
    this.cellSeparators = [];
    this.pending = [];
    if (!NON_SPACE.test(text)) return;

    const local: PendingMark[] = [];
    for (const p of pending) {
      let s = map[p.start] ?? 0;
      let e = map[p.end] ?? text.length;
      while (s < e && COLLAPSIBLE.test(text[s] ?? '')) s++;
      while (e > s && COLLAPSIBLE.test(text[e - 1] ?? '')) e--;
      if (s < e) local.push({ ...p, start: s, end: e });
    }

    let type = spec.type;
    if (type === 'paragraph') {
      const sup = local.find((m) => m.type === 'superscript' && m.start === 0);
      if (
        sup &&
        FOOTNOTE_LABEL.test(text.slice(0, sup.end)) &&
        COLLAPSIBLE.test(text[sup.end] ?? '')
      ) {
        type = 'footnote';
      }
    }

    if (this.out.length > 0) this.out += '\n\n';
    const start = this.out.length;
    this.out += text;
    const block: Block = { type, start, end: this.out.length };
    if (spec.level !== undefined) block.level = spec.level;
    if (spec.ordered !== undefined) block.ordered = spec.ordered;
    this.blocks.push(block);
    for (const m of mergeMarks(local, text)) {
      const mark: InlineMark = { type: m.type, start: start + m.start, end: start + m.end };
      if (m.href !== undefined) mark.href = m.href;
      this.marks.push(mark);
    }
  }

  /** Closes everything and returns the result. Throws `ImportError('empty')` if there is no text. */
  finish(meta: Partial<DocumentMeta> = {}, warnings: string[] = []): ImportedText {
    this.endBlock();
    this.open.clear();
    if (this.blocks.length === 0) {
      throw new ImportError('empty', 'This file contains no readable text.');
    }
    return {
      text: this.out,
      blocks: this.blocks,
      marks: this.marks.sort(
        (a, b) => a.start - b.start || b.end - a.end || a.type.localeCompare(b.type),
      ),
      pages: [],
      meta,
      warnings,
    };
  }
}

/**
 * Normalizes whitespace in a non-code block. Returns the new text and `map`, where `map[i]` is the
 * new offset of old offset `i` (for i in 0..buf.length).
 */
function compactInline(
  buf: string,
  isRow: boolean,
  separators: number[],
): { text: string; map: Int32Array } {
  const n = buf.length;
  const map = new Int32Array(n + 1);
  const seps = new Set(separators);
  let text = '';
  let i = 0;
  while (i < n) {
    if (seps.has(i)) {
      map[i] = text.length;
      text += '\t';
      i++;
      continue;
    }
    if (!isCollapsible(buf.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && !seps.has(j) && !isCollapsible(buf.charCodeAt(j))) j++;
      for (let k = i; k < j; k++) map[k] = text.length + (k - i);
      text += buf.slice(i, j);
      i = j;
      continue;
    }
    let j = i;
    let hasNewline = false;
    while (j < n && !seps.has(j) && isCollapsible(buf.charCodeAt(j))) {
      if (buf[j] === '\n') hasNewline = true;
      j++;
    }
    const atStart = text.length === 0 || seps.has(i - 1);
    const atEnd = j === n || seps.has(j);
    map[i] = text.length;
    if (!atStart && !atEnd) text += hasNewline && !isRow ? '\n' : ' ';
    for (let k = i + 1; k < j; k++) map[k] = text.length;
    i = j;
  }
  map[n] = text.length;
  return { text, map };
}

function isCollapsible(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff
  );
}

/** Code blocks keep their lines; only trailing spaces and leading/trailing blank lines go. */
function compactCode(buf: string): { text: string; map: Int32Array } {
  const n = buf.length;
  const keep = new Uint8Array(n).fill(1);
  const isTrailingSpace = (c: string | undefined): boolean =>
    c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
  // leading blank lines (the first visible line keeps its indentation)
  let firstVisible = 0;
  while (firstVisible < n && COLLAPSIBLE.test(buf[firstVisible] as string)) firstVisible++;
  const lead = firstVisible === n ? n : buf.lastIndexOf('\n', firstVisible - 1) + 1;
  for (let k = 0; k < lead; k++) keep[k] = 0;
  // trailing spaces of every line
  for (let k = lead; k < n; k++) {
    if (buf[k] !== '\n') continue;
    for (let j = k - 1; j >= lead && isTrailingSpace(buf[j]); j--) keep[j] = 0;
  }
  // trailing whitespace and blank lines of the block
  for (let k = n - 1; k >= lead && COLLAPSIBLE.test(buf[k] as string); k--) keep[k] = 0;

  const map = new Int32Array(n + 1);
  let text = '';
  for (let k = 0; k < n; k++) {
    map[k] = text.length;
    if (keep[k]) text += buf[k];
  }
  map[n] = text.length;
  return { text, map };
}

/**
 * Merges marks of the same type (and href) that overlap, touch, or are separated only by
 * whitespace in `text` (e.g. Word runs "at least " + "27", each bold).
 */
function mergeMarks(marks: PendingMark[], text: string): PendingMark[] {
  const byKey = [...marks].sort(
    (a, b) =>
      a.type.localeCompare(b.type) ||
      (a.href ?? '').localeCompare(b.href ?? '') ||
      a.start - b.start ||
      a.end - b.end,
  );
  const merged: PendingMark[] = [];
  for (const m of byKey) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.type === m.type &&
      last.href === m.href &&
      (m.start <= last.end || !NON_SPACE.test(text.slice(last.end, m.start)))
    ) {
      last.end = Math.max(last.end, m.end);
    } else {
      merged.push({ ...m });
    }
  }
  return merged;
}

/**
 * Runs a parse/walk and turns a stack overflow (thousands of nested elements, quotes or emphasis
 * markers: generated or hostile input, never a real document) into an `ImportError`.
 */
export function withNestingGuard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new ImportError(
        'too_large',
        'This file is nested too deeply to import (thousands of levels of elements, quotes or ' +
          'lists). It was probably generated by a program; export it again as plain text.',
      );
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// metadata helpers

/** Collapses whitespace and shortens to about `max` characters at a word boundary. */
export function shortTitle(s: string, max = 120): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '') + '…';
}

/** The text of the first heading with level <= maxLevel, or null. */
export function headingTitle(result: ImportedText, maxLevel = 6): string | null {
  const h = result.blocks.find((b) => b.type === 'heading' && (b.level ?? 1) <= maxLevel);
  if (!h) return null;
  const t = shortTitle(result.text.slice(h.start, h.end));
  return t || null;
}

/** Best title from the structure: first h1/h2, then any heading, then the first block. */
export function structuralTitle(result: ImportedText, maxLevel = 2): string | null {
  const first = result.blocks[0];
  return (
    headingTitle(result, maxLevel) ??
    headingTitle(result) ??
    (first ? shortTitle(result.text.slice(first.start, first.end)) || null : null)
  );
}

/**
 * A full or partial ISO date (2018, 2018-05, 2018-05-01) from common date notations, or null.
 * Timestamps keep their date part as written (no time-zone shifting).
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s+Z])/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})(?=$|[T\s+Z])/.exec(s);
  if (m) return isoParts(m[1] as string, m[2], m[3]);
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return isoParts(String(d.getFullYear()), String(d.getMonth() + 1), String(d.getDate()));
}

function isoParts(y: string, mo?: string, d?: string): string | null {
  const year = Number(y);
  if (year < 1000 || year > 9999) return null;
  if (mo === undefined) return y;
  const month = Number(mo);
  if (month < 1 || month > 12) return y;
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (d === undefined) return ym;
  const day = Number(d);
  if (day < 1 || day > 31) return ym;
  return `${ym}-${String(day).padStart(2, '0')}`;
}

/**
 * A link target that is safe to show: absolute http(s) or mailto (relative links are resolved
 * against `base` when given). Anything else (javascript:, data:, file:, fragments) gives null.
 */
export function safeHref(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
    ? url.href
    : null;
}

/**
 * Checks the `ImportedText` invariants every importer promises; returns the problems found (empty
 * when well-formed). Cheap enough for tests and debug assertions.
 */
export function validateImportedText(r: ImportedText): string[] {
  const problems: string[] = [];
  const { text, blocks, marks } = r;
  if (blocks.length === 0 && /\S/.test(text)) problems.push('text without blocks');
  let prevEnd = 0;
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type} ${b.start}-${b.end})`;
    if (!(b.start < b.end)) problems.push(`${where} is empty`);
    const gap = text.slice(prevEnd, b.start);
    if (i === 0 ? b.start !== 0 : gap !== '\n\n') {
      problems.push(`${where} is not joined with "\\n\\n" (gap ${JSON.stringify(gap)})`);
    }
    const body = text.slice(b.start, b.end);
    if (b.type !== 'code' && body.includes('\n\n')) problems.push(`${where} contains "\\n\\n"`);
    if (b.type === 'table-row' && body.includes('\n')) problems.push(`${where} row has "\\n"`);
    if (b.type !== 'table-row' && b.type !== 'code' && /^\s|\s$/.test(body)) {
      problems.push(`${where} starts or ends with whitespace`);
    }
    if (b.type === 'heading' && !(b.level && b.level >= 1 && b.level <= 6)) {
      problems.push(`${where} has heading level ${String(b.level)}`);
    }
    if (b.type === 'list-item' && !(b.level && b.level >= 1)) {
      problems.push(`${where} has list level ${String(b.level)}`);
    }
    prevEnd = b.end;
  });
  if (blocks.length && prevEnd !== text.length)
    problems.push('text continues after the last block');
  for (const m of marks) {
    const where = `${m.type} mark ${m.start}-${m.end}`;
    if (!(m.start >= 0 && m.start < m.end && m.end <= text.length)) {
      problems.push(`${where} is out of range`);
      continue;
    }
    if (!blocks.some((b) => b.start <= m.start && m.end <= b.end)) {
      problems.push(`${where} is not inside one block`);
    }
    if (m.type === 'link') {
      if (!m.href || !/^(?:https?|mailto):/i.test(m.href))
        problems.push(`${where} has href ${m.href}`);
    } else if (m.href !== undefined) {
      problems.push(`${where} has an href`);
    }
  }
  return problems;
}
