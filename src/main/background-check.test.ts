/**
 * Opening reads a large database only in part (db/open.ts); the background check reads all of it,
 * every stored original included, and a workspace it finds damaged becomes read-only: writes are
 * refused with a clear message and the file stays byte-for-byte as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkspaceCheckStatus } from '../shared/api-library';
import { openBackend, type Backend } from './backend';
import { checkStatus, startBackgroundCheck } from './background-check';
import { DATABASE_FILE } from './db/open';
import { storedFilePath } from './files/store';
import { addDocument } from './test/add-document';
import { tempDir } from './test/workspace';

const builtWorker = resolve(import.meta.dirname, '../../out/main/check-worker.js');

/** A closed workspace of `documents` documents, ~20 kB of text each, its log checkpointed. */
function workspace(documents: number): { dir: string; ids: string[] } {
  const dir = tempDir();
  const backend = openBackend(dir, 'cli');
  const ids = Array.from(
    { length: documents },
    (_, i) =>
      addDocument(
        backend.db,
        `Paragraph ${i}: ${'a careful note on the riot. '.repeat(700)}`,
        `doc ${i}`,
      ).id,
  );
  backend.close();
  return { dir, ids };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function checked(backend: Backend, workerFile?: string): Promise<WorkspaceCheckStatus> {
  const check = startBackgroundCheck(backend.db, { workerFile });
  expect(checkStatus(backend.db).state).toBe('running');
  const status = await check.done;
  expect((await backend.registry.call('workspace.checkStatus', {})).ok).toBe(true);
  return status;
}

describe('the background check', () => {
  it('finds a sound workspace sound, and work goes on', async () => {
    const { dir } = workspace(3);
    const backend = openBackend(dir, 'cli');
    try {
      const status = await checked(backend);
      expect(status).toMatchObject({ state: 'ok', message: null, fileProblems: [] });
      const created = await backend.registry.call('collections.create', { name: 'Riots' });
      expect(created.ok).toBe(true);
    } finally {
      backend.close();
    }
  });

  it('runs in its own thread when built, with the same result', async () => {
    expect(existsSync(builtWorker), 'run `npm run build` first').toBe(true);
    const { dir, ids } = workspace(2);
    rmSync(storedFilePath(dir, sha256Of(dir, ids[1]!)));
    const backend = openBackend(dir, 'cli');
    try {
      const status = await checked(backend, builtWorker);
      expect(status.state).toBe('problems');
      expect(status.fileProblems).toEqual([
        expect.objectContaining({ state: 'missing', documents: [{ id: ids[1], title: 'doc 1' }] }),
      ]);
    } finally {
      backend.close();
    }
  });

  it('lists a missing or altered original; the rest of the workspace works', async () => {
    const { dir, ids } = workspace(3);
    rmSync(storedFilePath(dir, sha256Of(dir, ids[0]!)));
    writeFileSync(storedFilePath(dir, sha256Of(dir, ids[2]!)), 'not what was imported');
    const backend = openBackend(dir, 'cli');
    try {
      const status = await checked(backend);
      expect(status.state).toBe('problems');
      expect(status.message).toMatch(/2 original file\(s\) missing or changed on disk/);
      expect(status.fileProblems.map((p) => [p.state, p.documents[0]!.id]).sort()).toEqual(
        [
          ['altered', ids[2]],
          ['missing', ids[0]],
        ].sort(),
      );
      const opened = await backend.registry.call('documents.file', { id: ids[0] });
      expect(opened).toMatchObject({
        ok: false,
        error: { message: /is missing from the workspace/ },
      });
      expect((await backend.registry.call('collections.create', { name: 'Still works' })).ok).toBe(
        true,
      );
    } finally {
      backend.close();
    }
  });

  it('opens a large damaged database without reading it whole, then makes it read-only', async () => {
    const { dir } = workspace(40);
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // garbage over pages in the middle: the documents' text, which opening does not read
    const from = Math.floor(pages * 0.4) * pageSize;
    for (let i = from; i < from + 4 * pageSize; i++) bytes[i] = (i * 31) & 0xff;
    writeFileSync(file, bytes);
    const before = sha(file);

    // opening the small-database way reads every page and refuses it
    expect(() => openBackend(dir, 'cli')).toThrow(/damaged/);
    // a database above the quick-check size is opened from its header and schema alone
    const backend = openBackend(dir, 'cli', { quickCheckMaxBytes: 0 });
    try {
      const status = await checked(backend);
      expect(status.state).toBe('damaged');
      expect(status.message).toMatch(/damaged .* now read-only/);
      const refused = await backend.registry.call('collections.create', { name: 'Riots' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'unavailable', message: /read-only .* Nothing was changed/ },
      });
    } finally {
      backend.close();
    }
    expect(sha(file)).toBe(before);
  });

  it('refuses at open a file shorter than its header says, whatever its size', () => {
    const { dir } = workspace(10);
    const file = join(dir, DATABASE_FILE);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    const before = sha(file);
    expect(() => openBackend(dir, 'cli', { quickCheckMaxBytes: 0 })).toThrow(/cut short/);
    expect(sha(file)).toBe(before);
  });
});

function sha256Of(dir: string, id: string): string {
  const backend = openBackend(dir, 'cli');
  try {
    return backend.db
      .prepare('SELECT sha256 FROM documents WHERE id = ?')
      .pluck()
      .get(id) as string;
  } finally {
    backend.close();
  }
}
