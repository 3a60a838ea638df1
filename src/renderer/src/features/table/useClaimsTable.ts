import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimFilter, ClaimTablePage } from '../../../../shared/api-search';
import type { ClaimId } from '../../../../shared/model';
import { invoke } from '../../api';
import { errorMessage } from '../shell/useToasts';
import { clampOffset, cleanFilter, type SortState } from './model';

export const PAGE_SIZES = [50, 100, 200, 500] as const;
const SLOW_MS = 250;

/**
 * The claims table's state: filter, sort and page, and the rows the backend returned for them.
 * Lives in App so the filter survives switching to the reader and back, and so other features
 * (a search hit on an entity) can set it. Queries run only while the table is shown.
 */
export function useClaimsTable(active: boolean, dataVersion: number) {
  const [filter, setFilterState] = useState<ClaimFilter>({});
  const [sort, setSortState] = useState<SortState>(null);
  const [offset, setOffset] = useState(0);
  const [pageSize, setPageSizeState] = useState<number>(100);
  const [page, setPage] = useState<ClaimTablePage | null>(null);
  const [loading, setLoading] = useState(false);
  const [slow, setSlow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState(0);
  /** names of entities in the filter, for the filter controls (the filter itself holds ids) */
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [lastOpened, setLastOpened] = useState<ClaimId | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (!active) return;
    const id = ++seq.current;
    setLoading(true);
    const slowTimer = setTimeout(() => seq.current === id && setSlow(true), SLOW_MS);
    invoke('claims.query', {
      filter: cleanFilter(filter),
      ...(sort ? { sort } : {}),
      limit: pageSize,
      offset,
    })
      .then(
        (result) => {
          if (seq.current !== id) return;
          const fixed = clampOffset(offset, pageSize, result);
          if (fixed !== offset) {
            setOffset(fixed);
            return;
          }
          setPage(result);
          setError(null);
          // the rows name the entities a loaded (saved) filter refers to by id
          setNames((prev) => withNamesFrom(prev, filter, result));
        },
        (e: unknown) => {
          if (seq.current === id) setError(errorMessage(e, 'load the claims'));
        },
      )
      .finally(() => {
        clearTimeout(slowTimer);
        if (seq.current === id) {
          setLoading(false);
          setSlow(false);
        }
      });
    return () => clearTimeout(slowTimer);
  }, [active, filter, sort, offset, pageSize, dataVersion, retry]);

  const setFilter = useCallback((next: ClaimFilter, entityNames?: Record<string, string>) => {
    setFilterState(cleanFilter(next));
    setOffset(0);
    if (entityNames) setNames((prev) => new Map([...prev, ...Object.entries(entityNames)]));
  }, []);
  const patchFilter = useCallback(
    (patch: Partial<ClaimFilter>, entityNames?: Record<string, string>) => {
      setFilterState((f) => cleanFilter({ ...f, ...patch }));
      setOffset(0);
      if (entityNames) setNames((prev) => new Map([...prev, ...Object.entries(entityNames)]));
    },
    [],
  );
  const setSort = useCallback((next: SortState) => {
    setSortState(next);
    setOffset(0);
  }, []);
  const setPageSize = useCallback((size: number) => {
    setPageSizeState(size);
    setOffset(0);
  }, []);

  return {
    filter,
    sort,
    offset,
    pageSize,
    page,
    loading,
    slow,
    error,
    names,
    lastOpened,
    setFilter,
    patchFilter,
    setSort,
    setOffset,
    setPageSize,
    setLastOpened,
    retry: () => setRetry((n) => n + 1),
  };
}

export type ClaimsTableState = ReturnType<typeof useClaimsTable>;

function withNamesFrom(
  prev: ReadonlyMap<string, string>,
  filter: ClaimFilter,
  page: ClaimTablePage,
): ReadonlyMap<string, string> {
  const wanted = [filter.claimantId, filter.subjectId, filter.placeId].filter(
    (id): id is NonNullable<typeof id> => typeof id === 'string' && !prev.has(id),
  );
  if (wanted.length === 0) return prev;
  const next = new Map(prev);
  for (const row of page.rows) {
    for (const ref of [row.claimant, row.place, ...row.subjects]) {
      if (ref && wanted.includes(ref.id)) next.set(ref.id, ref.name);
    }
  }
  return next;
}
