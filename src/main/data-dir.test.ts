import { describe, expect, it } from 'vitest';
import { resolveDataDir, userDataDir } from './data-dir';

describe('data directory', () => {
  it('follows Electron userData per platform', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/x/Claimdesk');
    expect(userDataDir({ APPDATA: 'C:/Users/r/AppData/Roaming' }, 'win32')).toMatch(
      /Roaming[/\\]Claimdesk$/,
    );
    expect(userDataDir({}, 'darwin')).toMatch(/Library[/\\]Application Support[/\\]Claimdesk$/);
  });

  it('prefers --data-dir, then CLAIMDESK_DATA_DIR, then the workspace under userData', () => {
    expect(resolveDataDir('/flag', { CLAIMDESK_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { CLAIMDESK_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/cfg' })).toMatch(
      /Claimdesk[/\\]workspace$/,
    );
  });

  it('refuses to run tests against the real workspace', () => {
    expect(() => resolveDataDir(undefined, { CLAIMDESK_TEST: '1' })).toThrow(/Test mode/);
  });
});
