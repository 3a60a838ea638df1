import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../backend';
import { backupDir, backupNow } from '../backup';
import { DATABASE_FILE } from '../db/open';
import { WorkspaceError } from '../errors';
import { SAMPLE_TEXT, enc, tempDir } from '../test/workspace';
import { backupRecovery, openWithRecovery, type RecoveryDeps } from './workspace-recovery';

/** A dialog that answers with the button labelled `choose` (and records what it was shown). */
function fakeDialog(choose: string[], folder?: string) {
  const shown: { buttons: string[]; detail: string }[] = [];
  const showMessageBox = vi.fn((options: { buttons?: string[]; detail?: string }) => {
    const buttons = options.buttons ?? [];
    shown.push({ buttons, detail: options.detail ?? '' });
    const label = buttons.length > 1 ? choose.shift() : buttons[0];
    return Promise.resolve({
      response: Math.max(0, buttons.indexOf(label!)),
      checkboxChecked: false,
    });
  });
  const showOpenDialog = vi.fn(() =>
    Promise.resolve(
      folder ? { canceled: false, filePaths: [folder] } : { canceled: true, filePaths: [] },
    ),
  );
  const dialog = { showMessageBox, showOpenDialog } as unknown as RecoveryDeps<unknown>['dialog'];
  return { shown, showMessageBox, dialog };
}

const damaged = () => new WorkspaceError('corrupt', 'The workspace database is damaged (test).');
const newer = () =>
  new WorkspaceError('newer_version', 'This workspace was saved by a newer version of Claimdesk.');

function deps<B>(
  over: Partial<RecoveryDeps<B>> & Pick<RecoveryDeps<B>, 'open' | 'dialog'>,
): RecoveryDeps<B> {
  return {
    latestBackup: () => 'claimdesk-20260101-120000.sqlite',
    restoreLatest: () => Promise.resolve(),
    ...over,
  };
}

describe('opening a workspace that cannot be opened (desktop shell)', () => {
  it('opens a sound workspace without asking anything', async () => {
    const { dialog, showMessageBox } = fakeDialog([]);
    expect(await openWithRecovery('/w', deps({ open: (dir) => `opened ${dir}`, dialog }))).toBe(
      'opened /w',
    );
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('explains a damaged workspace and offers the latest backup, another workspace, or quitting', async () => {
    const { dialog, shown } = fakeDialog(['Quit']);
    const open = vi.fn(() => {
      throw damaged();
    });
    expect(await openWithRecovery('/w', deps({ open, dialog }))).toBeNull();
    expect(shown[0]!.buttons).toEqual(['Restore latest backup', 'Open another workspace…', 'Quit']);
    expect(shown[0]!.detail).toMatch(
      /damaged \(test\)[\s\S]*claimdesk-20260101-120000\.sqlite[\s\S]*kept aside/,
    );
    expect(open).toHaveBeenCalledOnce();
  });

  it('restores the latest backup and opens the workspace again', async () => {
    const { dialog } = fakeDialog(['Restore latest backup']);
    let restored = false;
    const open = vi.fn(() => {
      if (!restored) throw damaged();
      return 'opened';
    });
    const restoreLatest = vi.fn(() => {
      restored = true;
      return Promise.resolve();
    });
    expect(await openWithRecovery('/w', deps({ open, dialog, restoreLatest }))).toBe('opened');
    expect(restoreLatest).toHaveBeenCalledExactlyOnceWith('/w');
  });

  it('opens another workspace folder the researcher picks', async () => {
    const { dialog, shown } = fakeDialog(['Open another workspace…'], '/other');
    const open = vi.fn((dir: string) => {
      if (dir === '/w') throw newer();
      return `opened ${dir}`;
    });
    expect(await openWithRecovery('/w', deps({ open, dialog }))).toBe('opened /other');
    // a backup cannot help with a newer schema: not offered
    expect(shown[0]!.buttons).toEqual(['Open another workspace…', 'Quit']);
  });

  it('without a backup, says so and offers only another workspace or quitting', async () => {
    const { dialog, shown } = fakeDialog(['Quit']);
    const open = () => {
      throw damaged();
    };
    expect(
      await openWithRecovery('/w', deps({ open, dialog, latestBackup: () => null })),
    ).toBeNull();
    expect(shown[0]!.buttons).toEqual(['Open another workspace…', 'Quit']);
    expect(shown[0]!.detail).toMatch(/no backup/);
  });

  it('a failed restore is explained and the choice offered again', async () => {
    const { dialog, shown } = fakeDialog(['Restore latest backup', 'Quit']);
    const open = () => {
      throw damaged();
    };
    const restoreLatest = () => Promise.reject(new Error('backup unreadable'));
    expect(await openWithRecovery('/w', deps({ open, dialog, restoreLatest }))).toBeNull();
    expect(shown.map((s) => s.detail)).toContainEqual('backup unreadable');
  });

  it('end to end: a real damaged workspace comes back from its real backup, damaged files kept aside', async () => {
    const dir = tempDir();
    const first = openBackend(dir, 'cli');
    const imported = await first.registry.call('documents.import', {
      fileName: 'sample.txt',
      bytes: enc(SAMPLE_TEXT),
    });
    expect(imported.ok).toBe(true);
    await backupNow(first.db, dir, 'manual');
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.close();
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 0, 100); // the header: "not a database"
    writeFileSync(file, bytes);

    const { dialog } = fakeDialog(['Restore latest backup']);
    const backend = await openWithRecovery<Backend>(dir, {
      open: (d) => openBackend(d, 'cli'),
      dialog,
      ...backupRecovery(),
    });
    expect(backend).not.toBeNull();
    try {
      const list = await backend!.registry.call('documents.list', {});
      expect(list).toMatchObject({ ok: true, value: [{ fileName: 'sample.txt' }] });
      expect(readdirSync(backupDir(dir)).some((f) => f.includes('before-restore'))).toBe(true);
    } finally {
      backend!.close();
    }
  });
});
