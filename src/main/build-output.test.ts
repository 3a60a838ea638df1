/**
 * Electron cannot start on the build machines, so the Electron-only pitfalls are pinned on the
 * built files instead (npm test builds before it runs the unit tests).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = resolve(import.meta.dirname, '../../out');
const read = (path: string) => {
  const file = join(out, path);
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npm run build\` before the unit tests.`);
  return readFileSync(file, 'utf8');
};

describe('built output', () => {
  it('the preload is CommonJS (sandboxed preloads cannot be ESM) and exposes only invoke', () => {
    const preload = read('preload/index.cjs');
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/\bexport\s/);
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).toMatch(/exposeInMainWorld\("api"/);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
    // nothing but electron's sandbox-safe modules may be required
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('the CLI and serve shell never load electron', () => {
    const files = readdirSync(join(out, 'main')).filter(
      (f) => f.endsWith('.js') && f !== 'index.js',
    );
    for (const file of files)
      expect(read(`main/${file}`), file).not.toMatch(/from "electron"|require\("electron"\)/);
  });

  it('the Electron entry is ESM without __dirname and registers app:// before ready', () => {
    const main = read('main/index.js');
    expect(main).toMatch(/from "electron"/);
    expect(main).not.toMatch(/\b__dirname\b/);
    expect(main.indexOf('registerSchemesAsPrivileged')).toBeGreaterThan(-1);
    expect(main.indexOf('registerSchemesAsPrivileged')).toBeLessThan(main.indexOf('whenReady'));
    // windows are made by electron/hardening.ts's createMainWindow, bundled above the entry code
    expect(main.indexOf('requestSingleInstanceLock')).toBeLessThan(
      main.lastIndexOf('createMainWindow('),
    );
  });

  it('the renderer page has a strict CSP without unsafe-eval or inline scripts', () => {
    const html = read('renderer/index.html');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).toMatch(/script-src 'self'/);
    expect(html).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
