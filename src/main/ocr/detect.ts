/**
 * Does a PDF page have a usable text layer? Scans have none, a few stray characters (a stamp, a
 * page number added later), or text that is garbage (a font without a character map gives
 * private-use or misplaced code points). Such a page is read by OCR when it is mostly a picture.
 */

/** Fewer visible characters than this on a page that is mostly an image: a scan. */
export const FEW_CHARACTERS = 40;
/** More than this share of implausible characters, or of odd words: garbage. */
const BAD_CHARACTERS = 0.1;
const ODD_WORDS = 0.4;

const VOWELS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿаеёиоуыэюяіїєөүұ]/iu;

/** Why a page's text cannot be used: 'none', 'few', 'garbage'; null when it is good text. */
export function textProblem(text: string): 'none' | 'few' | 'garbage' | null {
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) return 'none';
  if (visible.length < FEW_CHARACTERS) return 'few';
  // replacement characters, private use, controls, unassigned: no real text is made of these
  const bad = visible.match(/[\uFFFD\p{Co}\p{Cc}\p{Cn}]/gu)?.length ?? 0;
  if (bad / visible.length > BAD_CHARACTERS) return 'garbage';
  const words = text.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w));
  if (words.length >= 5) {
    const odd = words.filter(oddWord).length;
    if (odd / words.length > ODD_WORDS) return 'garbage';
  }
  return null;
}

/** A word no language writes: scripts mixed inside it, or a long run of letters without vowels. */
function oddWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  const latin = /\p{Script=Latin}/u.test(letters);
  const cyrillic = /\p{Script=Cyrillic}/u.test(letters);
  const other = /[^\p{Script=Latin}\p{Script=Cyrillic}]/u.test(letters);
  if (latin && cyrillic) return true;
  if (!other && letters.length >= 5 && !VOWELS.test(letters)) return true;
  // letters alternating case inside a word ("aBcDeF"): a shifted encoding
  return /\p{Ll}\p{Lu}\p{Ll}\p{Lu}/u.test(letters);
}
