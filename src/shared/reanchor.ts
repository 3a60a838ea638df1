import search from 'approx-string-match';
import { QUOTE_CONTEXT } from './anchor';
import type { TextAnchor } from './model';

/**
 * Finding a stored passage again in text that may have changed (re-extraction, re-OCR, a claims
 * file from another workspace). The one re-anchoring rule of the app, after Hypothesis's
 * match-quote: candidates are scored by quote, prefix, suffix and position, but unlike a viewer
 * that must show something, we never attach a claim to text we are unsure of: a doubtful or
 * ambiguous approximate match is an orphan.
 *
 * Every step is bounded, so a hostile anchor (huge context, a quote that occurs a million times)
 * costs near-linear time in the text: context is cut to QUOTE_CONTEXT characters, exact occurrences
 * scored are capped, and approximate search (Myers' bit-parallel algorithm, O(k/32 · n)) runs only
 * for quotes of up to MAX_APPROXIMATE_QUOTE characters and within APPROXIMATE_WINDOW characters of
 * the stored position.
 */

export type Reanchored =
  /** start/end refer to new text. exact: unchanged at the stored position; moved: the same quote
   * elsewhere; approximate: a slightly changed quote (errors = edits from the stored quote) */
  | { status: 'exact' | 'moved' | 'approximate'; start: number; end: number; errors: number }
  | { status: 'orphan' };

/** Most edits, as a share of the quote's length, an approximate match may have. */
export const MAX_ERROR_RATE = 0.2;
/** Shorter quotes are only found exactly: a few edits turn a short phrase into another phrase. */
export const MIN_APPROXIMATE_QUOTE = 12;
/** Longer quotes are only found exactly (the search costs quote length × window). */
export const MAX_APPROXIMATE_QUOTE = 4_000;
/** Approximate search looks this far either side of the stored position. */
export const APPROXIMATE_WINDOW = 100_000;
/** Exact occurrences scored; a quote more common than this is looked for near its position. */
const MAX_OCCURRENCES = 1_000;
/** An approximate match needs context that agrees at least this much (0–1). */
const MIN_CONTEXT_AGREEMENT = 0.5;
/** Two approximate candidates closer than this in score are ambiguous: orphan. */
const AMBIGUITY_MARGIN = 5;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
  context: number | null;
}

export function reanchor(text: string, anchor: TextAnchor): Reanchored {
  const exact = anchor.exact;
  if (exact.length === 0) return { status: 'orphan' };
  const hint = clamp(anchor.start, 0, text.length);
  if (anchor.end - anchor.start === exact.length && text.startsWith(exact, hint)) {
    return { status: 'exact', start: hint, end: hint + exact.length, errors: 0 };
  }
  const prefix = anchor.prefix.slice(-QUOTE_CONTEXT);
  const suffix = anchor.suffix.slice(0, QUOTE_CONTEXT);
  const score = (start: number, end: number, errors: number): Candidate => {
    const context = contextAgreement(text, start, end, prefix, suffix);
    const quote = 1 - errors / exact.length;
    const position = 1 - Math.abs(start - hint) / Math.max(text.length, 1);
    // Hypothesis's weights: the quote matters most, then context, then position
    const total = 50 * quote + 20 * (context ?? 0.5) * 2 + 2 * position;
    return { start, end, errors, score: total, context };
  };

  const exactCandidates = occurrences(text, exact, hint).map((at) =>
    score(at, at + exact.length, 0),
  );
  const bestExact = best(exactCandidates);
  // an exact quote whose context agrees (or that has no context to check) needs no fuzzy search;
  // between equally good occurrences the position decides
  if (bestExact && (bestExact.context === null || bestExact.context >= MIN_CONTEXT_AGREEMENT)) {
    return { status: 'moved', start: bestExact.start, end: bestExact.end, errors: 0 };
  }

  const approximate = approximateCandidates(text, exact, hint).map((m) =>
    score(m.start, m.end, m.errors),
  );
  const all = [...exactCandidates, ...approximate];
  const winner = best(all);
  if (!winner) return { status: 'orphan' };
  if (winner.errors === 0) {
    // the quote is still there word for word; nothing changed more plausibly holds the passage
    return { status: 'moved', start: winner.start, end: winner.end, errors: 0 };
  }
  if (!trusted(winner, exact.length)) return { status: 'orphan' };
  // a different passage scoring nearly as well means we cannot tell which one was meant
  const runnerUp = best(
    all.filter((c) => c !== winner && (c.end <= winner.start || c.start >= winner.end)),
  );
  if (runnerUp && winner.score - runnerUp.score < AMBIGUITY_MARGIN) return { status: 'orphan' };
  return { status: 'approximate', start: winner.start, end: winner.end, errors: winner.errors };
}

