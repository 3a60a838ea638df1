/**
 * The library's bad-input cases through the real CLI: a full disk during import (a file-size limit
 * set with `ulimit -f` makes every write past it fail as a full disk would: EFBIG for Node,
 * SQLITE_FULL for SQLite), and a second process opening a workspace that one already holds. A full
 * disk during a backup is backup-disk-full.test.ts: a backup writes no file a size limit would trip.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './test/workspace';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/claimdesk.js');

const run = (args: string[], limitKb?: number) =>
  limitKb === undefined
    ? spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 })
    : spawnSync(
        'sh',
        ['-c', `ulimit -f ${limitKb} && exec "$0" "$@"`, process.execPath, cli, ...args],
        { encoding: 'utf8', timeout: 60_000 },
      );

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a full disk', () => {
  it('during import: a clear message, nothing half-written, what was there unchanged', () => {
    const dir = tempDir();
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'A small source about the riot.\n');
    expect(run(['import', small, '--data-dir', dir]).status).toBe(0);
    const before = run(['list', '--data-dir', dir]).stdout;
    // 3 MB of text: its original alone passes the 1 MB limit
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'A long report. '.repeat(200_000));
    const result = run(['import', big, '--data-dir', dir], 1024);
    expect(result.status).toBe(1);
    const [line] = lines(result.stdout);
    expect(line, result.stderr).toMatchObject({ status: 'error', reason: 'disk_full' });
    expect(String(line!.message)).toMatch(/not enough free disk space to store the file/);
    expect(String(line!.message)).toMatch(/Nothing was half-written/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(run(['list', '--data-dir', dir]).stdout).toBe(before);
    const tmp = join(dir, 'files', 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    expect(run(['check', '--data-dir', dir]).status).toBe(0);
  });
});

describe('two processes on one workspace', () => {
  it('the second says who holds it; after the first ends (even killed) it opens', async () => {
    const dir = tempDir();
    const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((ready, fail) => {
        let out = '';
        server.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/http:\/\/127\.0\.0\.1/.test(out)) ready();
        });
        server.once('exit', () => fail(new Error(`serve exited: ${out}`)));
      });
      const second = run(['list', '--data-dir', dir]);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        new RegExp(`is open in claimdesk serve \\(process ${server.pid} on .+, since `),
      );
      expect(second.stderr).toMatch(/Close it there first/);
      expect(JSON.parse(readFileSync(join(dir, 'claimdesk.lock'), 'utf8'))).toMatchObject({
        pid: server.pid,
        shell: 'serve',
      });
    } finally {
      server.kill('SIGKILL');
      await new Promise((done) => server.once('exit', done));
    }
    // the holder died without letting go: its lock is stale and taken over
    expect(run(['list', '--data-dir', dir]).status).toBe(0);
  }, 60_000);
});
