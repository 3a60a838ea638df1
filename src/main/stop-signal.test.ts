/**
 * Ctrl+C / SIGTERM during an import (issue 14, item 4): the CLI and the serve shell stop without
 * waiting for the file being read, store nothing of it, and leave a workspace that passes
 * `claimdesk check`. Real processes and real signals, on the built app (`npm test` builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { PARAGRAPHS, typeset } from './importers/pdf-fixtures';
import { tempDir } from './test/workspace';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/claimdesk.js');
const built = fs.existsSync(path.join(root, 'out/main/cli.js'));
if (!built) console.warn('stop-on-signal tests skipped: the app is not built (npm run build)');

// ~1,500 pages: seconds of work for a worker, so a stop that waited for it would be seen
let slow: Uint8Array | undefined;
const slowPdf = () =>
  (slow ??= typeset(Array.from({ length: 200 }, () => PARAGRAPHS).flat(), { linesPerPage: 4 }).pdf);

const claimdesk = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args, '--data-dir', dataDir], { encoding: 'utf8' });

function start(dataDir: string, ...args: string[]) {
  const child = spawn(process.execPath, [bin, ...args, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  child.stdout.on('data', (c: Buffer) => ((stdout += c.toString()), notify()));
  child.stderr.on('data', (c: Buffer) => ((stderr += c.toString()), notify()));
  const exit = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  /** resolves with the first match of `pattern` in stdout */
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((ok, fail) => {
      const check = () => {
        const m = pattern.exec(stdout);
        if (m) return ok(m);
        if (child.exitCode !== null) return fail(new Error(`exited first:\n${stdout}\n${stderr}`));
        waiters.push(check);
      };
      check();
    });
  return { child, exit, waitFor, output: () => ({ stdout, stderr }) };
}

function workspaceIsSound(dataDir: string): string[] {
  const check = claimdesk(dataDir, 'check');
  expect(check.status, check.stdout + check.stderr).toBe(0);
  const list = claimdesk(dataDir, 'list');
  expect(list.status, list.stderr).toBe(0);
  return list.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { title: string }).title);
}

describe.skipIf(!built)('stopping on a signal during an import', () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`claimdesk import: ${signal} drops the file being read and leaves the rest`, async () => {
      const dir = tempDir();
      const files = path.join(dir, 'in');
      fs.mkdirSync(files);
      fs.writeFileSync(
        path.join(files, 'a-first.txt'),
        'The first note, imported before the stop.',
      );
      fs.writeFileSync(path.join(files, 'b-slow.pdf'), slowPdf());
      fs.writeFileSync(path.join(files, 'c-last.txt'), 'Never reached.');
      const data = path.join(dir, 'workspace');
      const run = start(data, 'import', files);
      await run.waitFor(/"status":"imported"/); // a-first.txt is in; b-slow.pdf is being read
      run.child.kill(signal);
      const { code: status } = await run.exit;
      const { stdout, stderr } = run.output();
      expect(status, stderr).toBe(code);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { path: string; status: string; reason?: string });
      // two files are read at once: c-last.txt may have been read beside b-slow.pdf and be in
      const byName = new Map(lines.map((l) => [path.basename(l.path), l]));
      expect(byName.get('a-first.txt')?.status).toBe('imported');
      expect(byName.get('b-slow.pdf')).toMatchObject({ status: 'stopped', reason: 'cancelled' });
      expect(lines.every((l) => l.status === 'imported' || l.status === 'stopped')).toBe(true);
      const imported = lines
        .filter((l) => l.status === 'imported')
        .map((l) => path.basename(l.path).replace(/\.txt$/, ''));
      expect(stderr).toMatch(
        new RegExp(`stopped; ${3 - imported.length} file\\(s\\) not imported`),
      );
      // exactly the files reported imported are in, and the workspace is sound
      expect(workspaceIsSound(data).sort()).toEqual(imported.sort());
    });
  }

  it('claimdesk serve: SIGTERM during an import request ends the request and the server', async () => {
    const data = path.join(tempDir(), 'workspace');
    const run = start(data, 'serve', '--port', '0');
    const [, port, token] = await run.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]+)/);
    const call = (method: string, input: unknown) =>
      new Promise<{ status: number; body: string }>((ok, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: Number(port),
            path: `/rpc/${method}`,
            method: 'POST',
            headers: {
              Host: `127.0.0.1:${port}`,
              'X-Claimdesk-Token': token!,
              'Content-Type': 'application/json',
            },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', fail);
        req.end(JSON.stringify(input));
      });
    const job = 'import-stop-test';
    const importing = call('documents.import', {
      fileName: 'slow.pdf',
      bytes: { $bytes: Buffer.from(slowPdf()).toString('base64') },
      job,
    }).catch((error: Error) => ({ status: 0, body: error.message }));
    // the import is under way once its job reports progress
    for (;;) {
      const progress = await call('jobs.progress', { job });
      if (progress.status === 200 && JSON.parse(progress.body) !== null) break;
    }
    run.child.kill('SIGTERM');
    const { code } = await run.exit;
    expect(code, run.output().stderr).toBe(0);
    const reply = await importing;
    // the request ends: with the refusal, or with its connection closed by the stopping server
    if (reply.status !== 0) expect(reply.body).toMatch(/cancelled|stopping/i);
    expect(workspaceIsSound(data)).toEqual([]);
  });
});
