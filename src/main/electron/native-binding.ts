import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is compiled for Node's ABI by `npm install` (tests, serve, CLI). Electron needs its
 * own ABI: `npm start` builds that copy once into .native/electron-<version>/ (scripts/start.js),
 * and the packaged app gets one from electron-builder's rebuild. We pick it here at run time, so
 * nobody rebuilds by hand and the Node build is never overwritten.
 */
export function electronSqliteBinding(
  appRoot: string,
  electronVersion: string,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged) return undefined; // electron-builder rebuilt node_modules for Electron's ABI
  const candidate = join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}
