import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/api-search';
import { invoke, RpcError, type FileProgress } from '../../api';
import { saveFile } from '../../lib/download';
import { errorMessage } from '../shell/useToasts';
import { describeClaimsImport } from './format';
import { leaveNotice } from './notice';

export type Busy =
  'backup' | 'restore' | 'bundle-export' | 'bundle-import' | 'claims-import' | null;

export interface Outcome {
  title: string;
  lines: string[];
  ok: boolean;
}

interface Options {
  dataDir: string | null;
  onStatus: (message: string) => void;
  onError: (message: string) => void;
  /** claims, entities or documents changed (an import): reload what is shown */
  onChanged: () => void;
}

/**
 * What the workspace dialog does: list and make backups, restore one, export and import the
 * workspace bundle, merge a claims JSON. One task at a time (`busy`); each ends in an `outcome`
 * shown in the dialog, and a failure is also reported as an error.
 */
export function useWorkspaceTasks({ dataDir, onStatus, onError, onChanged }: Options) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [made, setMade] = useState<BackupInfo | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [transfer, setTransfer] = useState<FileProgress | null>(null);
  const [replacing, setReplacing] = useState<{ file: File; message: string } | null>(null);
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

  return {
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
  };
}
