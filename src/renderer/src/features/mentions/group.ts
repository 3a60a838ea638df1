import type { MentionCandidate } from '../../../../shared/api-entities';
import type { DocumentId, EntityId } from '../../../../shared/model';

export interface DocumentGroup {
  documentId: DocumentId;
  documentTitle: string;
  candidates: MentionCandidate[];
}

export interface EntityGroup {
  entityId: EntityId;
  entityName: string;
  count: number;
  documents: DocumentGroup[];
}

/** A candidate's identity: the same passage may be proposed for two entities. */
export const candidateKey = (
  c: Pick<MentionCandidate, 'entityId' | 'documentId' | 'start' | 'end'>,
) => `${c.entityId}|${c.documentId}|${c.start}|${c.end}`;

/**
 * Suggestions grouped for review: by entity (most candidates first, then by name), then by document
 * in the order the backend gives (import order), each in text order.
 */
export function groupCandidates(candidates: readonly MentionCandidate[]): EntityGroup[] {
  const byEntity = new Map<string, EntityGroup>();
  for (const c of candidates) {
    let group = byEntity.get(c.entityId);
    if (!group) {
      group = { entityId: c.entityId, entityName: c.entityName, count: 0, documents: [] };
      byEntity.set(c.entityId, group);
    }
    group.count++;
    let doc = group.documents.find((d) => d.documentId === c.documentId);
    if (!doc) {
      doc = { documentId: c.documentId, documentTitle: c.documentTitle, candidates: [] };
      group.documents.push(doc);
    }
    doc.candidates.push(c);
  }
  for (const g of byEntity.values())
    for (const d of g.documents) d.candidates.sort((a, b) => a.start - b.start);
  return [...byEntity.values()].sort(
    (a, b) => b.count - a.count || a.entityName.localeCompare(b.entityName),
  );
}

/** The reference the accept and dismiss methods take. */
export const refOf = (c: MentionCandidate) => ({
  documentId: c.documentId,
  entityId: c.entityId,
  start: c.start,
  end: c.end,
});
