// Shared by scripts/start.js and the e2e config: where Electron's binary is, and whether it exists.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The Electron executable if installed, else null (ELECTRON_SKIP_BINARY_DOWNLOAD=1 installs none). */
export function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export function electronVersion() {
  return require('electron/package.json').version;
}

export const ELECTRON_MISSING = `Claimdesk's desktop window needs the Electron runtime, which is not installed here
(it is downloaded from GitHub on first start, and that download failed or was skipped with
ELECTRON_SKIP_BINARY_DOWNLOAD). Nothing is lost: run \`npm run serve\` to use the same app in your
browser on this computer (same workspace, same features), or connect to the internet and run
\`npm start\` again to finish installing the desktop runtime.`;
