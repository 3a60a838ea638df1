import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
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
import { createClaim, deleteClaim, listClaims } from './db/claims';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { DATABASE_FILE } from './db/open';
import { search } from './db/search';
import { importDocument } from './documents';
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
    const file = join(backupDir(dataDir), info.fileName);
    expect(validateBackup(file).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(readdirSync(backupDir(dataDir))).toEqual([info.fileName]);
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
    const newer = join(backupDir(dataDir), info.fileName);
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
    const safety = new Database(join(backupDir(dataDir), outcome.safetyCopy.fileName), {
      readonly: true,
    });
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
