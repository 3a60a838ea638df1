import type { Claim } from '../../../../shared/model';

/** What the claims panel shows: words and the fields a researcher sorts claims by; '' is any. */
export interface PanelFilter {
  text: string;
  type: string;
  certainty: string;
  status: string;
}

export const NO_FILTER: PanelFilter = { text: '', type: '', certainty: '', status: '' };

export const isFiltering = (f: PanelFilter) =>
  f.text.trim() !== '' || f.type !== '' || f.certainty !== '' || f.status !== '';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The claims that pass: every word of the text in the statement, note, tags or the names given by
 * `names` (claimant, subjects, place), ignoring case and accents; type, certainty, status exact.
 */
export function filterClaims<C extends Claim>(
  claims: readonly C[],
  f: PanelFilter,
  names: (claim: C) => string[] = () => [],
): C[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  return claims.filter((c) => {
    if (f.type && c.type !== f.type) return false;
    if (f.certainty && (c.certainty ?? '') !== f.certainty) return false;
    if (f.status && c.status !== f.status) return false;
    if (words.length === 0) return true;
    const hay = fold([c.statement, c.note, ...c.tags, ...names(c)].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}
