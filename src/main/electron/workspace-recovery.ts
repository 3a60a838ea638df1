/**
 * Opening the workspace in the desktop app, with a way out when it cannot be opened: a damaged
 * database (quick_check failed; nothing was written to it) or one from a newer Claimdesk. The app
 * explains and offers to restore the latest backup (when there is one and it could help) or to open
 * another workspace folder; quitting leaves everything as it was.
 */
import type { Dialog } from 'electron';
import { join } from 'node:path';
import { backupDir, latestBackup, restoreBackupOffline } from '../backup';
import type { OpenOptions } from '../db/open';
import { WorkspaceError } from '../errors';

export interface RecoveryDeps<B> {
  /** opens a workspace; throws WorkspaceError when it cannot */
  open: (dataDir: string) => B;
  dialog: Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>;
  /** the latest backup's file name, or null when the workspace has none */
  latestBackup: (dataDir: string) => string | null;
  /** restores it while the workspace is closed (keeping the damaged files aside) */
  restoreLatest: (dataDir: string) => Promise<unknown>;
}

/** Opens `dataDir`, or what the researcher chooses instead; null when they chose to quit. */
export async function openWithRecovery<B>(
  dataDir: string,
  deps: RecoveryDeps<B>,
): Promise<B | null> {
  let dir = dataDir;
  for (;;) {
    try {
      return deps.open(dir);
    } catch (error) {
      if (!(error instanceof WorkspaceError)) throw error;
      const backup = error.code === 'corrupt' ? deps.latestBackup(dir) : null;
      const buttons = [
        ...(backup ? ['Restore latest backup'] : []),
        'Open another workspace…',
        'Quit',
      ];
      const { response } = await deps.dialog.showMessageBox({
        type: 'error',
        title: 'Claimdesk cannot open this workspace',
        message: 'Claimdesk cannot open this workspace.',
        detail:
          `${error.message}\n\n` +
          (backup
            ? `You can restore the latest backup (${backup}); the damaged files are kept aside, not deleted. `
            : error.code === 'corrupt'
              ? 'There is no backup of this workspace yet. '
              : '') +
          'You can also open another workspace folder, or quit and leave everything as it is.',
        buttons,
        defaultId: 0,
        cancelId: buttons.length - 1,
        noLink: true,
      });
      const choice = buttons[response];
      if (choice === 'Restore latest backup') {
        try {
          await deps.restoreLatest(dir);
        } catch (restoreError) {
          await deps.dialog.showMessageBox({
            type: 'error',
            message: 'The backup could not be restored.',
            detail: restoreError instanceof Error ? restoreError.message : String(restoreError),
            buttons: ['OK'],
          });
        }
        continue;
      }
      if (choice === 'Open another workspace…') {
        const picked = await deps.dialog.showOpenDialog({
          title: 'Open another workspace',
          buttonLabel: 'Open workspace',
          properties: ['openDirectory', 'createDirectory'],
        });
        if (!picked.canceled && picked.filePaths[0]) dir = picked.filePaths[0];
        continue;
      }
      return null;
    }
  }
}

/** `latestBackup` and `restoreLatest` over the workspace's backups folder (backup.ts). */
export function backupRecovery(
  options: OpenOptions = {},
): Pick<RecoveryDeps<unknown>, 'latestBackup' | 'restoreLatest'> {
  const latest = (dataDir: string): string | null => {
    try {
      return latestBackup(dataDir).fileName;
    } catch {
      return null;
    }
  };
  return {
    latestBackup: latest,
    restoreLatest: async (dataDir) => {
      const name = latest(dataDir);
      if (!name) throw new Error('There is no backup of this workspace.');
      return restoreBackupOffline(dataDir, join(backupDir(dataDir), name), options);
    },
  };
}
