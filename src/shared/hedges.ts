/**
 * Hedging cues: words with which a source signals that it is not sure, or that it only reports what
 * someone else says. Found cues are stored with the claim so a researcher can filter "alleged" claims
 * even before reviewing certainty by hand.
 */
const CUES = [
  'reportedly',
  'allegedly',
  'alleged',
  'purportedly',
  'purported',
  'apparently',
  'supposedly',
  'suspected',
  'claimed',
  'claims',
  'claim',
  'according to',
  'believed',
  'unconfirmed',
  'unverified',
  'estimated',
  'approximately',
  'at least',
  'closer to',
  'possibly',
  'probably',
  'likely',
  'may have',
  'might have',
  'is said to',
  'are said to',
  'was said to',
  'rumoured',
  'rumored',
] as const;

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${CUES.map((c) => c.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The hedging cues in `quote`, lower-cased, in order of first appearance, without repeats. */
export function findHedges(quote: string): string[] {
  const found = new Set<string>();
  for (const match of quote.matchAll(PATTERN))
    found.add(match[1]!.toLowerCase().replace(/\s+/g, ' '));
  return [...found];
}
