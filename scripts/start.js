#!/usr/bin/env node
// `npm start`: make sure the Electron runtime and an Electron-ABI build of better-sqlite3 exist,
// then build and launch the desktop app. Every failure ends in one clear paragraph.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ELECTRON_MISSING, electronBinary, electronVersion } from './electron-setup.js';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  return result.status === 0;
}

// 1. the Electron runtime (its own installer downloads it on first use)
if (!electronBinary()) {
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  console.log('Installing the Electron runtime (first start only)…');
  const install = spawnSync(process.execPath, [installer], {
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    encoding: 'utf8',
  });
  if (!electronBinary()) {
    // the installer's stack trace helps nobody; its first line says why
    const why = `${install.stderr ?? ''}${install.stdout ?? ''}`
      .split('\n')
      .find((l) => /error|failed/i.test(l));
    console.error(`\n${ELECTRON_MISSING}\n${why ? `\n(The installer said: ${why.trim()})\n` : ''}`);
    process.exit(1);
  }
}

// 2. better-sqlite3 for Electron's ABI, kept beside (not over) the Node build used by tests and CLI
const version = electronVersion();
const target = join(root, '.native', `electron-${version}`, 'better_sqlite3.node');
if (!existsSync(target)) {
  console.log(`Building the database driver for Electron ${version} (first start only)…`);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(root, '.native', 'build');
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });
  const prebuilt = run(
    'npx',
    ['--no-install', 'prebuild-install', '--runtime', 'electron', '--target', version],
    { cwd: work },
  );
  const built =
    prebuilt ||
    run(
      'npx',
      [
        '--yes',
        'node-gyp@11',
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${version}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: work },
    );
  const output = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    console.error(
      `\nCould not build the database driver for Electron ${version} (it needs the Electron headers from the internet, ` +
        'or a C++ toolchain). Run `npm run serve` to use Claimdesk in your browser meanwhile.\n',
    );
    process.exit(1);
  }
  mkdirSync(dirname(target), { recursive: true });
  cpSync(output, target);
  rmSync(work, { recursive: true, force: true });
}

// 3. build and launch
if (!run('npx', ['--no-install', 'electron-vite', 'build'], { cwd: root })) process.exit(1);
const ok = run(electronBinary(), [root, ...process.argv.slice(2)], { cwd: root });
process.exit(ok ? 0 : 1);
