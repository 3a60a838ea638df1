import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { ClaimFilter, ClaimTablePage } from '../../../../shared/api-search';
import type { ClaimId } from '../../../../shared/model';
import { invoke } from '../../api';
import { keys } from '../../query/keys';
import { errorMessage } from '../shell/useToasts';
import { clampOffset, cleanFilter, type SortState } from './model';

export const PAGE_SIZES = [50, 100, 200, 500] as const;
const SLOW_MS = 250;

/**
 * The claims table's state: filter, sort and page, and the rows the backend returned for them.
 * Lives in App so the filter survives switching to the reader and back, and so other features
 * (a search hit on an entity) can set it. The rows are a query (`keys.table`), read again when a
 * write invalidates it.
 */
export function useClaimsTable(active: boolean) {
  const [filter, setFilterState] = useState<ClaimFilter>({});
  const [sort, setSortState] = useState<SortState>(null);
  const [offset, setOffset] = useState(0);
  const [pageSize, setPageSizeState] = useState<number>(100);
  /** names of entities in the filter, for the filter controls (the filter itself holds ids) */
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [lastOpened, setLastOpened] = useState<ClaimId | null>(null);
  const [slow, setSlow] = useState(false);

  const params = { filter: cleanFilter(filter), sort, offset, limit: pageSize };
  const query = useQuery({
    queryKey: keys.table(params),
    queryFn: () =>
      invoke('claims.query', {
        filter: params.filter,
        ...(sort ? { sort } : {}),
        limit: pageSize,
        offset,
      }),
    // queries run only while the table is shown; the last page stays while the next one loads
    enabled: active,
    placeholderData: keepPreviousData,
  });
  const page: ClaimTablePage | null = query.data ?? null;
  const loading = query.isFetching;

  // "Loading…" only when an answer takes long enough to notice
  useEffect(() => {
    if (!loading) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), SLOW_MS);
    return () => clearTimeout(timer);
  }, [loading]);

  // a page past the end (rows deleted meanwhile) moves back to the last page there is
  useEffect(() => {
    if (!page || query.isPlaceholderData) return;
    const fixed = clampOffset(offset, pageSize, page);
    if (fixed !== offset) setOffset(fixed);
  }, [page, query.isPlaceholderData, offset, pageSize]);

  // the rows name the entities a loaded (saved) filter refers to by id
  useEffect(() => {
    if (page) setNames((prev) => withNamesFrom(prev, filter, page));
  }, [page, filter]);

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
    error: query.error ? errorMessage(query.error, 'load the claims') : null,
    names,
    lastOpened,
    setFilter,
    patchFilter,
    setSort,
    setOffset,
    setPageSize,
    setLastOpened,
    retry: () => void query.refetch(),
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
