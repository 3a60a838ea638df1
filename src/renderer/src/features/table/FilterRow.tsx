import { useEffect, useRef, useState } from 'react';
import type { ClaimFilter } from '../../../../shared/api-search';
import {
  CERTAINTIES,
  CLAIM_TYPES,
  REVIEW_STATUSES,
  type DocumentSummary,
  type EntityId,
} from '../../../../shared/model';
import { documentTitle } from '../../lib/format';
import { EntityPicker, type EntityChoice } from './EntityPicker';
import { dateBoundProblem } from './model';

interface Props {
  filter: ClaimFilter;
  names: ReadonlyMap<string, string>;
  documents: readonly DocumentSummary[];
  onPatch: (patch: Partial<ClaimFilter>, names?: Record<string, string>) => void;
}

const TYPING_MS = 300;

/** A text filter that applies once typing pauses (or on Enter), and follows outside changes. */
function TextFilter(props: {
  label: string;
  value: string | undefined;
  placeholder?: string;
  problem?: (v: string) => string | null;
  onApply: (v: string) => void;
  className?: string;
}) {
  const { label, value = '', placeholder, problem, onApply, className } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const error = problem?.(draft) ?? null;
  const apply = useRef(onApply);
  apply.current = onApply;
  useEffect(() => {
    if (draft === value || error) return;
    const timer = setTimeout(() => apply.current(draft), TYPING_MS);
    return () => clearTimeout(timer);
  }, [draft, value, error]);
  return (
    <input
      className={`input ct-input ${className ?? ''}`}
      aria-label={label}
      aria-invalid={error ? true : undefined}
      title={error ?? undefined}
      placeholder={placeholder}
      spellCheck={false}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !error) onApply(draft);
        if (e.key === 'Escape' && draft !== value) {
          e.stopPropagation();
          setDraft(value);
        }
      }}
    />
  );
}

function choiceOf(
  id: EntityId | null | undefined,
  names: ReadonlyMap<string, string>,
): EntityChoice {
  if (id === undefined || id === null) return id;
  return { id, name: names.get(id) ?? 'Unnamed entity' };
}

/**
 * The filter controls, one per column, as the second header row: each filter sits under the column
 * it narrows. Every field narrows the result (AND).
 */
export function FilterRow({ filter, names, documents, onPatch }: Props) {
  const types =
    filter.type && !CLAIM_TYPES.includes(filter.type as never)
      ? [...CLAIM_TYPES, filter.type]
      : CLAIM_TYPES;
  const pick = (key: 'claimantId' | 'subjectId') => (choice: EntityChoice) =>
    onPatch(
      { [key]: choice === undefined ? undefined : choice === null ? null : choice.id },
      choice ? { [choice.id]: choice.name } : undefined,
    );
  const select = <K extends keyof ClaimFilter>(
    key: K,
    value: string,
    parse?: (v: string) => ClaimFilter[K],
  ) =>
    onPatch({
      [key]: value === '' ? undefined : parse ? parse(value) : value,
    } as Partial<ClaimFilter>);

  return (
    <tr className="ct-filters">
      <td colSpan={2}>
        <TextFilter
          label="Filter text"
          placeholder="Words in statement, quote or note"
          value={filter.text}
          onApply={(text) => onPatch({ text })}
        />
      </td>
      <td>
        <select
          className="input ct-input"
          aria-label="Filter by document"
          value={filter.documentId ?? ''}
          onChange={(e) =>
            select('documentId', e.target.value, (v) => v as ClaimFilter['documentId'])
          }
        >
          <option value="">All</option>
          {documents.map((d) => (
            <option key={d.id} value={d.id}>
              {documentTitle(d)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TextFilter
          label="Filter by page"
          value={filter.page}
          onApply={(page) => onPatch({ page })}
        />
      </td>
      <td>
        <EntityPicker
          label="Filter by claimant"
          noneLabel="No claimant"
          value={choiceOf(filter.claimantId, names)}
          onChange={pick('claimantId')}
        />
      </td>
      <td>
        <EntityPicker
          label="Filter by subject"
          value={choiceOf(filter.subjectId, names)}
          onChange={pick('subjectId')}
        />
      </td>
      <td>
        <select
          className="input ct-input"
          aria-label="Filter by type"
          value={filter.type ?? ''}
          onChange={(e) => select('type', e.target.value)}
        >
          <option value="">Any</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          className="input ct-input"
          aria-label="Filter by certainty"
          value={filter.certainty === null ? '-' : (filter.certainty ?? '')}
          onChange={(e) =>
            onPatch({
              certainty:
                e.target.value === ''
                  ? undefined
                  : e.target.value === '-'
                    ? null
                    : (e.target.value as ClaimFilter['certainty']),
            })
          }
        >
          <option value="">Any</option>
          {CERTAINTIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          <option value="-">not set</option>
        </select>
      </td>
      <td>
        <div className="ct-dates">
          <TextFilter
            label="Event date from"
            placeholder="from"
            value={filter.eventDate?.from}
            problem={dateBoundProblem}
            onApply={(from) => onPatch({ eventDate: { ...filter.eventDate, from } })}
          />
          <TextFilter
            label="Event date to"
            placeholder="to"
            value={filter.eventDate?.to}
            problem={dateBoundProblem}
            onApply={(to) => onPatch({ eventDate: { ...filter.eventDate, to } })}
          />
        </div>
      </td>
      <td>
        <TextFilter label="Filter by tag" value={filter.tag} onApply={(tag) => onPatch({ tag })} />
      </td>
      <td>
        <select
          className="input ct-input"
          aria-label="Filter by status"
          value={filter.status ?? ''}
          onChange={(e) => select('status', e.target.value, (v) => v as ClaimFilter['status'])}
        >
          <option value="">Any</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          className="input ct-input"
          aria-label="Filter by relations"
          value={filter.hasRelations === undefined ? '' : filter.hasRelations ? 'yes' : 'no'}
          onChange={(e) =>
            onPatch({ hasRelations: e.target.value === '' ? undefined : e.target.value === 'yes' })
          }
        >
          <option value="">Any</option>
          <option value="yes">Some</option>
          <option value="no">None</option>
        </select>
      </td>
    </tr>
  );
}
