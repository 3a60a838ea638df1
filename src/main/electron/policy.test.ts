import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isOpenableExternally,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from './policy';

describe('electron security policy', () => {
  it('hardens every window', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(prefs.preload).toMatch(/\.cjs$/);
  });

  it('trusts IPC only from app://claimdesk pages', () => {
    expect(isTrustedSender('app://claimdesk/index.html')).toBe(true);
    expect(isTrustedSender('https://claimdesk/index.html')).toBe(false);
    expect(isTrustedSender('app://evil/index.html')).toBe(false);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('denies navigation away from the app and opens only http(s) externally', () => {
    expect(isAllowedNavigation('app://claimdesk/index.html#x')).toBe(true);
    expect(isAllowedNavigation('https://example.org')).toBe(false);
    expect(isOpenableExternally('https://example.org/report')).toBe(true);
    expect(isOpenableExternally('javascript:alert(1)')).toBe(false);
    expect(isOpenableExternally('file:///etc/passwd')).toBe(false);
    expect(isOpenableExternally('smb://host/share')).toBe(false);
  });

  it('serves app:// only from inside the renderer folder', () => {
    expect(resolveAppFile('/app/out/renderer', 'app://claimdesk/')).toBe(
      '/app/out/renderer/index.html',
    );
    expect(resolveAppFile('/app/out/renderer', 'app://claimdesk/assets/a.js')).toBe(
      '/app/out/renderer/assets/a.js',
    );
    expect(resolveAppFile('/app/out/renderer', 'app://claimdesk/../../etc/passwd')).toMatch(
      /^\/app\/out\/renderer\//,
    );
    expect(resolveAppFile('/app/out/renderer', 'app://claimdesk/%2e%2e/%2e%2e/etc/passwd')).toMatch(
      /^\/app\/out\/renderer\//,
    );
    expect(
      resolveAppFile('/app/out/renderer', 'app://claimdesk/..%2f..%2fetc%2fpasswd'),
    ).toBeNull();
    expect(resolveAppFile('/app/out/renderer', 'app://other/index.html')).toBeNull();
  });
});
