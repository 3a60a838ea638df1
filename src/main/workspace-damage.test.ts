/**
 * A damaged workspace, or one from a newer Claimdesk, through the real shells (`claimdesk check`,
 * `claimdesk serve`, `claimdesk list`): a clear message on stderr that says what to do, a non-zero
 * exit, no server left listening, and the database file byte-for-byte as it was.
 * (db/migrate.test.ts covers the same refusals at the openWorkspaceDb level.)
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { DATABASE_FILE } from './db/open';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'bin/claimdesk.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(args: string[]) {
  // serve on a sound workspace would run until stopped; on these it must exit at once
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000 });
}

/** A real workspace with data, made by the CLI, checkpointed so the main file holds everything. */
function workspace(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-damage-'));
  dirs.push(dir);
  const source = join(dir, 'source.md');
  const paragraphs = Array.from(
    { length: 400 },
    (_, i) => `Paragraph ${i}: ${'a researcher’s careful note '.repeat(8)}`,
  );
  writeFileSync(source, `# A source\n\n${paragraphs.join('\n\n')}\n`);
  const imported = run(['import', source, '--data-dir', dir]);
  expect(imported.status, imported.stderr).toBe(0);
  rmSync(source);
  const file = join(dir, DATABASE_FILE);
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dir, file };
}

const damages: [string, (bytes: Buffer) => Buffer][] = [
  [
    'overwritten b-tree pages',
    (bytes) => {
      for (let i = 4096 * 2; i < Math.min(bytes.length, 4096 * 6); i++) bytes[i] = (i * 31) & 0xff;
      return bytes;
    },
  ],
  ['a garbage header', (bytes) => Buffer.concat([Buffer.alloc(100, 0x5a), bytes.subarray(100)])],
  ['a file cut in half', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 8192) * 4096)],
];

let hasRestore: boolean | undefined;
/** once the backup work has landed, the message must name its command */
const cliHasRestore = () => (hasRestore ??= /\brestore\b/.test(run(['--help']).stdout));

function expectUntouched(file: string, before: Buffer): void {
  expect(readFileSync(file).equals(before), 'the database file changed').toBe(true);
  const wal = `${file}-wal`;
  expect(existsSync(wal) ? statSync(wal).size : 0, 'something was written to the WAL').toBe(0);
}

describe('a damaged workspace through the shells', () => {
  it.each(damages)(
    'with %s: check, list and serve explain, exit non-zero, and write nothing',
    (_label, damage) => {
      const { dir, file } = workspace();
      const damaged = damage(readFileSync(file));
      writeFileSync(file, damaged);
      const before = readFileSync(file);
      for (const command of [['check'], ['list'], ['serve', '--port', '0']]) {
        const result = run([...command, '--data-dir', dir]);
        expect(result.error, `${command[0]} did not exit`).toBeUndefined();
        expect(result.status, `${command[0]}: ${result.stdout}${result.stderr}`).not.toBe(0);
        expect(result.stdout, command[0]).not.toMatch(/http:\/\/127\.0\.0\.1/); // never served
        const message = result.stderr;
        expect(message, command[0]).toMatch(/^claimdesk: The workspace database .* is damaged/);
        expect(message).toMatch(/did not change it/);
        expect(message).toMatch(/restore the latest backup/i);
        expect(message).toMatch(/open another workspace/i);
        if (cliHasRestore()) expect(message).toMatch(/claimdesk restore --latest/);
        expect(message, 'no stack trace').not.toMatch(/\n\s+at /);
        expectUntouched(file, before);
      }
    },
  );
});

describe('a workspace from a newer Claimdesk through the shells', () => {
  it('check, list and serve refuse it with a clear message, exit non-zero, and write nothing', () => {
    const { dir, file } = workspace();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(file);
    for (const command of [['check'], ['list'], ['serve', '--port', '0']]) {
      const result = run([...command, '--data-dir', dir]);
      expect(result.status, `${command[0]}: ${result.stdout}${result.stderr}`).not.toBe(0);
      expect(result.stderr).toMatch(/saved by a newer version of Claimdesk/);
      expect(result.stderr).toMatch(
        /Update Claimdesk to open it\. Nothing in the workspace was changed\./,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expectUntouched(file, before);
    }
  });
});
