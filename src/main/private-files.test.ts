import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBackend } from './backend';
import { backupDir, backupNow } from './backup';
import { writeBundle } from './bundle';
import { main } from './cli';
import { DATABASE_FILE } from './db/open';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, writePrivateFile } from './private-files';
import { tempDir } from './test/workspace';

const mode = (path: string) => statSync(path).mode & 0o777;

// the attack: a world-writable parent, a permissive umask, files left readable by an older version
describe.skipIf(process.platform === 'win32')('files the app writes are private', () => {
  let umask = 0;
  beforeAll(() => {
    umask = process.umask(0); // what a careless login shell or a shared group setup may give us
  });
  afterAll(() => {
    process.umask(umask);
  });

  it('a new workspace: folder 0700, database, WAL and SHM 0600, in a world-writable parent', () => {
    const parent = tempDir();
    chmodSync(parent, 0o777);
    const dataDir = join(parent, 'workspace');
    const backend = openBackend(dataDir, 'cli');
    try {
      expect(mode(dataDir)).toBe(PRIVATE_DIR_MODE);
      for (const suffix of ['', '-wal', '-shm'])
        expect(mode(join(dataDir, DATABASE_FILE + suffix))).toBe(PRIVATE_FILE_MODE);
    } finally {
      backend.close();
    }
  });

  it('a workspace left readable by an older version is made private when opened', () => {
    const dataDir = tempDir();
    openBackend(dataDir, 'cli').close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    const backend = openBackend(dataDir, 'cli');
    try {
      expect(mode(dataDir)).toBe(PRIVATE_DIR_MODE);
      for (const suffix of ['', '-wal', '-shm'])
        expect(mode(join(dataDir, DATABASE_FILE + suffix))).toBe(PRIVATE_FILE_MODE);
    } finally {
      backend.close();
    }
  });

  it('backups, bundles and exports are 0600, even over an existing readable file', async () => {
    const dataDir = tempDir();
    const backend = openBackend(dataDir, 'cli');
    try {
      const backup = await backupNow(backend.db, dataDir);
      expect(mode(backupDir(dataDir))).toBe(PRIVATE_DIR_MODE);
      expect(mode(join(backupDir(dataDir), backup.fileName))).toBe(PRIVATE_FILE_MODE);
      const bundle = join(dataDir, 'out.claimdesk');
      writeFileSync(bundle, 'old', { mode: 0o666 });
      chmodSync(bundle, 0o666);
      writeBundle(backend.db, bundle, 'test');
      expect(mode(bundle)).toBe(PRIVATE_FILE_MODE);
    } finally {
      backend.close();
    }
    const exported = join(dataDir, 'claims.csv');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(
        await main(['export', '--format', 'csv', '--out', exported, '--data-dir', dataDir]),
      ).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    expect(mode(exported)).toBe(PRIVATE_FILE_MODE);
  });

  it('writePrivateFile narrows an existing file before writing', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'), { mode: 0o777 });
    const file = join(dir, 'sub', 'x.txt');
    writeFileSync(file, 'before', { mode: 0o666 });
    chmodSync(file, 0o666);
    writePrivateFile(file, 'after');
    expect(mode(file)).toBe(PRIVATE_FILE_MODE);
  });
});
