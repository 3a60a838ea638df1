/**
 * The move of original files out of the database (migration file-store) survives SIGKILL at any moment:
 * a workspace made by the previous schema (originals as BLOBs) is opened by the real, built
 * `claimdesk list` in a child process, which is killed at moments chosen by progress (the first file
 * written, midway, all written: verification, commit and compaction follow) and at a random time
 * over the whole run (module loading included). After every
 * kill the database is sound and EITHER still the old layout with every BLOB intact, OR the new one
 * with every file in the store under its hash; then a plain `claimdesk list` finishes the job and
 * `claimdesk check` passes. Rerun with CRASH_SEED=<seed> to replay the same moments.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { DATABASE_FILE } from '../db/open';
import { listStoredFiles, sha256Of, verifyFile } from './store';

const root = resolve(import.meta.dirname, '../../..');
const cli = join(root, 'bin/claimdesk.js');
const DOCUMENTS = 30;
const BYTES_EACH = 1 << 20;
const FILE_STORE_VERSION = MIGRATIONS.findIndex((m) => m.name === 'file-store') + 1;

const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
function random(): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-move-'));
  dirs.push(dir);
  return dir;
};

/**
 * A workspace as the first schema made it: originals as BLOBs. The open migrates it through every
 * later schema, the file store's included, as it would a researcher's old workspace.
 */
function legacyWorkspace(): { dir: string; hashes: string[] } {
  const dir = tempDir();
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 1));
  const hashes: string[] = [];
  const next = random();
  db.transaction(() => {
    for (let i = 0; i < DOCUMENTS; i++) {
      const bytes = Buffer.alloc(BYTES_EACH, i);
      bytes.writeDoubleLE(next(), 0);
      const sha256 = sha256Of(bytes);
      hashes.push(sha256);
      db.prepare('INSERT INTO document_files (sha256, bytes) VALUES (?, ?)').run(sha256, bytes);
      db.prepare(
        `INSERT INTO documents (id, sha256, media_type, file_name, byte_size, page_count, meta, text,
           structure, imported_at, updated_at)
         VALUES (?, ?, 'text/plain', ?, ?, NULL, '{"title":"t","authors":[]}', ?, '{"blocks":[],"marks":[],"pages":[]}', '2026-01-01', '2026-01-01')`,
      ).run(`doc_${String(i).padStart(12, '0')}`, sha256, `f${i}.txt`, BYTES_EACH, `text ${i}`);
    }
  })();
  db.close();
  return { dir, hashes };
}

const runList = (dir: string) =>
  spawnSync(process.execPath, [cli, 'list', '--data-dir', dir], { encoding: 'utf8' });

/** When to kill: a time after spawn, or the moment the store holds this many of the moved files. */
type KillAt = { afterMs: number } | { files: number } | null;

/**
 * Runs `claimdesk list` and SIGKILLs it at `at` (never, for null); reports how long the run took.
 * Kills by progress land inside the move however slowly the loaded machine starts Node.
 */
async function runUntil(
  dir: string,
  at: KillAt,
): Promise<{ code: number | null; endedMs: number; stderr: string }> {
  const spawned = Date.now();
  const child = spawn(process.execPath, [cli, 'list', '--data-dir', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timer: NodeJS.Timeout | undefined;
  let watch: NodeJS.Timeout | undefined;
  if (at && 'afterMs' in at) timer = setTimeout(() => child.kill('SIGKILL'), at.afterMs);
  if (at && 'files' in at) {
    watch = setInterval(() => {
      if (listStoredFiles(dir).length >= at.files) {
        child.kill('SIGKILL');
        clearInterval(watch);
      }
    }, 1);
  }
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  clearInterval(watch);
  clearTimeout(timer);
  return { code, endedMs: Date.now() - spawned, stderr };
}

type Layout = 'old' | 'new';

/** Which layout a killed workspace is in; fails if it is neither whole. Reads, never writes. */
function layoutAfterKill(dir: string, hashes: string[], where: string): Layout {
  const db = new Database(join(dir, DATABASE_FILE));
  try {
    expect(db.pragma('integrity_check', { simple: true }), where).toBe('ok');
    const version = db.pragma('user_version', { simple: true }) as number;
    const rows = db.prepare('SELECT sha256, bytes FROM document_files').all() as {
      sha256: string;
      bytes: Buffer;
    }[];
    expect(rows.map((r) => r.sha256).sort(), where).toEqual([...hashes].sort());
    if (version < FILE_STORE_VERSION) {
      for (const r of rows) expect(sha256Of(r.bytes), `${where}: BLOB intact`).toBe(r.sha256);
      return 'old';
    }
    for (const r of rows) {
      expect(r.bytes.byteLength, `${where}: BLOB emptied`).toBe(0);
      expect(verifyFile(dir, r.sha256), `${where}: ${r.sha256} in the store`).toBe('ok');
    }
    return 'new';
  } finally {
    db.close();
  }
}

describe('moving originals into the file store', () => {
  it('finishes or rolls back after SIGKILL at any moment, and check passes', async () => {
    expect(existsSync(join(root, 'out/main/cli.js')), 'run `npm run build` first').toBe(true);
    const template = legacyWorkspace();
    // one run without a kill: that it works, and how long a whole run takes
    const timed = tempDir();
    cpSync(template.dir, timed, { recursive: true });
    const clean = await runUntil(timed, null);
    expect(clean.code, clean.stderr).toBe(0);
    expect(layoutAfterKill(timed, template.hashes, 'uninterrupted')).toBe('new');
    expect(listStoredFiles(timed)).toEqual([...template.hashes].sort());

    const next = random();
    // the moments: as the first file lands, midway through the writes, once every file is written
    // (verification, commit and compaction follow), and any time in a whole run (start-up included)
    const moments: KillAt[] = [
      { files: 1 },
      { files: 2 + Math.floor(next() * (DOCUMENTS - 3)) },
      { files: DOCUMENTS },
      { afterMs: Math.floor(next() * clean.endedMs * 1.05) },
    ];
    const seen: string[] = [];
    for (const [run, at] of moments.entries()) {
      const dir = tempDir();
      cpSync(template.dir, dir, { recursive: true });
      const killed = await runUntil(dir, at);
      const where =
        `seed ${seed}, run ${run}, kill at ${JSON.stringify(at)} ` +
        `(uninterrupted run ${clean.endedMs} ms; ${killed.code === null ? 'killed' : 'had finished'})`;
      const stored = listStoredFiles(dir).length;
      const layout = layoutAfterKill(dir, template.hashes, where);
      seen.push(`${where}: ${layout} layout, ${stored} files stored`);

      const reopened = runList(dir);
      expect(reopened.status, `${where}: ${reopened.stderr}`).toBe(0);
      expect(layoutAfterKill(dir, template.hashes, `${where}, reopened`)).toBe('new');
      // reading every file back, as above; the whole `check` once, on the last (a process start each)
      if (run === moments.length - 1) {
        const check = spawnSync(process.execPath, [cli, 'check', '--data-dir', dir], {
          encoding: 'utf8',
        });
        expect(check.status, `${where}: ${check.stdout}${check.stderr}`).toBe(0);
      }
    }
    // the kills did land inside the move: some with part of the files written, the BLOBs intact
    const midway = seen.filter((s) => /old layout, [1-9]\d* files/.test(s));
    expect(midway.length, seen.join('\n')).toBeGreaterThan(0);
    if (process.env.CRASH_LOG) console.log(seen.join('\n'));
  }, 180_000); // ten process starts; a loaded two-core machine takes seconds for each
});
