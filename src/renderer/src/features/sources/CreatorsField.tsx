import { useId } from 'react';
import type { CreatorRow } from './cslForm';

interface Props {
  rows: CreatorRow[];
  /** where the authors were found, while unconfirmed */
  found: string | null;
  onChange: (rows: CreatorRow[]) => void;
}

/** Authors as a list: family and given name per row; a row without a given name is kept whole. */
export function CreatorsField({ rows, found, onChange }: Props) {
  const id = useId();
  const set = (i: number, patch: Partial<CreatorRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="metadata-field is-wide creators">
      <legend className="field-label">
        Authors
        <span className="metadata-hint"> · an organization: its name as family name</span>
        {found && <span className="found-badge">found in {found}</span>}
      </legend>
      {rows.map((row, i) => (
        <div key={i} className="creator-row">
          <input
            className="input"
            aria-label={`Author ${i + 1} family name`}
            id={`${id}-${i}-family`}
            value={row.family}
            autoComplete="off"
            onChange={(e) => set(i, { family: e.target.value })}
          />
          <input
            className="input"
            aria-label={`Author ${i + 1} given name`}
            value={row.given}
            autoComplete="off"
            onChange={(e) => set(i, { given: e.target.value })}
          />
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Remove author ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange([...rows, { family: '', given: '' }])}
      >
        Add author
      </button>
    </fieldset>
  );
}
