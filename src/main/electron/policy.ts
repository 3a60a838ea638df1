/**
 * Electron security policy as plain data and functions, so unit tests can check it without an
 * Electron binary (none can run on the build machines). index.ts only wires these in.
 */
import { resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'claimdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** BrowserWindow webPreferences: the Electron security checklist, items 2-4 and 6. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: undefined,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** Only our own pages may call the backend over IPC. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The app never navigates away from its own pages (links open externally, after confirmation). */
export function isAllowedNavigation(targetUrl: string): boolean {
  return isTrustedSender(targetUrl);
}

/** External links: http(s) only; everything else (file:, javascript:, custom schemes) is refused. */
export function isOpenableExternally(targetUrl: string): boolean {
  try {
    const url = new URL(targetUrl);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Maps an app:// request to a file of the built renderer, or null when the path would leave that
 * folder (resolve first, then check the prefix: `..` and encoded separators cannot escape).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + sep) ? file : null;
}
