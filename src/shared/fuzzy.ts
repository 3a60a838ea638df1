/**
 * Ranking names against what a researcher types into a picker. THE ranking rule of the app: every
 * combobox (entities, claims, search) orders by it and pre-selects only by `isStrong`. Tiers, best
 * first: exact > prefix > word prefix ("khal gul" finds "Gulmurod Khalimov") > close spelling (edit
 * distance ≤ 2 against the name or a word of it, for queries of 5+ letters: "Halimov" finds
 * "Khalimov") — the strong tiers — then the weak ones: substring > subsequence ("gkh"). A weak match
 * is offered but never taken by Enter or Tab on its own ("Reuters" is a subsequence of "Law of the
 * Republic…", and must not silently become it).
 * Comparisons are case- and diacritic-insensitive (see `fold`).
 */
import { fold } from './match-names';

export type MatchQuality =
  'exact' | 'prefix' | 'word-prefix' | 'typo' | 'substring' | 'subsequence';

const TIER: Record<MatchQuality, number> = {
  exact: 6,
  prefix: 5,
  'word-prefix': 4,
  typo: 3,
  substring: 2,
  subsequence: 1,
};

/** The tiers a picker may pre-select (Enter/Tab take them); the others must be picked by hand. */
export const isStrong = (quality: MatchQuality): boolean => TIER[quality] >= TIER.typo;

/** Close spelling needs this many letters: shorter queries are too easily one edit from anything. */
export const CLOSE_MIN_LETTERS = 5;
export const CLOSE_MAX_DISTANCE = 2;

export interface NameScore {
  quality: MatchQuality;
  /** higher is better; every tier outranks all lower tiers */
  score: number;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** A folded query, prepared once per search. */
export interface Query {
  text: string;
  words: string[];
  compact: string;
}

export function prepareQuery(query: string): Query | null {
  const text = fold(query).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const words = text.match(WORDS) ?? [];
  return { text, words, compact: words.join('') };
}

/** Folds a name for `scoreName`; fold names once and reuse them across queries where possible. */
export const foldName = (name: string) => fold(name).replace(/\s+/g, ' ').trim();

/** How well a folded name matches the query, or null if it does not. */
export function scoreName(q: Query, name: string): NameScore | null {
  if (name === '') return null;
  // shorter names that the query covers more fully rank first within a tier
  const coverage = Math.min(1, q.text.length / name.length);
  const within = (bonus: number) => Math.round(bonus * 500 + coverage * 400);
  if (name === q.text) return { quality: 'exact', score: TIER.exact * 1000 + within(1) };
  if (name.startsWith(q.text)) return { quality: 'prefix', score: TIER.prefix * 1000 + within(1) };
  const nameWords = name.match(WORDS) ?? [];
  if (q.words.length > 0 && wordPrefixes(q.words, nameWords)) {
    return { quality: 'word-prefix', score: TIER['word-prefix'] * 1000 + within(1) };
  }
  if (q.compact.length >= CLOSE_MIN_LETTERS) {
    let best = Infinity;
    // against the whole name and against each word start, as a prefix (the user may still be typing)
    for (const start of wordStarts(name)) {
      best = Math.min(best, prefixEditDistance(q.text, name, start, CLOSE_MAX_DISTANCE));
      if (best === 0) break;
    }
    if (best <= CLOSE_MAX_DISTANCE) {
      return {
        quality: 'typo',
        score: TIER.typo * 1000 + within(1 - best / (CLOSE_MAX_DISTANCE + 1)),
      };
    }
  }
  const at = name.indexOf(q.text);
  if (at >= 0)
    return { quality: 'substring', score: TIER.substring * 1000 + within(1 - at / name.length) };
  if (q.compact.length >= 2) {
    const spread = subsequenceSpread(q.compact, name);
    if (spread >= 0) {
      return {
        quality: 'subsequence',
        score: TIER.subsequence * 1000 + within(q.compact.length / spread),
      };
    }
  }
  return null;
}

/** Each query word is a prefix of a different word of the name, in any order. */
function wordPrefixes(queryWords: string[], nameWords: string[]): boolean {
  const used = new Set<number>();
  // longest query words first, so a short word does not take the only word a long one fits
  for (const w of [...queryWords].sort((a, b) => b.length - a.length)) {
    const i = nameWords.findIndex((n, k) => !used.has(k) && n.startsWith(w));
    if (i < 0) return false;
    used.add(i);
  }
  return true;
}

function wordStarts(name: string): number[] {
  const starts: number[] = [];
  for (const m of name.matchAll(WORDS)) starts.push(m.index);
  return starts.length > 0 ? starts : [0];
}

/**
 * Edit distance between `q` and the best-matching prefix of `s.slice(from)`, or Infinity once it
 * must exceed `max`. Only the first |q| + max characters of `s` can matter, so a call costs O(|q|²).
 */
export function prefixEditDistance(q: string, s: string, from = 0, max = 2): number {
  const n = Math.min(s.length - from, q.length + max);
  if (n < 0) return Infinity;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= q.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const qc = q.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = qc === s.charCodeAt(from + j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Infinity;
    [prev, cur] = [cur, prev];
  }
  let best = Infinity;
  for (let j = 0; j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

// two rows reused by every call: the picker scores thousands of names per keystroke
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Length of the shortest stretch of `name` holding the query's letters in order, or -1. */
function subsequenceSpread(compact: string, name: string): number {
  let best = -1;
  for (
    let start = name.indexOf(compact[0]!);
    start >= 0;
    start = name.indexOf(compact[0]!, start + 1)
  ) {
    let j = start;
    let ok = true;
    for (let i = 1; i < compact.length; i++) {
      j = name.indexOf(compact[i]!, j + 1);
      if (j < 0) {
        ok = false;
        break;
      }
    }
    if (!ok) break;
    const spread = j - start + 1;
    if (best < 0 || spread < best) best = spread;
  }
  return best;
}
