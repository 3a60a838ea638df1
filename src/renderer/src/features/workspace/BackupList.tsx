import { useId } from 'react';
import type { BackupInfo } from '../../../../shared/api-search';
import { BACKUP_KIND_LABEL, backupDate, formatBytes } from './format';

interface Props {
  backups: BackupInfo[] | null;
  /** the one just made */
  highlight: string | null;
  disabled: boolean;
  onRestore: (backup: BackupInfo) => void;
}

export function BackupList({ backups, highlight, disabled, onRestore }: Props) {
  const id = useId();
  if (backups === null) return <p className="ws-note">Loading the backups…</p>;
  if (backups.length === 0) return <p className="ws-note">No backups yet.</p>;
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="ws-backups">
      <table className="ws-table" aria-label="Backups">
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">How</th>
            <th scope="col" className="ws-num">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((b, i) => (
            <tr key={b.fileName} className={b.fileName === highlight ? 'is-new' : undefined}>
              <td id={`${id}-${i}`} title={b.fileName}>
                {backupDate(b.createdAt)}
              </td>
              <td>{BACKUP_KIND_LABEL[b.kind]}</td>
              <td className="ws-num">{formatBytes(b.byteSize)}</td>
              <td className="ws-act">
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  disabled={disabled}
                  aria-describedby={`${id}-${i}`}
                  onClick={() => onRestore(b)}
                >
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
