/**
 * Finding entity names in text the way a reader would: case- and diacritic-insensitive
 * ("Halímov" = "Halimov", "ХАЛИМОВ" = "Халимов"), whole words only ("ISIS" is not in "crisis"), and
 * any run of whitespace between the words of a name (PDF text wraps names across lines).
 *
 * Decided and tested: inflected or plural forms do not match ("Khalimovs", Russian "Халимова"); a
 * researcher who wants them adds them as aliases. Possessives do ("Halimov’s"), because the
 * apostrophe is not a letter. Scripts written without spaces (Chinese, Japanese, Thai) only match
 * where the name stands between non-letters.
 *
 * Matching runs on a folded copy of the text; offsets are mapped back to the ORIGINAL text's UTF-16
 * offsets, so a match in "Jose\u0301" (decomposed) or after an emoji points at the right characters.
 */

const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/** Characters folded beyond NFD + lower case: look-alike punctuation, contextual letters, invisibles. */
const SPECIAL: Record<number, string> = {
  0x2019: "'", // right single quotation mark, the usual typographic apostrophe
  0x2018: "'",
  0x02bc: "'",
  0x2032: "'",
  0x2010: '-',
  0x2011: '-',
  0x2012: '-',
  0x2013: '-',
  0x2014: '-',
  0x2212: '-',
  0x00df: 'ss', // ß: "Straße" = "Strasse"
  0x1e9e: 'ss',
  0x03c2: 'σ', // Greek final sigma: lower-casing letter by letter never produces it
  0x0131: 'i', // dotless i
  0x00ad: '', // soft hyphen, zero-width characters: invisible, so they must not break a name
  0x200b: '',
  0x200c: '',
  0x200d: '',
  0x2060: '',
  0xfeff: '',
};

const cache = new Map<number, string>();

function foldCodePoint(cp: number, ch: string): string {
  if (cp < 0x80) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : ch;
  let folded = cache.get(cp);
  if (folded === undefined) {
    folded =
      SPECIAL[cp] ??
      ch.normalize('NFD').replace(MARKS, '').toLowerCase().normalize('NFD').replace(MARKS, '');
    cache.set(cp, folded);
  }
  return folded;
}

/** The folded form of a short string (a name, a query): NFD, no combining marks, lower case. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) out += foldCodePoint(ch.codePointAt(0)!, ch);
  return out;
}

export interface FoldedText {
  original: string;
  folded: string;
  /** original UTF-16 offset where folded[i] comes from; null when folding kept every length */
  map: Int32Array | null;
}

/** Folds a whole text, remembering where each folded code unit came from. */
export function foldText(text: string): FoldedText {
  // pure ASCII (most English sources): lower case is the whole fold, and lengths never change
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return { original: text, folded: text.toLowerCase(), map: null };
  const parts: string[] = [];
  let map: number[] | null = null;
  let length = 0;
  // unchanged stretches are copied as one slice, not character by character
  let unchangedFrom = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = width === 1 ? text[i]! : text.slice(i, i + 2);
    const f = foldCodePoint(cp, ch);
    if (map === null && f.length !== width) {
      // the identity held so far; from here on positions must be recorded
      map = Array.from({ length: length + (i - unchangedFrom) }, (_, k) => k);
    }
    if (map !== null) for (let k = 0; k < f.length; k++) map.push(i);
    if (f !== ch) {
      if (unchangedFrom < i) parts.push(text.slice(unchangedFrom, i));
      parts.push(f);
      length += i - unchangedFrom + f.length;
      unchangedFrom = i + width;
    }
    i += width;
  }
  parts.push(text.slice(unchangedFrom));
  return { original: text, folded: parts.join(''), map: map && Int32Array.from(map) };
}

function originalStart(t: FoldedText, foldedStart: number): number {
  return t.map ? t.map[foldedStart]! : foldedStart;
}

