/**
 * The renderer's view of the workspace's entities: the list with counts, the vocabulary lists and
 * how many suggested mentions await review, each a query of the one cache; `changed` invalidates
 * them after a write. It owns no data (GUIDE §2.7).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, useState } from 'react';
import type { EntitySummary, Vocabulary } from '../../../../shared/api-entities';
import { CLAIM_TYPES, ENTITY_KINDS, type Entity, type EntityId } from '../../../../shared/model';
import { invoke } from '../../api';
import { claimsChanged, entitiesChanged } from '../../query/invalidate';
import { keys } from '../../query/keys';
import { errorMessage } from '../shell/useToasts';

const DEFAULT_VOCABULARY: Vocabulary = {
  entity_kind: [...ENTITY_KINDS],
  claim_type: [...CLAIM_TYPES],
};

/** How many entities the pickers offer before anything is typed. */
const RECENT = 6;

export interface EntityStore {
  /** null until loaded */
  list: EntitySummary[] | null;
  byId: ReadonlyMap<string, EntitySummary>;
  vocabulary: Vocabulary;
  /** suggested mentions waiting for review, across all documents; null until counted */
  pending: number | null;
  /**
   * Call after anything changed entities or mentions here or behind the store's back: invalidates
   * every query that shows them (query/invalidate.ts). 'counts': only claims changed.
   */
  changed: (scope?: 'all' | 'counts') => void;
  create: (kind: string, name: string) => Promise<Entity>;
  /** entities picked lately, most recent first: what the pickers show before anything is typed */
  recent: EntityId[];
  used: (id: EntityId) => void;
}

/** Counting suggestions scans every document: wait for a pause in the tagging before recounting. */
const SCAN_PAUSE_MS = 600;

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export function useEntityStoreState(onError: (message: string) => void): EntityStore {
  const qc = useQueryClient();
  const [recent, setRecent] = useState<EntityId[]>([]);
  const listQuery = useQuery({
    queryKey: keys.entities(),
    queryFn: () => invoke('entities.list', {}),
  });
  const vocabularyQuery = useQuery({
    queryKey: keys.vocabulary(),
    queryFn: () => invoke('vocabulary.list', {}),
  });
  // a burst of quick edits costs one scan (an invalidation cancels the pause before it) and never
  // delays the edits themselves
  const pendingQuery = useQuery({
    queryKey: keys.suggestions(),
    queryFn: async ({ signal }) => {
      await pause(SCAN_PAUSE_MS, signal);
      return (await invoke('mentions.suggest', { limit: 1 })).total;
    },
  });
  const failed = listQuery.error ?? vocabularyQuery.error;
  useEffect(() => {
    if (failed) onError(errorMessage(failed, 'load the entities'));
  }, [failed, onError]);

  const changed = useCallback(
    (scope: 'all' | 'counts' = 'all') => {
      if (scope === 'all') void entitiesChanged(qc);
      else void claimsChanged(qc);
    },
    [qc],
  );

  const used = useCallback(
    (id: EntityId) => setRecent((r) => [id, ...r.filter((x) => x !== id)].slice(0, RECENT)),
    [],
  );

  const create = useCallback(
    async (kind: string, name: string) => {
      const entity = await invoke('entities.create', { kind, name });
      used(entity.id);
      changed();
      return entity;
    },
    [changed, used],
  );

  const list = listQuery.data ?? null;
  const vocabulary = vocabularyQuery.data ?? DEFAULT_VOCABULARY;
  const pending = pendingQuery.isError ? null : (pendingQuery.data ?? null);
  const byId = useMemo(() => new Map((list ?? []).map((e) => [e.id as string, e])), [list]);

  return useMemo(
    () => ({ list, byId, vocabulary, pending, changed, create, recent, used }),
    [list, byId, vocabulary, pending, changed, create, recent, used],
  );
}

export const EntityContext = createContext<EntityStore | null>(null);

export function useEntities(): EntityStore {
  const store = use(EntityContext);
  if (!store) throw new Error('useEntities outside <EntityContext>');
  return store;
}

/** The store when one is provided (components that also render without it, e.g. in tests). */
export const useEntitiesMaybe = (): EntityStore | null => use(EntityContext);
