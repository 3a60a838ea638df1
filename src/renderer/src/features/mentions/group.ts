import type { MentionCandidate } from '../../../../shared/api-entities';
import type { EntityId } from '../../../../shared/model';
import { groupBySource, placesOf, type SourceGroup } from '../../../../shared/source-groups';

export interface WorkGroup extends SourceGroup<MentionCandidate> {
  title: string;
}

export interface EntityGroup {
  entityId: EntityId;
  entityName: string;
  count: number;
  /** by source: the same passage in the TXT and the PDF of one work is one suggestion */
  works: WorkGroup[];
}

/** A candidate's identity: the same passage may be proposed for two entities. */
export const candidateKey = (
  c: Pick<MentionCandidate, 'entityId' | 'documentId' | 'start' | 'end'>,
) => `${c.entityId}|${c.documentId}|${c.start}|${c.end}`;

/**
 * Suggestions grouped for review: by entity (most candidates first, then by name), then by source
 * (shared/source-groups.ts) in the order the backend gives (import order), each in text order.
 */
export function groupCandidates(candidates: readonly MentionCandidate[]): EntityGroup[] {
  const byEntity = new Map<EntityId, MentionCandidate[]>();
  for (const c of candidates) byEntity.set(c.entityId, [...(byEntity.get(c.entityId) ?? []), c]);
  const groups = [...byEntity.values()].map((list) => ({
    entityId: list[0]!.entityId,
    entityName: list[0]!.entityName,
    count: list.length,
    works: groupBySource(list).map((g) => {
      // one file's places in text order; a work's files in the order its hits came
      const files = [...new Set(g.hits.map((h) => h.documentId))];
      const at = (c: MentionCandidate) => files.indexOf(c.documentId);
      return {
        ...g,
        title: g.hits[0]!.documentTitle,
        hits: [...g.hits].sort((a, b) => at(a) - at(b) || a.start - b.start),
      };
    }),
  }));
  return groups.sort((a, b) => b.count - a.count || a.entityName.localeCompare(b.entityName));
}

/** The references the accept and dismiss methods take: one for each file the passage is in. */
export const refsOf = (c: MentionCandidate) =>
  placesOf(c).map((p) => ({
    documentId: p.documentId,
    entityId: c.entityId,
    start: p.start,
    end: p.end,
  }));
