import { importSummary } from './importSummary';
import type { ImportItem, ImportStatus } from './useImportQueue';

const STATUS_TEXT: Record<ImportStatus, string> = {
  waiting: 'Waiting',
  importing: 'Importing…',
  imported: 'Imported',
  duplicate: 'Already in the workspace',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

interface Props {
  items: readonly ImportItem[];
  running: boolean;
  onCancel: () => void;
  onClose: () => void;
}

/** Per-file import status with an overall progress bar; stays until closed so failures are read. */
export function ImportPanel({ items, running, onCancel, onClose }: Props) {
  if (items.length === 0) return null;
  const done = items.filter((i) => i.status !== 'waiting' && i.status !== 'importing').length;
  const summary = importSummary(items, running);
  return (
    <section className="import-panel" aria-label="Import">
      <div className="import-head">
        <p className="import-summary" aria-live="polite">
          {summary}
        </p>
        {running ? (
          <button type="button" className="btn btn-small" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={onClose}
            aria-label="Close import progress"
          >
            ✕
          </button>
        )}
      </div>
      <progress
        className="import-bar"
        max={items.length}
        value={done}
        aria-label="Overall import progress"
      />
      <ul className="import-list" aria-label="Import progress">
        {items.map((it) => (
          <li key={it.key} className={`import-item is-${it.status}`}>
            <span className="import-name" title={it.fileName}>
              {it.fileName}
            </span>
            <span className="import-status">
              {it.status === 'importing' && <span className="spinner" aria-hidden="true" />}
              {it.progress ?? STATUS_TEXT[it.status]}
            </span>
            {it.message && <span className="import-error">{it.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
