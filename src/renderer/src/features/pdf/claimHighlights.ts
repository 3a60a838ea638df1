import type { Claim, PageSpan } from '../../../../shared/model';
import type { Highlight } from '../reader/segments';
import { pagesOfSpan } from './pageMap';

export interface PageHighlights {
  list: Highlight[];
  /** the list as a string, so a memoised page redraws only when its own highlights change */
  key: string;
}

/** Every claim's spans, grouped by the pages they fall on. */
export function highlightsByPage(
  claims: readonly Claim[],
  pages: readonly PageSpan[],
): Map<number, PageHighlights> {
  const byPage = new Map<number, PageHighlights>();
  for (const c of claims) {
    for (const s of c.spans) {
      for (const p of pagesOfSpan(pages, s)) {
        let entry = byPage.get(p);
        if (!entry) byPage.set(p, (entry = { list: [], key: '' }));
        entry.list.push({ claimId: c.id, start: s.start, end: s.end });
      }
    }
  }
  for (const entry of byPage.values()) {
    entry.key = entry.list.map((h) => `${h.claimId}:${h.start}-${h.end}`).join(',');
  }
  return byPage;
}

/** How much text a claim covers: overlapping highlights are cycled through shortest first. */
export const claimLength = (c: Claim) => c.spans.reduce((n, s) => n + s.end - s.start, 0);
