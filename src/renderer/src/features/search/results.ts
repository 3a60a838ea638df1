import type {
  ClaimHit,
  EntityHit,
  NotebookHit,
  PassageHit,
  SearchKind,
  SearchResults,
} from '../../../../shared/api-search';
import type { DocumentId, MediaType, SourceId } from '../../../../shared/model';
import { groupBySource } from '../../../../shared/source-groups';

export type SearchOption =
  | { kind: 'passages'; key: string; hit: PassageHit }
  | { kind: 'claims'; key: string; hit: ClaimHit }
  | { kind: 'entities'; key: string; hit: EntityHit }
  | { kind: 'notebooks'; key: string; hit: NotebookHit };

export interface SearchGroup {
  kind: SearchKind;
  /** unique in the list: passages come as one group per source */
  key: string;
  label: string;
  /** the kind's heading, shown above its first group when the label is the source's title */
  heading?: string;
  /** passages: the work they are in and its files, the hits opening the one chosen */
  source?: { sourceId: SourceId; files: { documentId: DocumentId; mediaType: MediaType }[] };
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
  // passages under their source (shared/source-groups.ts), sources in the order of their best hit
  const passages: SearchGroup[] = groupBySource(results.passages).map((g, i) => ({
    kind: 'passages',
    key: `passages-${g.sourceId}`,
    label: g.hits[0]!.documentTitle,
    heading: i === 0 ? GROUP_LABELS.passages : undefined,
    source: { sourceId: g.sourceId, files: g.files },
    more: results.more.passages,
    options: g.hits.map((hit, j) => ({
      kind: 'passages',
      key: `p-${i}-${j}-${hit.documentId}-${hit.start}`,
      hit,
    })),
  }));
  const groups: SearchGroup[] = [
    ...passages,
    {
      kind: 'claims',
      key: 'claims',
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
      key: 'entities',
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
      key: 'notebooks',
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
