/**
 * Per-test app instances with an isolated workspace (the app refuses test mode without one).
 * `web`: the serve shell + Debian's Chromium. `electron`: the desktop app via _electron.launch.
 * Specs only see `page`, `dataDir` and `fixturesDir`, so the same specs run in both projects.
 */
import { test as base, chromium, _electron, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error -- plain JS helper shared with the benchmarks
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.js';
// @ts-expect-error -- plain JS helper shared with scripts/start.js
import { electronBinary } from '../scripts/electron-setup.js';

const root = resolve(import.meta.dirname, '..');
/** Starts `claimdesk serve` on a free port and resolves with the tokenized URL it prints. */
export async function startServe(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/claimdesk.js'), 'serve', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, CLAIMDESK_TEST: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

// The browser globals rpc() uses inside page.evaluate: this file compiles without the DOM library.
declare const window: { api?: { invoke(method: string, input: unknown): Promise<unknown> } };
declare const sessionStorage: { getItem(key: string): string | null };
declare function fetch(url: string, init: object): Promise<{ json(): Promise<unknown> }>;

export interface RpcResult<T> {
  ok: boolean;
  value: T;
  error?: { code: string; message: string };
}

/**
 * Calls the backend from the page the way the app does: the preload on the desktop; in the browser
 * /rpc with the tab's token as a header (src/renderer/src/session.ts; never a cookie).
 */
export async function rpc<T>(page: Page, method: string, input: unknown): Promise<RpcResult<T>> {
  return (await page.evaluate(
    ([method, input]) =>
      window.api
        ? window.api.invoke(method, input)
        : fetch(`/rpc/${method}`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'X-Claimdesk-Token': sessionStorage.getItem('claimdesk-token') ?? '',
            },
            body: JSON.stringify(input),
          }).then((r) => r.json()),
    [method, input] as const,
  )) as RpcResult<T>;
}

interface Fixtures {
  dataDir: string;
  fixturesDir: string;
  page: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern
  fixturesDir: async ({}, use) => use(join(root, 'e2e', 'fixtures')),
  page: async ({ dataDir, viewport }, use, testInfo) => {
    // the project's window size (playwright.config.ts): the contexts made here do not inherit it
    const size = viewport ?? undefined;
    if (testInfo.project.metadata.shell === 'electron') {
      const executablePath = electronBinary();
      test.skip(!executablePath, 'no Electron binary installed');
      const app = await _electron.launch({
        executablePath,
        args: [root, '--data-dir', dataDir],
        env: { ...process.env, CLAIMDESK_TEST: '1' },
      });
      const page = await app.firstWindow();
      if (size) await page.setViewportSize(size);
      await use(page);
      await app.close();
      return;
    }
    const { url, child } = await startServe(dataDir);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ acceptDownloads: true, viewport: size });
    const page = await context.newPage();
    await page.goto(url);
    await use(page);
    await browser.close();
    child.kill('SIGTERM');
  },
});

/**
 * For a test that sets its own window size throughout: it would do the same work again in the
 * `web-1024` project (playwright.config.ts), so only the other projects run it.
 */
export function setsItsOwnWindowSize(): void {
  test.skip(
    test.info().project.name === 'web-1024',
    'sets its own window size: the web project runs it',
  );
}

export { expect };
