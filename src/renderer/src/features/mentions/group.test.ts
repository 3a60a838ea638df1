import { describe, expect, it } from 'vitest';
import type { MentionCandidate } from '../../../../shared/api-entities';
import type { DocumentId, EntityId, MediaType, SourceId } from '../../../../shared/model';
import { candidateKey, groupCandidates, refsOf } from './group';

const cand = (
  entity: string,
  doc: string,
  start: number,
  matched = entity,
  source = `src_${doc}`,
  mediaType: MediaType = 'text/plain',
): MentionCandidate => ({
  documentId: doc as DocumentId,
  documentTitle: `Title ${source}`,
  sourceId: source as SourceId,
  mediaType,
  also: [],
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
  it('groups by entity (largest first), then source in given order, then text order', () => {
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
        g.works.map((w) => [w.sourceId, w.hits.map((c) => c.start)]),
      ]),
    ).toEqual([
      [
        'Khalimov',
        3,
        [
          ['src_doc_a', [10, 40]],
          ['src_doc_b', [9]],
        ],
      ],
      ['ISIS', 1, [['src_doc_b', [5]]]],
    ]);
  });

  it('puts the files of one work under it, PDF first, and decides a passage in all of them', () => {
    const inPdf = { documentId: 'doc_pdf' as DocumentId, mediaType: 'application/pdf' as const };
    const txt = {
      ...cand('Khalimov', 'doc_txt', 10, 'Khalimov', 'src_w'),
      also: [{ ...inPdf, start: 12, end: 20 }],
    };
    const onlyInPdf = cand('Khalimov', 'doc_pdf', 300, 'Khalimov', 'src_w', 'application/pdf');
    const [group] = groupCandidates([txt, onlyInPdf]);
    expect(group!.works).toHaveLength(1);
    expect(group!.works[0]!.files.map((f) => f.mediaType)).toEqual([
      'application/pdf',
      'text/plain',
    ]);
    expect(refsOf(txt)).toEqual([
      { documentId: 'doc_txt', entityId: 'Khalimov', start: 10, end: 18 },
      { documentId: 'doc_pdf', entityId: 'Khalimov', start: 12, end: 20 },
    ]);
  });

  it('keys a passage per entity', () => {
    const a = cand('A', 'doc_a', 1);
    expect(candidateKey(a)).not.toBe(candidateKey({ ...a, entityId: 'B' as EntityId }));
  });
});
