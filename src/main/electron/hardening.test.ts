/**
 * The Electron security checklist, driven with fakes of the Electron objects (no Electron binary
 * runs here): permissions, navigation, new windows, webviews, openExternal, the IPC sender check,
 * the app:// handler, the window options, that index.ts wires all of them, and the packaging fuses.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import {
  appProtocolHandler,
  confirmAndOpenExternal,
  createMainWindow,
  denyAllPermissions,
  hardenWebContents,
  invokeHandler,
} from './hardening';
import { secureWebPreferences } from './policy';

const root = resolve(import.meta.dirname, '../../..');

type Listener = (
  event: { preventDefault(): void; defaultPrevented?: boolean },
  url: string,
) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  /** emits an event; true when some listener prevented its default */
  const emit = (name: string, url = '') => {
    let prevented = false;
    const event = { preventDefault: () => void (prevented = true) };
    for (const listener of listeners.get(name) ?? []) listener(event, url);
    return prevented;
  };
  return { contents, emit, openWindow: (url: string) => openHandler!({ url }), listeners };
}

const HOSTILE_URLS = [
  'https://evil.example/phish',
  'http://127.0.0.1:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://evil/index.html',
  'smb://host/share',
  'claimdesk://x',
  'not a url',
];

describe('electron hardening', () => {
  it('denies every permission request, permission check and device access', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean;
    expect(check({}, 'media', 'app://claimdesk', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://claimdesk' })).toBe(false);
  });

  it('prevents navigation away from app://claimdesk; only http(s) links go to the confirm-and-open path', () => {
    const { contents, emit } = fakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));
    expect(emit('will-navigate', 'app://claimdesk/index.html#/document/doc_1')).toBe(false);
    for (const url of HOSTILE_URLS) {
      expect(emit('will-navigate', url), url).toBe(true);
      expect(emit('will-redirect', url), url).toBe(true);
    }
    expect(opened).toEqual(['https://evil.example/phish', 'http://127.0.0.1:8080/']);
  });

  it('denies every new window; http(s) targets go to the confirm-and-open path', () => {
    const { contents, openWindow } = fakeWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as never, (url) => opened.push(url));
    for (const url of [...HOSTILE_URLS, 'app://claimdesk/index.html', 'about:blank']) {
      expect(openWindow(url), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://evil.example/phish', 'http://127.0.0.1:8080/']);
  });

  it('refuses to attach any <webview>', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents as never, () => {});
    expect(emit('will-attach-webview')).toBe(true);
  });

  it('opens an external link only for http(s), and only after the researcher confirms', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    const cancel = {
      showMessageBox: vi.fn(() => Promise.resolve({ response: 1, checkboxChecked: false })),
    };
    expect(
      await confirmAndOpenExternal('https://example.org/report', {
        dialog: cancel as never,
        shell: shell as never,
      }),
    ).toBe(false);
    expect(cancel.showMessageBox).toHaveBeenCalledOnce();
    expect(cancel.showMessageBox.mock.calls[0]).toMatchObject([
      { detail: 'https://example.org/report', cancelId: 1, defaultId: 1 },
    ]);
    expect(shell.openExternal).not.toHaveBeenCalled();

    const confirm = {
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    };
    expect(
      await confirmAndOpenExternal('https://example.org/report', {
        dialog: confirm as never,
        shell: shell as never,
      }),
    ).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/report');

    shell.openExternal.mockClear();
    confirm.showMessageBox.mockClear();
    for (const url of HOSTILE_URLS.filter((u) => !/^https?:/.test(u))) {
      expect(
        await confirmAndOpenExternal(url, { dialog: confirm as never, shell: shell as never }),
        url,
      ).toBe(false);
    }
    expect(confirm.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('answers IPC only from app://claimdesk frames, and never calls the registry otherwise', async () => {
    const registry = { call: vi.fn(() => Promise.resolve({ ok: true as const, value: [] })) };
    const handle = invokeHandler(registry);
    const from = (url: string | undefined) =>
      ({ senderFrame: url === undefined ? null : { url } }) as never;
    for (const url of [...HOSTILE_URLS, '', undefined]) {
      expect(await handle(from(url), 'documents.list', {}), String(url)).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
    }
    expect(registry.call).not.toHaveBeenCalled();
    expect(await handle(from('app://claimdesk/index.html'), 'documents.list', {})).toEqual({
      ok: true,
      value: [],
    });
    expect(registry.call).toHaveBeenCalledExactlyOnceWith('documents.list', {});
    await handle(from('app://claimdesk/index.html'), 42, null);
    expect(registry.call).toHaveBeenLastCalledWith('42', null);
  });

  it('serves app:// from the renderer folder only, with the CSP header on every answer', async () => {
    const rendererDir = '/opt/claimdesk/out/renderer';
    const fetchFile = vi.fn((url: string) =>
      Promise.resolve(
        new Response(`file ${url}`, { status: 200, headers: { 'Content-Type': 'text/html' } }),
      ),
    );
    const handle = appProtocolHandler(rendererDir, fetchFile);
    const page = await handle({ url: 'app://claimdesk/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(fileURLToPath(fetchFile.mock.calls[0]![0])).toBe(join(rendererDir, 'index.html'));
    fetchFile.mockClear();
    for (const url of [
      'app://claimdesk/..%2f..%2fetc%2fpasswd',
      'app://evil/index.html',
      'app://claimdesk/%00',
      'https://claimdesk/index.html',
    ]) {
      const refused = await handle({ url });
      expect(refused.status, url).toBe(404);
      expect(refused.headers.get('content-security-policy'), url).toMatch(/default-src 'none'/);
    }
    expect(fetchFile).not.toHaveBeenCalled();
  });

  it('creates the window with the hardened webPreferences of policy.ts, and more', () => {
    let options: BrowserWindowConstructorOptions | undefined;
    class FakeWindow {
      constructor(o: BrowserWindowConstructorOptions) {
        options = o;
      }
    }
    createMainWindow(FakeWindow as never, '/app/out/preload/index.cjs', 'Claimdesk');
    const expected = Object.fromEntries(
      Object.entries(secureWebPreferences('/app/out/preload/index.cjs')).filter(
        ([, v]) => v !== undefined,
      ),
    );
    expect(options!.webPreferences).toMatchObject(expected);
    expect(options!.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options!.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options!.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('index.ts wires every one of these (and keeps the ordering Electron needs)', () => {
    // whitespace folded, so formatting (Prettier's line breaks) does not matter
    const index = readFileSync(join(root, 'src/main/index.ts'), 'utf8')
      .replace(/\s+/g, ' ')
      .replace(/\( /g, '(')
      .replace(/,? \)/g, ')');
    expect(index).toMatch(
      /app\.on\('web-contents-created',[\s\S]*?hardenWebContents\(contents, \(url\) => void confirmAndOpenExternal\(url/,
    );
    expect(index).toMatch(/denyAllPermissions\(session\.defaultSession\)/);
    expect(index).toMatch(/protocol\.handle\(APP_SCHEME, appProtocolHandler\(rendererDir,/);
    expect(index).toMatch(/ipcMain\.handle\('claimdesk:invoke', invokeHandler\(registry\)\)/);
    expect(index).toMatch(/createMainWindow\(BrowserWindow, preloadPath/);
    // a workspace that cannot be opened is explained, with backup / other workspace offered
    expect(index).toMatch(/backend = await openWithRecovery\(/);
    expect(index).not.toMatch(/new BrowserWindow\(/); // every window goes through createMainWindow
    expect(index).not.toMatch(/ipcMain\.on\(|ipcMain\.handle\((?!'claimdesk:invoke')/); // one channel
    expect(index).not.toMatch(/openExternal\(/); // only through confirmAndOpenExternal
    expect(index.indexOf('registerSchemesAsPrivileged')).toBeLessThan(index.indexOf('whenReady'));
    expect(index.indexOf('requestSingleInstanceLock')).toBeLessThan(
      index.indexOf('createMainWindow('),
    );
  });
});

describe('packaging fuses (electron-builder.yml)', () => {
  const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n?)*)/m.exec(yml)?.[1] ?? '';
  const fuse = (name: string) =>
    new RegExp(`^\\s+${name}:\\s*(true|false)\\s*(#.*)?$`, 'm').exec(block)?.[1];

  it.each([
    ['runAsNode', 'false', 'ELECTRON_RUN_AS_NODE would turn the app into a plain Node'],
    ['enableNodeOptionsEnvironmentVariable', 'false', 'NODE_OPTIONS could inject code'],
    [
      'enableNodeCliInspectArguments',
      'false',
      '--inspect would open a debugger on the main process',
    ],
    ['enableEmbeddedAsarIntegrityValidation', 'true', 'a tampered app.asar must not load'],
    ['onlyLoadAppFromAsar', 'true', 'no loose app folder next to the asar'],
    [
      'grantFileProtocolExtraPrivileges',
      'false',
      'file:// gets no extra powers (the app uses app://)',
    ],
    ['enableCookieEncryption', 'true', 'cookies encrypted at rest'],
  ])('%s is %s (%s)', (name, value) => {
    expect(block, 'electronFuses block').not.toBe('');
    expect(fuse(name)).toBe(value);
  });
});
