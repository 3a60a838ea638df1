import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../../shared/api-search';
import { groupResults, moveActive, prefixQuery } from './results';

const snippet = { text: 'x', highlights: [], truncatedStart: false, truncatedEnd: false };
const results = (over: Partial<SearchResults>): SearchResults =>
  ({
    passages: [],
    claims: [],
    entities: [],
    notebooks: [],
    more: { passages: false, claims: false, entities: false, notebooks: false },
    ...over,
  }) as SearchResults;

describe('groupResults', () => {
  it('keeps only kinds with hits, in a fixed order, with unique keys', () => {
    const passage = {
      documentId: 'doc_00000001',
      documentTitle: 'A',
      sourceId: 'src_00000001',
      mediaType: 'text/plain',
      also: [],
      start: 5,
      end: 9,
      page: null,
      snippet,
      score: 0,
    };
    const groups = groupResults(
      results({
        passages: [passage, { ...passage }] as unknown as SearchResults['passages'],
        entities: [
          { entityId: 'ent_00000001', kind: 'person', name: 'N', field: 'name', snippet, score: 0 },
        ] as unknown as SearchResults['entities'],
        more: { passages: true, claims: false, entities: false, notebooks: false },
      }),
    );
    expect(groups.map((g) => g.kind)).toEqual(['passages', 'entities']);
    expect(groups[0]!.more).toBe(true);
    const keys = groups.flatMap((g) => g.options.map((o) => o.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists passages under their work, with the files they are in, the kind heading once', () => {
    const hit = (doc: string, source: string, title: string, start: number) => ({
      documentId: doc,
      documentTitle: title,
      sourceId: source,
      mediaType: 'text/plain',
      also: [] as object[],
      start,
      end: start + 4,
      page: null,
      snippet,
      score: 0,
    });
    const riot = hit('doc_txt', 'src_riot', 'Riot', 10);
    riot.also.push({ documentId: 'doc_pdf', mediaType: 'application/pdf', start: 12, end: 16 });
    const groups = groupResults(
      results({
        passages: [
          riot,
          hit('doc_memo', 'src_memo', 'Memo', 3),
          hit('doc_txt', 'src_riot', 'Riot', 400),
        ] as unknown as SearchResults['passages'],
      }),
    );
    expect(groups.map((g) => [g.label, g.heading, g.options.length])).toEqual([
      ['Riot', 'Passages in documents', 2],
      ['Memo', undefined, 1],
    ]);
    expect(groups[0]!.source!.files.map((f) => f.documentId)).toEqual(['doc_pdf', 'doc_txt']);
    expect(new Set(groups.map((g) => g.key)).size).toBe(2);
  });
});

describe('moveActive', () => {
  it('moves within bounds', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(2);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(0);
    expect(moveActive(1, 3, 'End')).toBe(2);
    expect(moveActive(2, 3, 'Home')).toBe(0);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });
});

describe('prefixQuery', () => {
  it('makes every word a prefix and neutralises syntax', () => {
    expect(prefixQuery('gulmurod kha')).toBe('gulmurod* kha*');
    expect(prefixQuery(' "Kha(lim*ov ')).toBe('Kha* lim* ov*');
    expect(prefixQuery('Smith AND NOT')).toBe('Smith*');
    expect(prefixQuery('   ')).toBe('');
  });
});
