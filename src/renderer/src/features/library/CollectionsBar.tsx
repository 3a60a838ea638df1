import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CollectionId } from '../../../../shared/api-library';
import type { DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';
import { plural } from '../../lib/format';
import { everythingChanged } from '../../query/invalidate';
import { keys } from '../../query/keys';
import { errorMessage } from '../shell/useToasts';
import { collectionTree } from './collectionTree';

interface Props {
  /** the collection the list shows, or null for every document */
  shown: CollectionId | null;
  onShow: (id: CollectionId | null) => void;
  /** the documents a move acts on: the selection, else the open document */
  targets: DocumentId[];
  onInfo: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Collections in the library: show one (or all documents), make a new one, and put the selected
 * documents into one — moved out of the collection shown, or added when all documents are shown.
 * A document may be in several collections. Collections nest: the pickers list them as a tree
 * (each under its parent, named by its path), and a new one is made inside the one shown unless
 * the researcher picks another place.
 */
export function CollectionsBar({ shown, onShow, targets, onInfo, onError }: Props) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: keys.collections(),
    queryFn: () => invoke('collections.list', {}),
  });
  const [naming, setNaming] = useState<string | null>(null);
  const [parent, setParent] = useState<CollectionId | null>(null);
  const collections = list.data ?? [];
  const tree = collectionTree(collections);
  const nameOf = (id: CollectionId) =>
    tree.find((r) => r.collection.id === id)?.path ?? 'collection';

  const startNaming = () => {
    setParent(shown);
    setNaming('');
  };
  const create = async (name: string) => {
    setNaming(null);
    try {
      const made = await invoke('collections.create', { name, parentId: parent });
      onInfo(`Made the collection “${parent ? `${nameOf(parent)} › ` : ''}${made.name}”.`);
    } catch (e) {
      onError(errorMessage(e, 'make the collection'));
    }
    await everythingChanged(qc);
  };
  const move = async (to: CollectionId) => {
    try {
      await invoke('collections.move', { documentIds: targets, from: shown, to });
      onInfo(
        `${shown ? 'Moved' : 'Added'} ${plural(targets.length, 'document')} to “${nameOf(to)}”.`,
      );
    } catch (e) {
      onError(errorMessage(e, 'put the documents in the collection'));
    }
    await everythingChanged(qc);
  };

  return (
    <div className="collections-bar">
      <label className="field-label" htmlFor="collection-shown">
        Collection
      </label>
      <div className="collections-row">
        <select
          id="collection-shown"
          className="input input-small"
          value={shown ?? ''}
          onChange={(e) => onShow((e.target.value || null) as CollectionId | null)}
        >
          <option value="">All documents</option>
          {tree.map(({ collection: c, path }) => (
            <option key={c.id} value={c.id}>
              {path} ({c.documentCount})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          aria-label="New collection"
          onClick={startNaming}
        >
          New
        </button>
      </div>
      {naming !== null && (
        <form
          className="collections-row collections-new"
          onSubmit={(e) => {
            e.preventDefault();
            if (naming.trim() !== '') void create(naming.trim());
          }}
        >
          <input
            className="input input-small"
            aria-label="Name of the new collection"
            autoFocus
            value={naming}
            onChange={(e) => setNaming(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
          />
          <select
            className="input input-small"
            aria-label="Make it inside"
            value={parent ?? ''}
            onChange={(e) => setParent((e.target.value || null) as CollectionId | null)}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
          >
            <option value="">at the top</option>
            {tree.map(({ collection: c, path }) => (
              <option key={c.id} value={c.id}>
                inside {path}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-small" disabled={naming.trim() === ''}>
            Make
          </button>
        </form>
      )}
      {targets.length > 0 && collections.length > 0 && (
        <select
          className="input input-small"
          aria-label={`${shown ? 'Move' : 'Add'} ${plural(targets.length, 'document')} to a collection`}
          value=""
          onChange={(e) => e.target.value && void move(e.target.value as CollectionId)}
        >
          <option value="">
            {shown ? 'Move' : 'Add'} {plural(targets.length, 'document')} to…
          </option>
          {tree
            .filter((r) => r.collection.id !== shown)
            .map(({ collection: c, path }) => (
              <option key={c.id} value={c.id}>
                {path}
              </option>
            ))}
        </select>
      )}
    </div>
  );
}

/** The ids of the documents in the collection shown (null: no filter). */
export function useCollectionFilter(shown: CollectionId | null): Set<DocumentId> | null {
  const members = useQuery({
    queryKey: keys.collectionMembers(shown ?? ''),
    queryFn: () => invoke('collections.members', { id: shown! }),
    enabled: shown !== null,
  });
  if (shown === null) return null;
  return new Set(members.data ?? []);
}
