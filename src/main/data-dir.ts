import { homedir } from 'node:os';
import { join } from 'node:path';
import { PRODUCT_NAME } from './version';

/**
 * The OS user-data folder, computed exactly as Electron's app.getPath('userData') does for our
 * product name, so the desktop app, the serve shell and the CLI share one default workspace.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), PRODUCT_NAME);
}

/**
 * Where the workspace lives: --data-dir, else CLAIMDESK_DATA_DIR, else <userData>/workspace.
 * In test mode (CLAIMDESK_TEST=1) an explicit folder is required, so a test can never touch a
 * researcher's real workspace.
 */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const explicit = flag || env.CLAIMDESK_DATA_DIR;
  if (explicit) return explicit;
  if (env.CLAIMDESK_TEST === '1') {
    throw new Error(
      'Test mode (CLAIMDESK_TEST=1) needs --data-dir or CLAIMDESK_DATA_DIR: refusing to use the real workspace.',
    );
  }
  return join(userDataDir(env), 'workspace');
}
