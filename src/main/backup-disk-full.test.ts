/**
 * A full disk in the middle of a backup. A backup writes only compressed chunks of at most 64 KiB
 * and a small manifest, so a file-size limit (the CLI tests' `ulimit -f`) no longer trips it: the
 * file system's refusal is simulated here, a write of a chunk failing with ENOSPC.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { backupDir, backupNow, listBackups } from './backup';
import { chunkStoreDir } from './backup-chunks';
import { checkWorkspace } from './db/check';
import { listClaims } from './db/claims';
import { importDocument } from './documents';
import { listObjects } from './files/store';
import { openBackupDb } from './test/backups';
import { enc, tempBackend } from './test/workspace';

/** writes left before the next one fails as a full disk would; null: writes succeed */
const disk = vi.hoisted(() => ({ writesLeft: null as number | null }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((...args: Parameters<typeof fs.writeSync>) => {
    if (disk.writesLeft !== null && disk.writesLeft-- <= 0)
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (fs.writeSync as (...a: unknown[]) => number)(...args);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

describe('a full disk during a backup', () => {
  it('says so, leaves no backup and no named chunk, and the next backup works', async () => {
    const backend = tempBackend();
    const text = Array.from(
      { length: 8_000 },
      (_, i) => `Paragraph ${i}: the council heard ${i % 89} witnesses about the riot.`,
    ).join('\n\n');
    const { document } = await importDocument(backend.db, { fileName: 'r.txt', bytes: enc(text) });
    const before = checkWorkspace(backend.db);

    disk.writesLeft = 3;
    await expect(backupNow(backend.db, backend.dataDir)).rejects.toThrow(
      /not enough free disk space to make the backup/,
    );
    disk.writesLeft = null;
    expect(listBackups(backend.dataDir)).toEqual([]);
    expect(readdirSync(backupDir(backend.dataDir)).filter((n) => n !== 'chunks')).toEqual([]);
    const store = chunkStoreDir(backupDir(backend.dataDir));
    expect(listObjects(store)).toEqual([]);
    expect(readdirSync(`${store}/tmp`)).toEqual([]);
    expect(checkWorkspace(backend.db)).toEqual(before);

    const info = await backupNow(backend.db, backend.dataDir);
    const copy = openBackupDb(backend.dataDir, info.fileName);
    expect(copy.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    copy.close();
    expect(listClaims(backend.db, { documentId: document.id })).toEqual([]);
  });
});
