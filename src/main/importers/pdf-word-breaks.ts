/**
 * Words split across a line break. Producers break lines without a space after an attached dash
 * ("(UTO)—" + "comprised") and inside URLs ("https://a.org/" + "b?c=d"): those join as they are.
 *
 * A line-final hyphen is either a soft (typesetter's) hyphen, which must go ("extrem-" + "ism"),
 * or a real one that happened to fall at the line end ("counter-" + "terrorism", "ISIS-" +
 * "affiliated", URLs, "1970-" + "2015"), which must stay. poppler's pdftotext drops them all. We
 * decide per word, best evidence first: how the document itself spells the word elsewhere, then
 * what the characters around the hyphen look like, then known compound heads.
 */

/** Words and hyphenated compounds as the document spells them away from line ends. */
export interface Lexicon {
  words: Set<string>;
  compounds: Set<string>;
}

/** A hyphen at the end of a line that may join two parts of a word. */
const LINE_END_HYPHEN = /[\p{L}\p{N}][-\u00AD\u2010]$/u;
const LETTERS_AT_END = /\p{L}+$/u;
const LETTERS_AT_START = /^\p{L}+/u;
/** Punctuation after a word, and a possessive "'s" */
const TRAILING_PUNCTUATION = /(?:['\u2019]s)?[.,;:!?)\]}"'\u2019\u201D\u00BB>*]*$/u;
const LEADING_PUNCTUATION = /^[([{"'\u2018\u201C\u00AB<*]+/u;

/**
 * Heads of compounds, usually hyphenated ("anti-", "non-", "high-", "short-"): keep the hyphen
 * unless the rest is a short fragment, which is how a soft hyphen splits ("short-" + "en").
 */
const COMPOUND_HEADS = new Set(
  'all anti best counter cross far first full half heavy high large left life long low many mid near neo non old one pseudo quasi right second self semi short small socio state ten third three top two ultra vice well wide world'.split(
    ' ',
  ),
);
/** Prefixes English mostly writes solid ("cooperation", "prevent"): keep only before a known word. */
const SOLID_PREFIXES = new Set('co ex multi post pre pro re'.split(' '));

const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/**
 * Build the lexicon from the document's lines in reading order, skipping the split words: the
 * first word of a line after a line-end hyphen, the last word of a line that ends with one.
 */
export function buildLexicon(lines: readonly string[]): Lexicon {
  const words = new Set<string>();
  const compounds = new Set<string>();
  const add = (word: string) => {
    if (word.includes('-')) {
      compounds.add(word);
      for (const part of word.split('-')) words.add(part);
    } else {
      words.add(word);
    }
  };
  // Words hold no spaces, so the words kept from a line are those of the stretch between its
  // skipped first and last words; lowercased and scanned as one text (one call, not one a line).
  // That is the same unless lowercasing changes the length of a line, which shifts the offsets
  // the line-by-line way compares: only "İ" does ("i̇"; toLowerCase ignores the locale).
  const kept: string[] = [];
  let skipFirst = false;
  for (const line of lines) {
    if (line.includes('\u0130')) return lexiconLineByLine(lines, { words, compounds }, add);
    const skipLast = LINE_END_HYPHEN.test(line);
    const from = skipFirst ? line.indexOf(' ') >>> 0 : 0; // >>> 0: no space → nothing kept
    const to = skipLast ? line.lastIndexOf(' ') : line.length;
    if (to > from) kept.push(line.slice(from, to));
    skipFirst = skipLast;
  }
  forEachWord(kept.join('\n').toLowerCase(), add);
  return { words, compounds };
}

/**
 * The matches of WORD in `text`, in order, scanned by hand: the regular expression's Unicode
 * property test costs several times more over a whole document. Letters are code points of
 * category L, astral ones included.
 */
function forEachWord(text: string, visit: (word: string) => void): void {
  const n = text.length;
  // the width (1 or 2 code units) of the letter at i, or 0 if there is none
  const letterAt = (i: number): number => {
    const c = text.charCodeAt(i);
    if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 0;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff)
        return isLetter(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ? 2 : 0;
    }
    return isLetter(c) ? 1 : 0;
  };
  let i = 0;
  while (i < n) {
    let width = letterAt(i);
    if (!width) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (width) {
        i += width;
        width = i < n ? letterAt(i) : 0;
      }
      // "-" and another letter continue the word
      if (i + 1 < n && text.charCodeAt(i) === 45 && (width = letterAt(i + 1))) i++;
      else break;
    }
    visit(text.slice(start, i));
  }
}

const letters = new Map<number, boolean>();
function isLetter(codePoint: number): boolean {
  let letter = letters.get(codePoint);
  if (letter === undefined) {
    letter = /^\p{L}$/u.test(String.fromCodePoint(codePoint));
    letters.set(codePoint, letter);
  }
  return letter;
}

function lexiconLineByLine(
  lines: readonly string[],
  lexicon: Lexicon,
  add: (word: string) => void,
): Lexicon {
  let skipFirst = false;
  for (const line of lines) {
    const skipLast = LINE_END_HYPHEN.test(line);
    const firstEnd = skipFirst ? line.indexOf(' ') >>> 0 : -1;
    const lastStart = skipLast ? line.lastIndexOf(' ') : line.length;
    for (const m of line.toLowerCase().matchAll(WORD)) {
      if (m.index < firstEnd || m.index + m[0].length > lastStart) continue;
      add(m[0]);
    }
    skipFirst = skipLast;
  }
  return lexicon;
}

/**
 * How to join `before` (a line) with the `after` line that follows it: 'drop' the final hyphen
 * and join without a space, 'join' without a space, or null when `before` does not end inside
 * a word (join with a space as usual).
 */
export function joinSplitWord(
  before: string,
  after: string,
  lexicon: Lexicon,
): 'drop' | 'join' | null {
  const lastToken = before.slice(before.lastIndexOf(' ') + 1);
  if (isOpenUrl(lastToken, after) && !/^[([{<"'\u2018\u201C]/u.test(after)) return 'join';
  if (!/^[\p{L}\p{N}]/u.test(after)) return null;
  if (/[\p{L}\p{N})\]"'\u2019\u201D][\u2013\u2014]$/u.test(before)) return 'join';
  return LINE_END_HYPHEN.test(before) ? hyphen(lastToken, after, lexicon) : null;
}

/**
 * A URL the line break interrupted: the last URL in `token` is an unclosed "<http…", "(http…"
 * or "[http…", or a bare one that ends in / ? & = and the like, or goes on with such characters.
 */
function isOpenUrl(token: string, after: string): boolean {
  const at = Math.max(
    ...[...token.matchAll(/(?:https?|ftp):\/\/|www\./gi)].map((m) => m.index),
    -1,
  );
  if (at < 0) return false;
  const opener = token[at - 1];
  const closer = opener === '<' ? '>' : opener === '(' ? ')' : opener === '[' ? ']' : undefined;
  if (closer) return !token.slice(at).includes(closer);
  return /[/?&=#%_~]$/.test(token) || /^[^\s]*[/?&=#%_~]/.test(after);
}

function hyphen(lastToken: string, after: string, lexicon: Lexicon): 'drop' | 'join' {
  if (lastToken.endsWith('\u00AD')) return 'drop';
  const head = lastToken.slice(0, -1).replace(LEADING_PUNCTUATION, '');
  const tailToken = after.split(' ', 1)[0]!;
  const tail = tailToken.replace(TRAILING_PUNCTUATION, '');
  const left = LETTERS_AT_END.exec(head)?.[0] ?? '';
  const right = LETTERS_AT_START.exec(tail)?.[0] ?? '';
  // digits ("1970-2015"), URLs and codes ("a/b-c", "x_y-z"), chains ("state-of-the-"): real hyphens
  if (left !== head || right !== tail || left === '' || right === '') return 'join';

  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (lexicon.compounds.has(`${l}-${r}`)) return 'join';
  if (lexicon.words.has(l + r)) return 'drop';
  // "Al-Qaeda", "ISIS-affiliated", "Police-Public": names and acronyms form compounds
  if (/^\p{Lu}/u.test(right) || /^\p{Lu}/u.test(left)) return 'join';
  if (SOLID_PREFIXES.has(l) && lexicon.words.has(r)) return 'join';
  if (COMPOUND_HEADS.has(l) && (r.length >= 5 || lexicon.words.has(r))) return 'join';
  // both halves are words the document uses on their own ("two-day"); a soft hyphen rarely
  // splits a word into two real words
  if (l.length >= 3 && r.length >= 3 && lexicon.words.has(l) && lexicon.words.has(r)) return 'join';
  return 'drop';
}
