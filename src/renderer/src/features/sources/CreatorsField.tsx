import type { CreatorRole, CreatorRow } from './cslForm';

interface Props {
  role: CreatorRole;
  rows: CreatorRow[];
  /** where these creators were found, while unconfirmed */
  found: string | null;
  onChange: (rows: CreatorRow[]) => void;
}

const LABELS: Record<CreatorRole, { one: string; many: string }> = {
  author: { one: 'Author', many: 'Authors' },
  editor: { one: 'Editor', many: 'Editors' },
};

/**
 * Creators of one role as a list: family and given name per row (a row without a given name is
 * kept whole, as organizations are), in citation order, which ↑ changes.
 */
export function CreatorsField({ role, rows, found, onChange }: Props) {
  const { one, many } = LABELS[role];
  const set = (i: number, patch: Partial<CreatorRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const up = (i: number) =>
    onChange([...rows.slice(0, i - 1), rows[i]!, rows[i - 1]!, ...rows.slice(i + 1)]);
  return (
    <fieldset className="metadata-field is-wide creators">
      <legend className="field-label">
        {many}
        {role === 'author' && (
          <span className="metadata-hint"> · an organization: its name as family name</span>
        )}
        {found && <span className="found-badge">found in {found}</span>}
      </legend>
      {rows.map((row, i) => (
        <div key={i} className="creator-row">
          <input
            className="input"
            aria-label={`${one} ${i + 1} family name`}
            placeholder="Family name"
            value={row.family}
            autoComplete="off"
            onChange={(e) => set(i, { family: e.target.value })}
          />
          <input
            className="input"
            aria-label={`${one} ${i + 1} given name`}
            placeholder="Given name"
            value={row.given}
            autoComplete="off"
            onChange={(e) => set(i, { given: e.target.value })}
          />
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Move ${one.toLowerCase()} ${i + 1} up`}
            title="Move up"
            disabled={i === 0}
            onClick={() => up(i)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Remove ${one.toLowerCase()} ${i + 1}`}
            title="Remove"
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
        Add {one.toLowerCase()}
      </button>
    </fieldset>
  );
}
