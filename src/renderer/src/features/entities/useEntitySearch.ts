import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntitySearchHit } from '../../../../shared/api-entities';
import { invoke } from '../../api';

/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel immediate. */
const DEBOUNCE_MS = 70;
const LIMIT = 8;

interface Found {
  query: string;
  hits: EntitySearchHit[];
}

/**
 * Fuzzy entity search (names and aliases, backend-ranked) for a picker, debounced. `flush` answers
 * at once for the current query, for an Enter typed faster than the debounce.
 */
export function useEntitySearch(query: string, kind: string | undefined, version: number) {
  const [found, setFound] = useState<Found>({ query: '', hits: [] });
  const [failed, setFailed] = useState(false);
  const trimmed = query.trim();
  const latest = useRef(trimmed);
  latest.current = trimmed;

  const run = useCallback(
    async (q: string): Promise<EntitySearchHit[]> => {
      const hits = await invoke('entities.search', {
        query: q,
        limit: LIMIT,
        ...(kind ? { kind } : {}),
      });
      if (latest.current === q) {
        setFound({ query: q, hits });
        setFailed(false);
      }
      return hits;
    },
    [kind],
  );

  useEffect(() => {
    if (trimmed === '') return;
    const timer = setTimeout(() => {
      run(trimmed).catch(() => latest.current === trimmed && setFailed(true));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // version: an entity created or renamed elsewhere shows up without retyping
  }, [trimmed, run, version]);

  const flush = useCallback(
    (): Promise<EntitySearchHit[]> =>
      found.query === latest.current ? Promise.resolve(found.hits) : run(latest.current),
    [found, run],
  );

  const current = found.query === trimmed;
  return {
    // while the next answer is on its way the previous one stays: a list that blinks empty on
    // every keystroke is harder to read than one that is a few milliseconds behind
    hits: trimmed === '' ? [] : found.hits,
    stale: !current,
    searching: trimmed !== '' && !current && !failed,
    failed,
    flush,
  };
}
