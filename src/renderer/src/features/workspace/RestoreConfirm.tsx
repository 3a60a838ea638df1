import { useEffect, useId, useRef } from 'react';
import type { BackupInfo } from '../../../../shared/api-search';
import { backupDate } from './format';

interface Props {
  backup: BackupInfo;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says what a restore does before it happens; Cancel has the focus, so Enter is the safe choice. */
export function RestoreConfirm({ backup, busy, onConfirm, onCancel }: Props) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  const when = backupDate(backup.createdAt);
  return (
    <section className="ws-confirm" aria-labelledby={`${id}-title`} aria-describedby={`${id}-what`}>
      <h3 id={`${id}-title`} className="ws-heading">
        Restore the backup from {when}?
      </h3>
      <div id={`${id}-what`} className="ws-confirm-text">
        <p>
          The workspace goes back to how it was at {when}: documents, claims, entities and saved
          filters added or changed since then will no longer be in it.
        </p>
        <p>
          Nothing is lost for good: first, Claimdesk saves the workspace as it is now as a “before a
          restore” backup, which you can restore to undo this.
        </p>
        <p>When the restore is done, Claimdesk reloads so every view shows the restored data.</p>
      </div>
      {busy && <progress className="ws-progress" aria-label="Restoring the backup" />}
      <div className="modal-actions">
        <button ref={cancelRef} type="button" className="btn" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
          {busy ? 'Restoring…' : 'Restore this backup'}
        </button>
      </div>
    </section>
  );
}