/** End of the original character the last folded unit came from, with its combining marks. */
function originalEnd(t: FoldedText, foldedEnd: number): number {
  if (!t.map) return foldedEnd;
  let at = t.map[foldedEnd - 1]!;
  at += t.original.codePointAt(at)! > 0xffff ? 2 : 1;
  while (at < t.original.length && /\p{M}/u.test(t.original[at]!)) at++;
  return at;
}

function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  // a low surrogate belongs to the code point before it
  const at = c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
  return WORD.test(String.fromCodePoint(s.codePointAt(at)!));
}

/**
 * The pattern a name is matched with: folded, whitespace runs collapsed to one space, and leading
 * or trailing punctuation dropped ("U.S." is found as "U.S" followed by a non-letter).
 * Null for names with no letter or digit at all.
 */
export function namePattern(name: string): string | null {
  const pattern = fold(name)
    .replace(/\s+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return pattern === '' ? null : pattern;
}

export interface NameMatch<K> {
  key: K;
  /** the name or alias that matched, as given */
  name: string;
  /** UTF-16 offsets into the original text */
  start: number;
  end: number;
}

interface Pattern<K> {
  key: K;
  name: string;
  pattern: string;
  firstToken: string;
}

/**
 * A matcher for many names at once. Names are indexed by their first word, so scanning a text costs
 * one map lookup per word of the text plus a comparison per name sharing that first word: thousands
 * of entities scan a long report in milliseconds.
 */
export class NameMatcher<K> {
  private readonly byFirstToken = new Map<string, Pattern<K>[]>();
  private count = 0;

  add(key: K, name: string): void {
    const pattern = namePattern(name);
    if (!pattern) return;
    const firstToken = /^[\p{L}\p{N}]+/u.exec(pattern)![0];
    const list = this.byFirstToken.get(firstToken) ?? [];
    if (list.some((p) => p.key === key && p.pattern === pattern)) return;
    list.push({ key, name, pattern, firstToken });
    this.byFirstToken.set(firstToken, list);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Every occurrence of every name, in text order. Where names of the same key overlap ("Gulmurod
   * Khalimov" and its alias "Khalimov"), only the longest is kept; different keys may overlap.
   */
  find(text: FoldedText | string): NameMatch<K>[] {
    const t = typeof text === 'string' ? foldText(text) : text;
    const f = t.folded;
    const raw: NameMatch<K>[] = [];
    for (let p = 0; p < f.length;) {
      if (!isWordAt(f, p)) {
        p++;
        continue;
      }
      let tokenEnd = p + 1;
      while (tokenEnd < f.length && isWordAt(f, tokenEnd)) tokenEnd++;
      const candidates = this.byFirstToken.get(f.slice(p, tokenEnd));
      for (const c of candidates ?? []) {
        const end = matchAt(f, tokenEnd, c.pattern, c.firstToken.length);
        if (end < 0) continue;
        raw.push({
          key: c.key,
          name: c.name,
          start: originalStart(t, p),
          end: originalEnd(t, end),
        });
      }
      p = tokenEnd;
    }
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const lastEnd = new Map<K, number>();
    const kept: NameMatch<K>[] = [];
    for (const m of raw) {
      if ((lastEnd.get(m.key) ?? -1) > m.start) continue;
      lastEnd.set(m.key, m.end);
      kept.push({ key: m.key, name: m.name, start: m.start, end: m.end });
    }
    return kept;
  }
}

/** Matches pattern[i..] at folded[j..]; returns the folded end offset, or -1. */
function matchAt(folded: string, j: number, pattern: string, i: number): number {
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === ' ') {
      if (j >= folded.length || !SPACE.test(folded[j]!)) return -1;
      while (j < folded.length && SPACE.test(folded[j]!)) j++;
    } else {
      if (folded[j] !== c) return -1;
      j++;
    }
    i++;
  }
  // whole words: the name must not run on into a letter or digit
  return isWordAt(folded, j) ? -1 : j;
}
