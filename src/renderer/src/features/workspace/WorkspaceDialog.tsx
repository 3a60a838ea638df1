import { useEffect, useId, useRef, useState } from 'react';
import type { BackupInfo } from '../../../../shared/api-search';
import { invoke, RpcError, type FileProgress } from '../../api';
import { describeProgress, saveFile } from '../../lib/download';
import { Modal } from '../../lib/Modal';
import { errorMessage } from '../shell/useToasts';
import { BackupList } from './BackupList';
import { describeClaimsImport } from './format';
import { leaveNotice } from './notice';
import { RestoreConfirm } from './RestoreConfirm';

interface Props {
  dataDir: string | null;
  onClose: () => void;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
  /** claims, entities or documents changed (an import): reload what is shown */
  onChanged: () => void;
}

type Busy = 'backup' | 'restore' | 'bundle-export' | 'bundle-import' | 'claims-import' | null;

interface Outcome {
  title: string;
  lines: string[];
  ok: boolean;
}

/**
 * Workspace safety and portability: backups (make one now, restore one), the lossless workspace
 * bundle, and merging claims exported from another workspace.
 */
export function WorkspaceDialog({ dataDir, onClose, onStatus, onError, onChanged }: Props) {
  const id = useId();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [made, setMade] = useState<BackupInfo | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [transfer, setTransfer] = useState<FileProgress | null>(null);
  const [replacing, setReplacing] = useState<{ file: File; message: string } | null>(null);
  const bundleInput = useRef<HTMLInputElement>(null);
  const claimsInput = useRef<HTMLInputElement>(null);
  const backupDir = dataDir ? `${dataDir}/backups` : 'the workspace’s backups folder';

  const loadBackups = () =>
    invoke('backup.list', {}).then(setBackups, (e: unknown) => {
      setBackups([]);
      onError(errorMessage(e, 'list the backups'));
    });
  useEffect(() => {
    void loadBackups();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the dialog opens
  }, []);

  const run = async (what: Exclude<Busy, null>, task: () => Promise<void>, doing: string) => {
    setBusy(what);
    setOutcome(null);
    try {
      await task();
    } catch (e) {
      const message = errorMessage(e, doing);
      setOutcome({ title: 'That did not work', lines: [message], ok: false });
      onError(message);
    } finally {
      setBusy(null);
    }
  };

  const backupNow = () =>
    run(
      'backup',
      async () => {
        const info = await invoke('backup.now', {});
        setMade(info);
        onStatus(`Backed up to ${backupDir}/${info.fileName}`);
        await loadBackups();
      },
      'make a backup',
    );

  const restore = (backup: BackupInfo) =>
    run(
      'restore',
      async () => {
        const result = await invoke('backup.restore', { fileName: backup.fileName });
        leaveNotice(
          `Restored the backup ${result.restored.fileName}. The workspace as it was before is saved as ${result.safetyCopy.fileName}.`,
        );
        // every view holds data from before the restore: start over from the backend
        window.location.reload();
      },
      'restore the backup',
    );

  const exportBundle = () =>
    run(
      'bundle-export',
      async () => {
        setTransfer({ received: 0, total: null });
        const fileName = await saveFile('bundle.export', {}, setTransfer).finally(() =>
          setTransfer(null),
        );
        onStatus(`Exported the workspace bundle ${fileName}`);
        setOutcome({
          title: 'Workspace bundle exported',
          lines: [`Saved as ${fileName} in your downloads.`],
          ok: true,
        });
      },
      'export the workspace bundle',
    );

  const importBundle = (file: File, replace = false) =>
    run(
      'bundle-import',
      async () => {
        let result;
        try {
          result = await invoke('bundle.import', { text: await file.text(), replace });
        } catch (e) {
          // the workspace holds work of its own: the researcher chooses, nothing is replaced silently
          if (e instanceof RpcError && e.reason === 'replace_required') {
            setReplacing({ file, message: e.message });
            return;
          }
          throw e;
        }
        const counts = Object.entries(result.counts)
          .filter(([, n]) => n > 0)
          .map(([table, n]) => `${n.toLocaleString()} ${table.replaceAll('_', ' ')}`);
        setOutcome({
          title: `Imported ${file.name}`,
          lines: [
            counts.length > 0 ? `Imported ${counts.join(', ')}.` : 'The bundle was empty.',
            ...(result.backup
              ? [`The workspace as it was before is saved as the backup ${result.backup}.`]
              : []),
          ],
          ok: true,
        });
        onStatus(`Imported the workspace bundle ${file.name}`);
        onChanged();
      },
      'import the workspace bundle',
    );

  const importClaims = (file: File) =>
    run(
      'claims-import',
      async () => {
        const result = await invoke('claims.importJson', { text: await file.text() });
        setOutcome({
          title: `Imported claims from ${file.name}`,
          lines: describeClaimsImport(result),
          ok: result.skipped.length === 0,
        });
        onStatus(
          `Claims import: ${result.claims.created} new, ${result.claims.updated} updated, ${result.claims.unchanged} already in the workspace, ${result.skipped.length} skipped`,
        );
        onChanged();
      },
      'import the claims',
    );

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
