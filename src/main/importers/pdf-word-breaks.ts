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

/** Build the lexicon from the document's lines in reading order, skipping the split words. */
export function buildLexicon(lines: readonly string[]): Lexicon {
  const words = new Set<string>();
  const compounds = new Set<string>();
  let skipFirst = false;
  for (const line of lines) {
    const skipLast = LINE_END_HYPHEN.test(line);
    const firstEnd = skipFirst ? line.indexOf(' ') >>> 0 : -1; // >>> 0: no space → whole line
    const lastStart = skipLast ? line.lastIndexOf(' ') : line.length;
    const lower = line.toLowerCase();
    const add = (word: string) => {
      if (word.includes('-')) {
        compounds.add(word);
        for (const part of word.split('-')) words.add(part);
      } else {
        words.add(word);
      }
    };
    if (firstEnd < 0 && lastStart === lower.length) {
      // nothing to skip: the words alone, without a match object each (most lines; 3× faster)
      for (const word of lower.match(WORD) ?? []) add(word);
    } else {
      for (const m of lower.matchAll(WORD)) {
        if (m.index < firstEnd || m.index + m[0].length > lastStart) continue;
        add(m[0]);
      }
    }
    skipFirst = skipLast;
  }
  return { words, compounds };
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
