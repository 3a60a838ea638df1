import { useState } from 'react';
import type { ClaimFilter } from '../../../../shared/api-search';
import type { FileProgress } from '../../api';
import { describeProgress, saveFile } from '../../lib/download';
import { errorMessage } from '../shell/useToasts';
import { cleanFilter } from './model';

type Format = 'json' | 'csv' | 'w3c';
const FORMATS: { format: Format; label: string; what: string }[] = [
  { format: 'json', label: 'Export JSON', what: 'claims JSON with provenance and entities' },
  { format: 'csv', label: 'Export CSV', what: 'CSV for spreadsheets, one row per claim' },
  { format: 'w3c', label: 'Export W3C', what: 'W3C Web Annotations (JSON-LD)' },
];

interface Props {
  filter: ClaimFilter;
  /** what the filter selects, for the buttons' descriptions */
  scope: string;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}

/** Exports exactly the claims the table's filter selects (the sort is the table's own). */
export function ExportButtons({ filter, scope, onDone, onError }: Props) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [progress, setProgress] = useState<FileProgress>({ received: 0, total: null });
  const run = async (format: Format) => {
    setBusy(format);
    setProgress({ received: 0, total: null });
    try {
      const clean = cleanFilter(filter);
      const fileName = await saveFile(
        'export.claims',
        { format, ...(Object.keys(clean).length > 0 ? { filter: clean } : {}) },
        setProgress,
      );
      onDone(`Exported ${scope} to ${fileName}`);
    } catch (e) {
      onError(errorMessage(e, 'export the claims'));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="ct-exports" role="group" aria-label="Export the claims shown">
      {FORMATS.map(({ format, label, what }) => (
        <button
          key={format}
          type="button"
          className="btn btn-small"
          title={`${what}: ${scope}`}
          disabled={busy !== null}
          aria-busy={busy === format}
          onClick={() => void run(format)}
        >
          {busy === format && <span className="spinner" aria-hidden="true" />}
          {label}
        </button>
      ))}
      {busy !== null && (
        <span className="ct-export-progress" role="status">
          <progress
            value={progress.total === null ? undefined : progress.received}
            max={progress.total ?? undefined}
            aria-label="Export progress"
          />
          {describeProgress(progress)}
        </span>
      )}
    </div>
  );
}
