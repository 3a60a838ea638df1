import type { MentionInfo } from '../../../../shared/api-entities';
import type { Claim } from '../../../../shared/model';
import type { Highlight, MentionSpan } from './segments';
import { bucketBySection, type Section } from './sections';

export interface SectionHighlights {
  list: Highlight[];
  mentions: MentionSpan[];
  /** both lists as a string, so a memoised section redraws only when its own marks change */
  key: string;
}

/** The claims' spans and the entity mentions each section of the reader shows. */
export function sectionHighlights(
  sections: readonly Section[],
  claims: readonly Claim[],
  mentions: readonly MentionInfo[],
): SectionHighlights[] {
  const highlights: Highlight[] = claims.flatMap((c) =>
    c.spans.map((s) => ({ claimId: c.id, start: s.start, end: s.end })),
  );
  const spans: MentionSpan[] = mentions.map((m) => ({
    mentionId: m.id,
    entityId: m.entityId,
    kind: m.entityKind,
    start: m.anchor.start,
    end: m.anchor.end,
  }));
  const mentionBuckets = bucketBySection(sections, spans);
  return bucketBySection(sections, highlights).map((list, i) => ({
    list,
    mentions: mentionBuckets[i]!,
    key:
      list.map((h) => `${h.claimId}:${h.start}-${h.end}`).join(',') +
      `|${mentionBuckets[i]!.map((m) => `${m.mentionId}:${m.kind}`).join(',')}`,
  }));
}
