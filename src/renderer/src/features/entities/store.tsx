/**
 * The renderer's view of the workspace's entities: the list with counts, the vocabulary lists, how
 * many suggested mentions await review, and a version that bumps whenever any of them may have
 * changed (create, edit, merge, delete, accept, undo...), so every view that shows entities re-reads
 * from the backend. It owns no data (GUIDE §2.7).
 */
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EntitySummary, Vocabulary } from '../../../../shared/api-entities';
import { CLAIM_TYPES, ENTITY_KINDS, type Entity, type EntityId } from '../../../../shared/model';
import { invoke } from '../../api';
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
  /** bumps after every change that may affect entities, mentions or their counts */
  version: number;
  /**
   * Call after anything changed entities or mentions (here or behind the store's back). 'counts':
   * only claims changed, so the suggestions (a scan of every document) need no recount.
   */
  changed: (scope?: 'all' | 'counts') => void;
  create: (kind: string, name: string) => Promise<Entity>;
  /** entities picked lately, most recent first: what the pickers show before anything is typed */
  recent: EntityId[];
  used: (id: EntityId) => void;
}

export function useEntityStoreState(onError: (message: string) => void): EntityStore {
  const [list, setList] = useState<EntitySummary[] | null>(null);
  const [vocabulary, setVocabulary] = useState<Vocabulary>(DEFAULT_VOCABULARY);
  const [pending, setPending] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [scanVersion, setScanVersion] = useState(0);
  const [recent, setRecent] = useState<EntityId[]>([]);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  useEffect(() => {
    let live = true;
    Promise.all([invoke('entities.list', {}), invoke('vocabulary.list', {})]).then(
      ([entities, vocab]) => {
        if (!live) return;
        setList(entities);
        setVocabulary(vocab);
      },
      (e: unknown) => live && onErrorRef.current(errorMessage(e, 'load the entities')),
    );
    return () => {
      live = false;
    };
  }, [version]);

  useEffect(() => {
    let live = true;
    // counting suggestions scans every document's text: wait for a pause in the tagging, so a
    // burst of quick edits costs one scan and never delays the edits themselves
    const timer = setTimeout(() => {
      invoke('mentions.suggest', { limit: 1 }).then(
        (s) => live && setPending(s.total),
        () => live && setPending(null),
      );
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [scanVersion]);

  const changed = useCallback((scope: 'all' | 'counts' = 'all') => {
    setVersion((v) => v + 1);
    if (scope === 'all') setScanVersion((v) => v + 1);
  }, []);

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

  const byId = useMemo(() => new Map((list ?? []).map((e) => [e.id as string, e])), [list]);

  return useMemo(
    () => ({ list, byId, vocabulary, pending, version, changed, create, recent, used }),
    [list, byId, vocabulary, pending, version, changed, create, recent, used],
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
