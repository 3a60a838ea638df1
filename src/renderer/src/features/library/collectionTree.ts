import type { Collection, CollectionId } from '../../../../shared/api-library';

export interface TreeRow {
  collection: Collection;
  depth: number;
  /** "Riots › 1980s": names a sub-collection unambiguously, read aloud as it is shown */
  path: string;
}

/**
 * Collections as a tree flattened depth-first, each parent followed by its sub-collections, siblings
 * in the order given (the backend sorts by name). A collection whose parent is not in the list is
 * shown at the top rather than hidden, and a loop in the parents cannot hide or repeat one.
 */
export function collectionTree(collections: readonly Collection[]): TreeRow[] {
  const known = new Set(collections.map((c) => c.id));
  const children = new Map<CollectionId | null, Collection[]>();
  for (const c of collections) {
    const parent = c.parentId && known.has(c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const rows: TreeRow[] = [];
  const placed = new Set<CollectionId>();
  const visit = (parent: CollectionId | null, depth: number, prefix: string) => {
    for (const c of children.get(parent) ?? []) {
      if (placed.has(c.id)) continue;
      placed.add(c.id);
      const path = prefix ? `${prefix} › ${c.name}` : c.name;
      rows.push({ collection: c, depth, path });
      visit(c.id, depth + 1, path);
    }
  };
  visit(null, 0, '');
  // only a loop leaves collections unplaced: they are shown at the top level
  for (const c of collections)
    if (!placed.has(c.id)) {
      placed.add(c.id);
      rows.push({ collection: c, depth: 0, path: c.name });
      visit(c.id, 1, c.name);
    }
  return rows;
}
