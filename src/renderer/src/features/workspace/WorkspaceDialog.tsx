import { useId, useRef, useState } from 'react';
import type { BackupInfo } from '../../../../shared/api-search';
import { describeProgress } from '../../lib/download';
import { Modal } from '../../lib/Modal';
import { BackupList } from './BackupList';
import { RestoreConfirm } from './RestoreConfirm';
import { useWorkspaceTasks } from './useWorkspaceTasks';

interface Props {
  dataDir: string | null;
  onClose: () => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
  /** claims, entities or documents changed (an import): reload what is shown */
  onChanged: () => void;
}

/**
 * Workspace safety and portability: backups (make one now, restore one), the lossless workspace
 * bundle, and merging claims exported from another workspace.
 */
export function WorkspaceDialog({ dataDir, onClose, onStatus, onError, onChanged }: Props) {
  const id = useId();
  const {
    backups,
    busy,
    made,
    outcome,
    transfer,
    replacing,
    setReplacing,
    backupDir,
    backupNow,
    restore,
    exportBundle,
    importBundle,
    importClaims,
  } = useWorkspaceTasks({ dataDir, onStatus, onError, onChanged });
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const bundleInput = useRef<HTMLInputElement>(null);
  const claimsInput = useRef<HTMLInputElement>(null);

  const picked = (input: HTMLInputElement | null, then: (file: File) => void) => {
    const file = input?.files?.[0];
    if (input) input.value = '';
    if (file) then(file);
  };

  return (
    <Modal title="Workspace" onClose={() => busy !== 'restore' && onClose()} className="ws-dialog">
      <p className="ws-folder">
        Folder <code>{dataDir ?? '…'}</code>
      </p>
      {restoring ? (
        <RestoreConfirm
          backup={restoring}
          busy={busy === 'restore'}
          onConfirm={() => void restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      ) : (
        <>
          <section className="ws-section" aria-labelledby={`${id}-backups`}>
            <div className="ws-section-head">
              <h3 id={`${id}-backups`} className="ws-heading">
                Backups
              </h3>
              <button
                type="button"
                className="btn btn-small btn-primary"
                disabled={busy !== null}
                aria-busy={busy === 'backup'}
                onClick={() => void backupNow()}
              >
                {busy === 'backup' && <span className="spinner" aria-hidden="true" />}
                Backup now
              </button>
            </div>
            <p className="ws-note" role="status">
              {made
                ? `Saved ${made.fileName} in ${backupDir}.`
                : 'Claimdesk also backs up on its own while you work, keeping the last 10 and one a day for a week.'}
            </p>
            <BackupList
              backups={backups}
              highlight={made?.fileName ?? null}
              disabled={busy !== null}
              onRestore={setRestoring}
            />
          </section>

          <section className="ws-section" aria-labelledby={`${id}-move`}>
            <h3 id={`${id}-move`} className="ws-heading">
              Move and merge
            </h3>
            <div className="ws-actions">
              <button
                type="button"
                className="btn btn-small"
                disabled={busy !== null}
                aria-busy={busy === 'bundle-export'}
                onClick={() => void exportBundle()}
              >
                {busy === 'bundle-export' && <span className="spinner" aria-hidden="true" />}
                Export workspace bundle
              </button>
              <p className="ws-note">
                One file with every document, claim, entity and setting: the whole workspace, to
                move it or keep it.
              </p>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy !== null}
                aria-busy={busy === 'bundle-import'}
                onClick={() => bundleInput.current?.click()}
              >
                {busy === 'bundle-import' && <span className="spinner" aria-hidden="true" />}
                Import workspace bundle…
              </button>
              <p className="ws-note">
                Only into an empty workspace (start Claimdesk with a new folder). To add another
                workspace’s claims to this one, import its claims JSON instead.
              </p>
              <button
                type="button"
                className="btn btn-small"
                disabled={busy !== null}
                aria-busy={busy === 'claims-import'}
                onClick={() => claimsInput.current?.click()}
              >
                {busy === 'claims-import' && <span className="spinner" aria-hidden="true" />}
                Import claims JSON…
              </button>
              <p className="ws-note">
                Merges claims exported from another workspace, never duplicating: a claim already
                here with other content is kept and reported as a conflict; their documents must be
                here.
              </p>
            </div>
            <input
              ref={bundleInput}
              type="file"
              accept=".jsonl,application/jsonl"
              hidden
              aria-label="Workspace bundle file"
              onChange={(e) => picked(e.currentTarget, (f) => void importBundle(f))}
            />
            <input
              ref={claimsInput}
              type="file"
              accept=".json,application/json"
              hidden
              aria-label="Claims JSON file"
              onChange={(e) => picked(e.currentTarget, (f) => void importClaims(f))}
            />
            {replacing && (
              <div
                className="ws-outcome is-problem"
                role="alertdialog"
                aria-labelledby={`${id}-replace`}
              >
                <p id={`${id}-replace`}>{replacing.message}</p>
                <div className="ws-replace-actions">
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => {
                      const { file } = replacing;
                      setReplacing(null);
                      void importBundle(file, true);
                    }}
                  >
                    Back up, then replace with the bundle
                  </button>
                  <button
                    type="button"
                    className="btn"
                    autoFocus
                    onClick={() => setReplacing(null)}
                  >
                    Keep this workspace
                  </button>
                </div>
              </div>
            )}
            {busy && busy !== 'backup' && (
              <progress
                className="ws-progress"
                aria-label="Working on the workspace"
                value={transfer?.total ? transfer.received : undefined}
                max={transfer?.total ?? undefined}
              />
            )}
            {transfer && (
              <p className="ws-note" role="status">
                {describeProgress(transfer)}
              </p>
            )}
            {outcome && (
              <div className={`ws-outcome${outcome.ok ? '' : ' is-problem'}`} role="status">
                <p className="ws-outcome-title">{outcome.title}</p>
                {outcome.lines.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </div>
            )}
          </section>
        </>
      )}
      {!restoring && (
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        </div>
      )}
    </Modal>
  );
}
