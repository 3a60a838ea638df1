import { useId } from 'react';
import { CERTAINTIES, REVIEW_STATUSES, type Claim } from '../../../../shared/model';
import { NO_FILTER, isFiltering, type PanelFilter } from './panelFilter';

interface Props {
  claims: readonly Claim[];
  filter: PanelFilter;
  onFilter: (filter: PanelFilter) => void;
}

/** The claims panel's filter: words (statement, note, tags, names), type, certainty, status. */
export function ClaimsFilterBar({ claims, filter, onFilter }: Props) {
  const id = useId();
  const types = [...new Set(claims.map((c) => c.type))].sort();
  const set = (patch: Partial<PanelFilter>) => onFilter({ ...filter, ...patch });
  const select = (
    key: 'type' | 'certainty' | 'status',
    label: string,
    values: readonly string[],
  ) => (
    <select
      className="input select claims-filter-select"
      aria-label={`Filter by ${label.toLowerCase()}`}
      value={filter[key]}
      onChange={(e) => set({ [key]: e.target.value })}
    >
      <option value="">{label}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {v}
        </option>
      ))}
    </select>
  );
  return (
    <div className="claims-filter" role="search" aria-label="Filter claims">
      <input
        id={`${id}-text`}
        type="search"
        className="input claims-filter-text"
        aria-label="Filter claims by words"
        placeholder="Filter: words, names, tags"
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && isFiltering(filter)) {
            e.stopPropagation();
            onFilter(NO_FILTER);
          }
        }}
      />
      <div className="claims-filter-fields">
        {select('type', 'Type', types)}
        {select('certainty', 'Certainty', CERTAINTIES)}
        {select('status', 'Status', REVIEW_STATUSES)}
      </div>
    </div>
  );
}
