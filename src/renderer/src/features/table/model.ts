import type {
  ClaimColumn,
  ClaimFilter,
  ClaimSort,
  ClaimTablePage,
} from '../../../../shared/api-search';

export type SortState = ClaimSort | null;

/** A header click: ascending, then descending, then back to reading order (document, position). */
export function nextSort(current: SortState, column: ClaimColumn): SortState {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

export function ariaSort(
  current: SortState,
  column: ClaimColumn,
): 'ascending' | 'descending' | 'none' {
  if (!current || current.column !== column) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}

/** The filter as sent and saved: no undefined fields, no blank strings, no empty date range. */
export function cleanFilter(filter: ClaimFilter): ClaimFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    if (key === 'eventDate') {
      const range = value as NonNullable<ClaimFilter['eventDate']>;
      const from = range.from?.trim();
      const to = range.to?.trim();
      if (!from && !to) continue;
      out.eventDate = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      continue;
    }
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as ClaimFilter;
}

export const countFilters = (filter: ClaimFilter): number =>
  Object.keys(cleanFilter(filter)).length;

/** Two filters select the same claims (field order and blanks aside). */
export function sameFilter(a: ClaimFilter, b: ClaimFilter): boolean {
  return stableJson(cleanFilter(a)) === stableJson(cleanFilter(b));
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
    x < y ? -1 : 1,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

const DATE_BOUND = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What is wrong with a typed date bound, or null when it is empty or fine. */
export function dateBoundProblem(value: string): string | null {
  const v = value.trim();
  if (v === '' || DATE_BOUND.test(v)) return null;
  return 'Write a year, a month or a day: 2018, 2018-11 or 2018-11-07.';
}

/** "1–100 of 12,345" for the rows on screen. */
export function rowRange(offset: number, shown: number, total: number): string {
  if (total === 0) return 'No claims';
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + shown, total);
  return `${first.toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()}`;
}

/** An offset still inside the result after it shrank (e.g. claims deleted while on the last page). */
export function clampOffset(offset: number, pageSize: number, page: ClaimTablePage): number {
  if (page.total === 0) return 0;
  if (offset < page.total) return offset;
  return Math.floor((page.total - 1) / pageSize) * pageSize;
}
