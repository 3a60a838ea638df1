import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { EntitySearchHit } from '../../../../shared/api-entities';
import { invoke } from '../../api';
import { keys } from '../../query/keys';

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel immediate. */
const DEBOUNCE_MS = 70;
const LIMIT = 8;

const search = (query: string, kind: string | undefined) =>
  invoke('entities.search', { query, limit: LIMIT, ...(kind ? { kind } : {}) });

/**
 * Entity search (names and aliases, ranked by shared/rank-entities.ts) for a picker, debounced and
 * cached per query. `flush` answers at once for the current query, for an Enter typed faster than
 * the debounce.
 */
export function useEntitySearch(query: string, kind: string | undefined) {
  const qc = useQueryClient();
  const trimmed = query.trim();
  const [debounced, setDebounced] = useState(trimmed);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(trimmed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);

  const result = useQuery({
    queryKey: keys.entitySearch(debounced, kind),
    queryFn: () => search(debounced, kind),
    enabled: debounced !== '',
    // while the next answer is on its way the previous one stays: a list that blinks empty on
    // every keystroke is harder to read than one that is a few milliseconds behind
    placeholderData: keepPreviousData,
  });

  const flush = useCallback(
    (): Promise<EntitySearchHit[]> =>
      qc.fetchQuery({
        queryKey: keys.entitySearch(trimmed, kind),
        queryFn: () => search(trimmed, kind),
      }),
    [qc, trimmed, kind],
  );

  const current = debounced === trimmed && !result.isPlaceholderData && !result.isFetching;
  return {
    hits: trimmed === '' ? [] : (result.data ?? []),
    stale: !current,
    searching: trimmed !== '' && !current && !result.isError,
    failed: result.isError,
    flush,
  };
}
