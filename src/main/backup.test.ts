import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RestoreOutcome } from '../shared/api-search';
import {
  backupDir,
  backupFileName,
  backupNow,
  listBackups,
  maybeAutoBackup,
  parseBackupFileName,
  planRotation,
  restoreBackupOffline,
  validateBackup,
} from './backup';
import { openBackend } from './backend';
import { chunkStoreDir, readManifest } from './backup-chunks';
import { listObjects } from './files/store';
import { createClaim, deleteClaim, listClaims } from './db/claims';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { DATABASE_FILE } from './db/open';
import { search } from './db/search';
import { importDocument } from './documents';
import { openBackupDb } from './test/backups';
import { SAMPLE_TEXT, enc, tempBackend, tempDir } from './test/workspace';

const at = (iso: string) => new Date(iso);

async function withClaim() {
  const backend = tempBackend();
  const { document } = await importDocument(backend.db, {
    fileName: 'k.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  const claim = createClaim(backend.db, {
    documentId: document.id,
    spans: [{ start: 0, end: 11 }],
  });
  return { backend, db: backend.db, dataDir: backend.dataDir, document, claim };
}

describe('backup names and rotation', () => {
  it('names backups by UTC time and kind, and reads the names back', () => {
    const when = at('2026-11-22T06:30:05.123Z');
    expect(backupFileName(when, 'manual')).toBe('claimdesk-20261122-063005.sqlite');
    expect(backupFileName(when, 'auto')).toBe('claimdesk-20261122-063005-auto.sqlite');
    expect(backupFileName(when, 'auto', (n) => n === 'claimdesk-20261122-063005-auto.sqlite')).toBe(
      'claimdesk-20261122-063005-2-auto.sqlite',
    );
    expect(parseBackupFileName('claimdesk-20261122-063005-2-before-restore.sqlite')).toEqual({
      createdAt: at('2026-11-22T06:30:05.000Z'),
      kind: 'before-restore',
    });
    expect(parseBackupFileName('claimdesk.sqlite')).toBeNull();
    expect(parseBackupFileName('../claimdesk-20261122-063005.sqlite')).toBeNull();
  });

  it('keeps the last 10 and the newest of each of the last 7 days', () => {
    const now = at('2026-11-22T12:00:00Z');
    // every 6 hours for 14 days
    const backups = Array.from({ length: 14 * 4 }, (_, i) => {
      const createdAt = new Date(now.getTime() - i * 6 * 3600_000);
      return { fileName: backupFileName(createdAt, 'auto'), createdAt };
    });
    const plan = planRotation(backups, now);
    expect(plan.keep.length + plan.remove.length).toBe(backups.length);
    const kept = backups.filter((b) => plan.keep.includes(b.fileName));
    // the 10 newest
    for (const b of backups.slice(0, 10)) expect(plan.keep).toContain(b.fileName);
    // one a day for Nov 16..22, the newest of that day
    for (let d = 16; d <= 22; d++) {
      const day = `2026-11-${d}`;
      const newest = backups.find((b) => b.createdAt.toISOString().startsWith(day))!;
      expect(plan.keep).toContain(newest.fileName);
    }
    // nothing older than the week survives, and no day keeps more than needed
    expect(kept.every((b) => b.createdAt >= at('2026-11-16T00:00:00Z'))).toBe(true);
    expect(plan.keep).toHaveLength(10 + 4); // the 10 newest cover Nov 20-22; Nov 16-19 add 4
    expect(planRotation([], now)).toEqual({ keep: [], remove: [] });
  });
});

