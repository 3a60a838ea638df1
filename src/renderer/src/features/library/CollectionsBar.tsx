import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CollectionId } from '../../../../shared/api-library';
import type { DocumentId } from '../../../../shared/model';
import { invoke } from '../../api';
import { plural } from '../../lib/format';
import { everythingChanged } from '../../query/invalidate';
import { keys } from '../../query/keys';
import { errorMessage } from '../shell/useToasts';

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
 * A document may be in several collections.
 */
export function CollectionsBar({ shown, onShow, targets, onInfo, onError }: Props) {
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: keys.collections(),
    queryFn: () => invoke('collections.list', {}),
  });
  const [naming, setNaming] = useState<string | null>(null);
  const collections = list.data ?? [];
  const nameOf = (id: CollectionId) => collections.find((c) => c.id === id)?.name ?? 'collection';

  const create = async (name: string) => {
    setNaming(null);
    try {
      const made = await invoke('collections.create', { name });
      onInfo(`Made the collection “${made.name}”.`);
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
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.documentCount})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          aria-label="New collection"
          onClick={() => setNaming('')}
        >
          New
        </button>
      </div>
      {naming !== null && (
        <form
          className="collections-row"
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
          {collections
            .filter((c) => c.id !== shown)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
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
