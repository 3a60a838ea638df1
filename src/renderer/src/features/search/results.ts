import type {
  ClaimHit,
  EntityHit,
  NotebookHit,
  PassageHit,
  SearchKind,
  SearchResults,
} from '../../../../shared/api-search';

export type SearchOption =
  | { kind: 'passages'; key: string; hit: PassageHit }
  | { kind: 'claims'; key: string; hit: ClaimHit }
  | { kind: 'entities'; key: string; hit: EntityHit }
  | { kind: 'notebooks'; key: string; hit: NotebookHit };

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  options: SearchOption[];
  more: boolean;
}

export const GROUP_LABELS: Record<SearchKind, string> = {
  passages: 'Passages in documents',
  claims: 'Claims',
  entities: 'Entities',
  notebooks: 'Notebooks',
};

/** The non-empty groups in display order, each option with a key unique in the whole list. */
export function groupResults(results: SearchResults): SearchGroup[] {
  const groups: SearchGroup[] = [
    {
      kind: 'passages',
      label: GROUP_LABELS.passages,
      more: results.more.passages,
      options: results.passages.map((hit, i) => ({
        kind: 'passages',
        key: `p-${i}-${hit.documentId}-${hit.start}`,
        hit,
      })),
    },
    {
      kind: 'claims',
      label: GROUP_LABELS.claims,
      more: results.more.claims,
      options: results.claims.map((hit, i) => ({
        kind: 'claims',
        key: `c-${i}-${hit.claimId}`,
        hit,
      })),
    },
    {
      kind: 'entities',
      label: GROUP_LABELS.entities,
      more: results.more.entities,
      options: results.entities.map((hit, i) => ({
        kind: 'entities',
        key: `e-${i}-${hit.entityId}`,
        hit,
      })),
    },
    {
      kind: 'notebooks',
      label: GROUP_LABELS.notebooks,
      more: results.more.notebooks,
      options: results.notebooks.map((hit, i) => ({
        kind: 'notebooks',
        key: `n-${i}-${hit.notebookId}`,
        hit,
      })),
    },
  ];
  return groups.filter((g) => g.options.length > 0);
}

/** Arrow keys move through all options across groups, stopping at the ends. */
export function moveActive(active: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return active;
  }
}

/**
 * A name typed into an entity picker as a search query: every word a prefix, with the search
 * syntax's special characters and operators taken as plain text, so typing can never be an error.
 */
export function prefixQuery(typed: string): string {
  return typed
    .replace(/["()*]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'AND' && w !== 'OR' && w !== 'NOT')
    .map((w) => `${w}*`)
    .join(' ');
}
