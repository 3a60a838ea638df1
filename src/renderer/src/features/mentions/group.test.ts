import { describe, expect, it } from 'vitest';
import type { MentionCandidate } from '../../../../shared/api-entities';
import type { DocumentId, EntityId } from '../../../../shared/model';
import { candidateKey, groupCandidates } from './group';

const cand = (entity: string, doc: string, start: number, matched = entity): MentionCandidate => ({
  documentId: doc as DocumentId,
  documentTitle: `Title ${doc}`,
  entityId: entity as EntityId,
  entityName: entity,
  matched,
  start,
  end: start + matched.length,
  exact: matched,
  prefix: '',
  suffix: '',
});

describe('groupCandidates', () => {
  it('groups by entity (largest first), then document in given order, then text order', () => {
    const groups = groupCandidates([
      cand('ISIS', 'doc_b', 5),
      cand('Khalimov', 'doc_a', 40),
      cand('Khalimov', 'doc_b', 9, 'Gumurod Halimov'),
      cand('Khalimov', 'doc_a', 10),
    ]);
    expect(
      groups.map((g) => [
        g.entityName,
        g.count,
        g.documents.map((d) => [d.documentId, d.candidates.map((c) => c.start)]),
      ]),
    ).toEqual([
      [
        'Khalimov',
        3,
        [
          ['doc_a', [10, 40]],
          ['doc_b', [9]],
        ],
      ],
      ['ISIS', 1, [['doc_b', [5]]]],
    ]);
  });

  it('keys a passage per entity', () => {
    const a = cand('A', 'doc_a', 1);
    expect(candidateKey(a)).not.toBe(candidateKey({ ...a, entityId: 'B' as EntityId }));
  });
});