describe('backups', () => {
  it('backs up a running workspace into a sound, self-contained file', async () => {
    const { db, dataDir } = await withClaim();
    const info = await backupNow(db, dataDir);
    expect(info.kind).toBe('manual');
    expect(listBackups(dataDir)).toEqual([info]);
    const copy = openBackupDb(dataDir, info.fileName);
    expect(validateBackup(copy.name).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    // the manifest and its chunks; no copy left behind
    expect(readdirSync(backupDir(dataDir)).sort()).toEqual(['chunks', info.fileName]);
  });

  it('backs up automatically only when there is something new, and rotates', async () => {
    const empty = tempBackend();
    expect(await maybeAutoBackup(empty.db, empty.dataDir)).toBeNull();

    const { db, dataDir, document } = await withClaim();
    let now = at('2026-11-22T08:00:00Z');
    const first = await maybeAutoBackup(db, dataDir, { now });
    expect(first?.kind).toBe('auto');
    // too soon
    expect(
      await maybeAutoBackup(db, dataDir, { now: new Date(now.getTime() + 60_000) }),
    ).toBeNull();
    // late enough, but nothing changed
    now = new Date(now.getTime() + 3600_000);
    expect(await maybeAutoBackup(db, dataDir, { now })).toBeNull();
    for (let i = 0; i < 12; i++) {
      await new Promise((r) => setTimeout(r, 5));
      createClaim(db, { documentId: document.id, spans: [{ start: 20 + i, end: 30 + i }] });
      now = new Date(now.getTime() + 3600_000);
      expect(await maybeAutoBackup(db, dataDir, { now }), `round ${i}`).not.toBeNull();
    }
    const autos = listBackups(dataDir).filter((b) => b.kind === 'auto');
    // 13 made over two UTC days; the 10 newest already hold both days' newest
    expect(autos).toHaveLength(10);
    expect(autos[0]!.createdAt).toBe(now.toISOString());
  });

  it('reports a failed automatic backup instead of throwing', async () => {
    const { db, dataDir } = await withClaim();
    writeFileSync(join(dataDir, 'backups'), 'a file where the folder should be');
    const errors: unknown[] = [];
    expect(await maybeAutoBackup(db, dataDir, { onError: (e) => errors.push(e) })).toBeNull();
    expect(errors).toHaveLength(1);
  });

  it('refuses files that are not sound workspaces this version can open', async () => {
    const dir = tempDir();
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'not a database at all, just text '.repeat(200));
    expect(() => validateBackup(garbage)).toThrow(/cannot be restored/);
    const other = join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)').close();
    expect(() => validateBackup(other)).toThrow(/not a Claimdesk workspace/);
    const { db, dataDir } = await withClaim();
    const info = await backupNow(db, dataDir);
    const newer = join(dir, 'newer.sqlite');
    const backup = openBackupDb(dataDir, info.fileName);
    await backup.backup(newer);
    backup.close();
    const w = new Database(newer);
    w.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    w.close();
    expect(() => validateBackup(newer)).toThrow(/newer Claimdesk/);
  });
});

