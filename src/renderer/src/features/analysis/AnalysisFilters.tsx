import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import type { AnalysisFilter } from '../../../../shared/api-analysis';
import {
  CREDIBILITIES,
  RELIABILITIES,
  type Credibility,
  type Reliability,
} from '../../../../shared/grading';
import { invoke } from '../../api';

export type FilterField = 'grade' | 'date' | 'document' | 'tag' | 'type';

interface Props {
  filter: AnalysisFilter;
  onChange: (filter: AnalysisFilter) => void;
  show: FilterField[];
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The filters the board, the timeline and the network share: grade, date, document, tag, type. */
export function AnalysisFilters({ filter, onChange, show }: Props) {
  const id = useId();
  const documents = useQuery({
    queryKey: ['documents'],
    queryFn: () => invoke('documents.list', {}),
    enabled: show.includes('document'),
  });
  const set = (patch: Partial<AnalysisFilter>) => {
    const next = { ...filter, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as AnalysisFilter);
  };
  const date = (value: string) => (DATE.test(value) ? value : undefined);
  return (
    <div className="analysis-filters" role="group" aria-label="Filters">
      {show.includes('grade') && (
        <>
          <label htmlFor={`${id}-rel`}>Source at least</label>
          <select
            id={`${id}-rel`}
            value={filter.minReliability ?? ''}
            onChange={(e) =>
              set({ minReliability: (e.target.value || undefined) as Reliability | undefined })
            }
          >
            <option value="">any</option>
            {RELIABILITIES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-cred`}>Credibility at least</label>
          <select
            id={`${id}-cred`}
            value={filter.minCredibility ?? ''}
            onChange={(e) =>
              set({
                minCredibility: e.target.value
                  ? (Number(e.target.value) as Credibility)
                  : undefined,
              })
            }
          >
            <option value="">any</option>
            {CREDIBILITIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </>
      )}
      {show.includes('date') && (
        <>
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            className="date-input"
            placeholder="2015"
            defaultValue={filter.from ?? ''}
            onBlur={(e) => set({ from: date(e.target.value.trim()) })}
          />
          <label htmlFor={`${id}-to`}>to</label>
          <input
            id={`${id}-to`}
            className="date-input"
            placeholder="2019-12"
            defaultValue={filter.to ?? ''}
            onBlur={(e) => set({ to: date(e.target.value.trim()) })}
          />
        </>
      )}
      {show.includes('document') && (
        <>
          <label htmlFor={`${id}-doc`}>Document</label>
          <select
            id={`${id}-doc`}
            value={filter.documentId ?? ''}
            onChange={(e) =>
              set({ documentId: (e.target.value || undefined) as AnalysisFilter['documentId'] })
            }
          >
            <option value="">all</option>
            {(documents.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.meta.title}
              </option>
            ))}
          </select>
        </>
      )}
      {show.includes('tag') && (
        <>
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input
            id={`${id}-tag`}
            className="tag-input"
            defaultValue={filter.tag ?? ''}
            onBlur={(e) => set({ tag: e.target.value.trim() || undefined })}
          />
        </>
      )}
      {show.includes('type') && (
        <>
          <label htmlFor={`${id}-type`}>Type</label>
          <input
            id={`${id}-type`}
            className="tag-input"
            defaultValue={filter.type ?? ''}
            onBlur={(e) => set({ type: e.target.value.trim() || undefined })}
          />
        </>
      )}
    </div>
  );
}