/** An approximate match is kept only with agreeing context (or, with none to check, a long quote
 * that barely changed). */
function trusted(c: Candidate, quoteLength: number): boolean {
  if (c.context === null) return quoteLength >= 32 && c.errors <= quoteLength * 0.1;
  return c.context >= MIN_CONTEXT_AGREEMENT;
}

function best(candidates: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

/** Where exact occurs: everywhere if it is rare, else near the hint only (bounded either way). */
function occurrences(text: string, exact: string, hint: number): number[] {
  const found = scan(text, exact, 0, text.length);
  if (found.length < MAX_OCCURRENCES) return found;
  const from = Math.max(0, hint - APPROXIMATE_WINDOW);
  return scan(text, exact, from, Math.min(text.length, hint + exact.length + APPROXIMATE_WINDOW));
}

function scan(text: string, exact: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact, from); at >= 0 && at + exact.length <= to;) {
    found.push(at);
    if (found.length >= MAX_OCCURRENCES) break;
    at = text.indexOf(exact, at + 1);
  }
  return found;
}

function approximateCandidates(
  text: string,
  exact: string,
  hint: number,
): { start: number; end: number; errors: number }[] {
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (exact.length < MIN_APPROXIMATE_QUOTE || exact.length > MAX_APPROXIMATE_QUOTE) return [];
  const from = Math.max(0, hint - APPROXIMATE_WINDOW);
  const to = Math.min(text.length, hint + exact.length + APPROXIMATE_WINDOW);
  const matches = search(text.slice(from, to), exact, maxErrors);
  // the library reports every end of a match (overlapping runs); one per start is enough
  const byStart = new Map<number, { start: number; end: number; errors: number }>();
  for (const m of matches.slice(0, MAX_OCCURRENCES)) {
    const start = from + m.start;
    const end = from + m.end;
    const seen = byStart.get(start);
    if (!seen || m.errors < seen.errors) byStart.set(start, { start, end, errors: m.errors });
  }
  return [...byStart.values()].filter(
    (m) => !splitsPair(text, m.start) && !splitsPair(text, m.end),
  );
}

/**
 * How well the text around [start, end) agrees with the stored prefix and suffix (0–1, by edit
 * distance), or null when the anchor stored no context to compare.
 */
function contextAgreement(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number | null {
  const parts: number[] = [];
  if (prefix.length > 0) {
    const before = text.slice(Math.max(0, start - prefix.length), start);
    parts.push(1 - editDistance(prefix, before) / prefix.length);
  }
  if (suffix.length > 0) {
    const after = text.slice(end, end + suffix.length);
    parts.push(1 - editDistance(suffix, after) / suffix.length);
  }
  if (parts.length === 0) return null;
  return Math.max(0, parts.reduce((a, b) => a + b, 0) / parts.length);
}

/** Levenshtein distance of two short strings (≤ QUOTE_CONTEXT each, so at most 32 × 32 steps). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** True when offset falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return (
    (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800 &&
    (text.charCodeAt(offset) & 0xfc00) === 0xdc00
  );
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(n, lo), hi) : lo;
}
