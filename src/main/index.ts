/**
 * The Electron shell: a hardened window over the same RPC registry as the HTTP shell and the CLI.
 * Thin on purpose: policy lives in electron/policy.ts (unit-tested), behaviour in the backend.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import type { ShellCommand } from '../shared/api';
import { openBackend, type Backend } from './backend';
import { startMaintenance } from './maintenance';
import { resolveDataDir, userDataDir } from './data-dir';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './electron/policy';
import {
  appProtocolHandler,
  confirmAndOpenExternal,
  createMainWindow,
  denyAllPermissions,
  hardenWebContents,
  invokeHandler,
} from './electron/hardening';
import { electronSqliteBinding } from './electron/native-binding';
import { buildMenu } from './electron/menu';
import { CommandQueue } from './electron/commands';
import { backupRecovery, openWithRecovery } from './electron/workspace-recovery';
import { PRODUCT_NAME } from './version';

const mainDir = import.meta.dirname;
const rendererDir = join(mainDir, '../renderer');
const preloadPath = join(mainDir, '../preload/index.cjs');

// must happen before `ready`: app:// behaves like https (secure context, fetch, CSP)
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.setName(PRODUCT_NAME);
app.setPath('userData', userDataDir());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let stopMaintenance: () => Promise<void> = async () => {};
  const commands = new CommandQueue<ShellCommand>();

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  // security checklist: see electron/hardening.ts (unit-tested with fakes) and docs/security.md
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => void confirmAndOpenExternal(url, { dialog, shell }));
  });

  app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    protocol.handle(
      APP_SCHEME,
      appProtocolHandler(rendererDir, (url) => net.fetch(url)),
    );

    try {
      const nativeBinding = electronSqliteBinding(
        app.getAppPath(),
        process.versions.electron,
        app.isPackaged,
      );
      const shellHandlers = { 'app.nextCommand': () => commands.next() };
      // damaged or newer workspace: explain, offer the latest backup or another folder, or quit
      backend = await openWithRecovery(resolveDataDir(argValue('--data-dir')), {
        open: (dir) => openBackend(dir, 'electron', { nativeBinding, shellHandlers }),
        dialog,
        ...backupRecovery({ nativeBinding }),
      });
    } catch (error) {
      dialog.showErrorBox('Claimdesk cannot open its workspace', (error as Error).message);
    }
    if (!backend) {
      app.quit();
      return;
    }
    const registry = backend.registry;
    stopMaintenance = startMaintenance(backend);

    ipcMain.handle('claimdesk:invoke', invokeHandler(registry));

    Menu.setApplicationMenu(buildMenu((command) => commands.push(command)));

    window = createMainWindow(BrowserWindow, preloadPath, PRODUCT_NAME);
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!backend) return;
    // let a backup under way finish before the database closes
    event.preventDefault();
    const closing = backend;
    backend = null;
    void stopMaintenance().finally(() => {
      closing.close();
      app.quit();
    });
  });
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  if (i >= 0) return process.argv[i + 1];
  const inline = process.argv.find((a) => a.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}

export { APP_HOST };
