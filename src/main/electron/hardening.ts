/**
 * The Electron security checklist as small functions that take the Electron objects they act on,
 * so unit tests can drive them with fakes (no Electron binary runs on the build machines) and
 * index.ts stays a thin list of calls. Policy decisions (which URLs, which senders) live in
 * policy.ts; this file wires them to Electron's hooks.
 */
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindow as BrowserWindowType,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMainInvokeEvent,
  Session,
  Shell,
  WebContents,
} from 'electron';
import type { Result } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../http-security';
import type { Registry } from '../rpc';
import {
  isAllowedNavigation,
  isOpenableExternally,
  isTrustedSender,
  resolveAppFile,
} from './policy';

/** Permissions (camera, microphone, geolocation, notifications, HID, USB, serial ...): all denied. */
export function denyAllPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export type OpenExternally = (url: string) => void;

/**
 * Every web contents (windows, and any that might appear later): no navigation away from the app,
 * no new windows, no <webview>. An http(s) link the user follows is handed to `openExternally`,
 * which asks first; anything else (file:, javascript:, custom schemes) goes nowhere.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternally: OpenExternally,
): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    if (isOpenableExternally(url)) openExternally(url);
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) openExternally(url);
    return { action: 'deny' };
  });
}

/** shell.openExternal, only for http(s) and only after the researcher said yes. */
export async function confirmAndOpenExternal(
  url: string,
  deps: { dialog: Pick<Dialog, 'showMessageBox'>; shell: Pick<Shell, 'openExternal'> },
): Promise<boolean> {
  if (!isOpenableExternally(url)) return false;
  const { response } = await deps.dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response !== 0) return false;
  await deps.shell.openExternal(url);
  return true;
}

const untrusted: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'This page may not call Claimdesk.' },
};

/** The one IPC handler: only frames of app://claimdesk may call the registry. */
export function invokeHandler(registry: Pick<Registry, 'call'>) {
  return (
    event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
    method: unknown,
    input: unknown,
  ): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) return Promise.resolve(untrusted);
    return registry.call(typeof method === 'string' ? method : String(method), input);
  };
}

/**
 * The app:// handler: files of the built renderer only (resolve, then check the prefix), each with
 * the CSP as a header too (the meta tag cannot carry frame-ancestors, and covers only index.html).
 */
export function appProtocolHandler(
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    };
    if (!file) return new Response('Not found', { status: 404, headers });
    const response = await fetchFile(pathToFileURL(file).toString());
    const merged = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: merged,
    });
  };
}

/**
 * The main window. The options are written out here, literally, so that the reader and
 * electronegativity see them where the window is made (policy.test.ts pins secureWebPreferences,
 * hardening.test.ts pins that these match it).
 */
export function createMainWindow(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType,
  preloadPath: string,
  title: string,
): BrowserWindowType {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // middle-click would otherwise try to open links in a new window
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