describe('restore', () => {
  it('restores into the running workspace, keeping a safety copy; handlers keep working', async () => {
    const { backend, db, dataDir, document, claim } = await withClaim();
    const backup = await backupNow(db, dataDir);
    deleteClaim(db, claim.id);
    const later = createClaim(db, { documentId: document.id, spans: [{ start: 30, end: 40 }] });

    const result = await backend.registry.call('backup.restore', { fileName: backup.fileName });
    expect(result.ok).toBe(true);
    const outcome = (result as { value: RestoreOutcome }).value;
    expect(outcome).toMatchObject({
      restored: { fileName: backup.fileName },
      reloadRequired: true,
    });
    expect(outcome.safetyCopy.kind).toBe('before-restore');

    // the same connection sees the backup's data, and the search index came with it
    expect(listClaims(db).map((c) => c.id)).toEqual([claim.id]);
    expect(search(db, { query: '"Prison riot"', kinds: ['claims'], limit: 5 }).claims).toHaveLength(
      1,
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const listed = await backend.registry.call('claims.list', {});
    expect(listed.ok && (listed.value as unknown[]).length).toBe(1);
    // undo history came back with the data too: undoing now undoes the backup's last action
    expect((await backend.registry.call('history.undo', {})).ok).toBe(true);
    expect(listClaims(db)).toEqual([]);

    // the safety copy holds the state just before the restore
    const safety = openBackupDb(dataDir, outcome.safetyCopy.fileName);
    expect(safety.prepare('SELECT id FROM claims').pluck().all()).toEqual([later.id]);
    safety.close();
  });

  it('restores the latest backup through the API and refuses unknown names', async () => {
    const { backend, db, dataDir, claim } = await withClaim();
    await backupNow(db, dataDir);
    deleteClaim(db, claim.id);
    expect((await backend.registry.call('backup.restore', { latest: true })).ok).toBe(true);
    expect(listClaims(db).map((c) => c.id)).toEqual([claim.id]);
    const missing = await backend.registry.call('backup.restore', {
      fileName: 'claimdesk-20000101-000000.sqlite',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const sneaky = await backend.registry.call('backup.restore', {
      fileName: '../claimdesk.sqlite',
    });
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('restores while closed, even over a damaged database', async () => {
    const { backend, db, dataDir, claim } = await withClaim();
    const backup = await backupNow(db, dataDir);
    backend.close();
    const live = join(dataDir, DATABASE_FILE);
    writeFileSync(live, 'garbage '.repeat(1000));
    expect(() => openBackend(dataDir, 'cli')).toThrow(/damaged|not a database/);

    const outcome = await restoreBackupOffline(dataDir, join(backupDir(dataDir), backup.fileName));
    expect(outcome.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(outcome.safetyCopy?.kind).toBe('before-restore');
    expect(existsSync(join(backupDir(dataDir), outcome.safetyCopy!.fileName))).toBe(true);
    const reopened = openBackend(dataDir, 'cli');
    try {
      expect(listClaims(reopened.db).map((c) => c.id)).toEqual([claim.id]);
    } finally {
      reopened.close();
    }
  });
});

describe('backups that cost what changed', () => {
  /** A workspace of a few MB (many chunks), and the chunk files its backups have stored. */
  async function largerWorkspace(paragraphs = 12_000) {
    const backend = tempBackend();
    const paragraph = (i: number) =>
      `Report ${i}: the council heard ${i % 97} witnesses about the riot in Khujand and its aftermath.`;
    const text = Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('\n\n');
    const { document } = await importDocument(backend.db, {
      fileName: 'long.txt',
      bytes: enc(text),
    });
    const chunks = () => listObjects(chunkStoreDir(backupDir(backend.dataDir)));
    return { backend, db: backend.db, dataDir: backend.dataDir, document, chunks };
  }

  it('shares the pages that did not change: a second backup after an edit stores few new chunks', async () => {
    const { db, dataDir, document, chunks } = await largerWorkspace();
    const first = await backupNow(db, dataDir);
    const firstChunks = new Set(chunks());
    expect(firstChunks.size).toBeGreaterThan(40);
    createClaim(db, {
      documentId: document.id,
      spans: [{ start: 0, end: 9 }],
      note: 'a new claim',
    });
    const second = await backupNow(db, dataDir, 'manual', new Date(Date.now() + 1000));
    const added = chunks().filter((c) => !firstChunks.has(c));
    expect(added.length).toBeGreaterThan(0);
    expect(added.length, `${added.length} new of ${firstChunks.size}`).toBeLessThan(
      firstChunks.size / 5,
    );
    // each backup still holds exactly its own state
    const a = openBackupDb(dataDir, first.fileName);
    const b = openBackupDb(dataDir, second.fileName);
    expect(a.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    expect(b.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    a.close();
    b.close();
    expect(first.byteSize).toBeGreaterThan(1_000_000);
  });

  it('is the workspace as it was when it began, while the app writes (and checkpoints) during it', async () => {
    const { db, dataDir, document } = await largerWorkspace(30_000);
    // checkpoints as often as possible: none may write into the file while the backup reads it
    db.pragma('wal_autocheckpoint = 10');
    let settled = false;
    const backup = backupNow(db, dataDir).finally(() => (settled = true));
    let writesDuring = 0;
    for (let i = 0; !settled; i++) {
      await new Promise<void>((resume) => setImmediate(resume));
      createClaim(db, {
        documentId: document.id,
        spans: [{ start: i, end: i + 9 }],
        note: `written during the backup ${i} `.repeat(400),
      });
      if (!settled) writesDuring++;
    }
    const info = await backup;
    expect(writesDuring).toBeGreaterThan(0);
    const copy = openBackupDb(dataDir, info.fileName);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    expect(copy.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    copy.close();
    expect(listClaims(db, { documentId: document.id }).length).toBeGreaterThan(0);
  });

  it('another reader on an older state (the background check): the backup copies instead, without waiting', async () => {
    const { db, dataDir, document } = await largerWorkspace(2_000);
    const reader = new Database(db.name, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM claims').pluck().get();
    // a write the reader does not see: the WAL cannot all go into the file while it reads
    createClaim(db, { documentId: document.id, spans: [{ start: 0, end: 6 }] });
    const info = await backupNow(db, dataDir);
    reader.exec('COMMIT');
    reader.close();
    const copy = openBackupDb(dataDir, info.fileName);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    copy.close();
  });

  it('refuses to restore a backup whose pieces are missing or damaged, and changes nothing', async () => {
    const { backend, db, dataDir, document, chunks } = await largerWorkspace(100);
    const backup = await backupNow(db, dataDir);
    createClaim(db, { documentId: document.id, spans: [{ start: 0, end: 9 }] });
    const [one, two] = chunks();
    writeFileSync(join(chunkStoreDir(backupDir(dataDir)), one!.slice(0, 2), one!), 'altered');
    rmSync(join(chunkStoreDir(backupDir(dataDir)), two!.slice(0, 2), two!));
    const result = await backend.registry.call('backup.restore', { fileName: backup.fileName });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/2 of the \d+ pieces/) },
    });
    expect(listClaims(db)).toHaveLength(1);
    expect(listBackups(dataDir).map((b) => b.kind)).toEqual(['manual']);
    // no copy of the pieces is left behind
    expect(readdirSync(backupDir(dataDir)).filter((f) => f.startsWith('.unpacked-'))).toEqual([]);
  });

  it('rotation removes only the chunks no kept backup names; every kept backup restores', async () => {
    const { backend, db, dataDir, document, chunks } = await largerWorkspace(100);
    let now = at('2026-11-22T08:00:00Z');
    for (let i = 0; i < 13; i++) {
      await new Promise((r) => setTimeout(r, 5));
      createClaim(db, { documentId: document.id, spans: [{ start: i, end: 20 + i }] });
      now = new Date(now.getTime() + 3600_000);
      expect(await maybeAutoBackup(db, dataDir, { now })).not.toBeNull();
    }
    const kept = listBackups(dataDir);
    expect(kept).toHaveLength(10);
    const named = new Set(
      kept.flatMap((b) => readManifest(join(backupDir(dataDir), b.fileName)).chunks),
    );
    expect(new Set(chunks())).toEqual(named);
    const oldest = kept.at(-1)!;
    expect((await backend.registry.call('backup.restore', { fileName: oldest.fileName })).ok).toBe(
      true,
    );
    expect(listClaims(db)).toHaveLength(4);
  });

  it('reads a backup made before chunks (a plain database file) like any other', async () => {
    const { backend, db, dataDir, claim } = await withClaim();
    mkdirSync(backupDir(dataDir), { recursive: true });
    const fileName = 'claimdesk-20260101-000000.sqlite';
    db.prepare('VACUUM INTO ?').run(join(backupDir(dataDir), fileName));
    deleteClaim(db, claim.id);
    const [plain] = listBackups(dataDir);
    expect(plain).toMatchObject({ fileName, kind: 'manual' });
    expect(plain!.byteSize).toBe(statSync(join(backupDir(dataDir), fileName)).size);
    expect((await backend.registry.call('backup.restore', { fileName })).ok).toBe(true);
    expect(listClaims(db).map((c) => c.id)).toEqual([claim.id]);
  });
});
