import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupDir,
  backupNow,
  listBackups,
  maybeAutoBackup,
  restoreBackupLive,
  restoreBackupOffline,
} from '../backup';
import { insertDocument } from '../db/documents';
import { DATABASE_FILE, type Db } from '../db/open';
import { importDocument } from '../documents';
import { enc, tempBackend } from '../test/workspace';
import { collectUnreferencedFiles } from './gc';
import { listStoredFiles, sha256Of, storedFilePath } from './store';

/** What emptying the trash does to a document's rows (files stay for collection). */
function forget(db: Db, sha256: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM documents WHERE sha256 = ?').run(sha256);
    db.prepare('DELETE FROM document_files WHERE sha256 = ?').run(sha256);
  })();
}

/** A 2 MB original with little text, like a scanned report. */
function scan(db: Db) {
  const bytes = randomBytes(2 << 20);
  return insertDocument(db, {
    sha256: sha256Of(bytes),
    mediaType: 'application/pdf',
    fileName: 'scan.pdf',
    bytes,
    content: { text: 'A scanned page', blocks: [], marks: [], pages: [], meta: {}, warnings: [] },
    meta: {
      title: 'A scan',
      authors: [],
      publishedDate: null,
      publisher: null,
      sourceUrl: null,
      language: null,
    },
  });
}

async function twoDocuments() {
  const backend = tempBackend();
  const a = scan(backend.db);
  const b = (await importDocument(backend.db, { fileName: 'b.txt', bytes: enc('small one') }))
    .document;
  return { backend, db: backend.db, dataDir: backend.dataDir, a, b };
}

describe('backups over the shared file store', () => {
  it('a backup is the database alone, far smaller than the originals it names', async () => {
    const { db, dataDir } = await twoDocuments();
    const made = await backupNow(db, dataDir);
    expect(made.byteSize).toBeLessThan(1 << 20);
    expect(statSync(join(dataDir, DATABASE_FILE)).size).toBeLessThan(1 << 20);
    expect(listStoredFiles(dataDir)).toHaveLength(2);
  });

  it('keeps a file while any backup names it, and collects it after the last goes', async () => {
    const { db, dataDir, a, b } = await twoDocuments();
    const backup = await backupNow(db, dataDir);
    forget(db, a.sha256);
    expect(collectUnreferencedFiles(db, dataDir).removed).toEqual([]);
    expect(listStoredFiles(dataDir).sort()).toEqual([a.sha256, b.sha256].sort());
    rmSync(join(backupDir(dataDir), backup.fileName));
    expect(collectUnreferencedFiles(db, dataDir).removed).toEqual([a.sha256]);
    expect(listStoredFiles(dataDir)).toEqual([b.sha256]);
  });

  it('rotation of automatic backups collects what only the rotated ones named', async () => {
    const { db, dataDir, a } = await twoDocuments();
    const first = await maybeAutoBackup(db, dataDir, { now: new Date('2026-01-01T00:00:00Z') });
    expect(first).not.toBeNull();
    forget(db, a.sha256);
    // ten more a day apart: the first is rotated out (older than 7 days, not among the last 10)
    for (let day = 1; day <= 11; day++) {
      db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('test.day', ?)").run(day);
      const now = new Date(Date.UTC(2026, 0, 1 + day));
      const made = await maybeAutoBackup(db, dataDir, { now, minIntervalMs: 0 });
      expect(made, `day ${day}`).not.toBeNull();
    }
    expect(listBackups(dataDir).map((x) => x.fileName)).not.toContain(first!.fileName);
    expect(listStoredFiles(dataDir)).not.toContain(a.sha256);
  });

  it('restore checks every original the backup names and says which are missing', async () => {
    const { backend, db, dataDir, a } = await twoDocuments();
    const backup = await backupNow(db, dataDir);
    forget(db, a.sha256);
    rmSync(storedFilePath(dataDir, a.sha256));
    const file = join(backupDir(dataDir), backup.fileName);
    await expect(restoreBackupLive(db, dataDir, file)).rejects.toThrow(
      /1 original file\(s\) it names are not in the workspace's file store with their hash: A scan \(/,
    );
    await expect(restoreBackupLive(db, dataDir, file)).rejects.toThrow(/missing\)/);
    // nothing changed, no safety copy was made
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    expect(listBackups(dataDir)).toHaveLength(1);
    backend.close();
    await expect(restoreBackupOffline(dataDir, file)).rejects.toThrow(
      /not in the workspace's file store/,
    );
  });

  it('a restored backup gets its documents back with their originals', async () => {
    const { db, dataDir, a } = await twoDocuments();
    const backup = await backupNow(db, dataDir);
    forget(db, a.sha256);
    await restoreBackupLive(db, dataDir, join(backupDir(dataDir), backup.fileName));
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    expect(listStoredFiles(dataDir)).toContain(a.sha256);
  });
});
