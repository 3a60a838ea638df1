/**
 * Telling a line of personal names ("Marzhan S. Orumbayeva", "A. Smith, B. Jones and C. Lee") from
 * an affiliation, an address or a sentence, for the author lines under a title.
 */

/** Footnote marks and superscript digits after names ("Jane Roe1,2*"). */
const MARKS = /[\d*†‡§¶,]+$/u;

export function splitNames(line: string): string[] {
  return line
    .split(/\s*(?:,|;|\band\b|&)\s*/u)
    .map((n) => n.replace(MARKS, '').trim())
    .filter(Boolean);
}

const NOT_A_PERSON =
  /\b(?:university|universit[éàä]|institute|institut|college|school|department|faculty|centre|center|academy|ministry|office|republic|kingdom|federation|organization|organisation|committee|council|association|foundation|society|laboratory|hospital|research|national|international|group|press|journal|report|abstract|street|avenue|road)\b/i;

const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|dos|das)$/i;
/** One part of a name: "Marzhan", "S.", "O'Neil", "Jean-Luc", "McDonald" */
const NAME_WORD =
  /^(?:\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*|\p{Lu}[\p{Ll}'’]+)$/u;

export function isPersonName(name: string): boolean {
  if (name.length < 4 || name.length > 60 || /[\d@/:()]/.test(name)) return false;
  if (NOT_A_PERSON.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  const last = words[words.length - 1]!;
  // the family name is a full word, not an initial
  if (!/\p{Ll}/u.test(last)) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLE.test(w));
}
