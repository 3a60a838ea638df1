import { describe, expect, it } from 'vitest';
import type { Collection, CollectionId } from '../../../../shared/api-library';
import { collectionTree } from './collectionTree';

const col = (id: string, name: string, parentId: string | null = null): Collection => ({
  id: id as CollectionId,
  name,
  parentId: parentId as CollectionId | null,
  documentCount: 0,
});

describe('collectionTree', () => {
  it('puts each collection under its parent, depth-first, with its path', () => {
    const rows = collectionTree([
      col('a', '1980s', 'r'),
      col('p', 'Prisons'),
      col('r', 'Riots'),
      col('t', 'Tajik', 'a'),
      col('b', '1990s', 'r'),
    ]);
    expect(rows.map((r) => [r.path, r.depth])).toEqual([
      ['Prisons', 0],
      ['Riots', 0],
      ['Riots › 1980s', 1],
      ['Riots › 1980s › Tajik', 2],
      ['Riots › 1990s', 1],
    ]);
  });

  it('shows a collection whose parent is missing, or in a loop, once at the top', () => {
    const rows = collectionTree([
      col('x', 'Orphan', 'gone'),
      col('l1', 'One', 'l2'),
      col('l2', 'Two', 'l1'),
    ]);
    expect(rows.map((r) => [r.path, r.depth])).toEqual([
      ['Orphan', 0],
      ['One', 0],
      ['One › Two', 1],
    ]);
  });
});
