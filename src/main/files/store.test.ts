import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../db/check';
import { importDocument } from '../documents';
import { failureOf, rpcOf } from '../test/rpc';
import { enc, tempBackend, tempDir } from '../test/workspace';
import {
  fileStoreDir,
  listStoredFiles,
  ObjectBatch,
  putFile,
  putFileAsync,
  readStoredFile,
  sha256Of,
  storedFilePath,
  verifyFile,
} from './store';

describe('the file store', () => {
  it('stores a file under its hash, privately, once, with nothing left in tmp', () => {
    const dir = tempDir();
    const bytes = enc('an original file');
    const sha256 = putFile(dir, bytes);
    expect(sha256).toBe(sha256Of(bytes));
    const path = storedFilePath(dir, sha256);
    expect(path).toBe(join(dir, 'files', sha256.slice(0, 2), sha256));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'files')).mode & 0o777).toBe(0o700);
    expect(putFile(dir, bytes)).toBe(sha256);
    expect(listStoredFiles(dir)).toEqual([sha256]);
    expect(readdirSync(join(dir, 'files', 'tmp'))).toEqual([]);
    expect(readStoredFile(dir, sha256, 'x').equals(Buffer.from(bytes))).toBe(true);
    expect(verifyFile(dir, sha256)).toBe('ok');
  });

  it('stores many objects with one wait for the disk: no name before its bytes, nothing left in tmp', async () => {
    const dir = tempDir();
    const batch = new ObjectBatch(fileStoreDir(dir));
    const all = Array.from({ length: 30 }, (_, i) => enc(`object ${i}`));
    const names = all.map((bytes) => batch.add(bytes));
    batch.add(all[0]!); // the same object twice is written once
    expect(batch.size).toBe(30);
    // written, but under no name until the commit has fsynced them
    expect(listStoredFiles(dir)).toEqual([]);
    await batch.commit();
    expect(listStoredFiles(dir)).toEqual([...names].sort());
    expect(readdirSync(join(dir, 'files', 'tmp'))).toEqual([]);
    for (const [i, name] of names.entries())
      expect(readStoredFile(dir, name, 'x').equals(Buffer.from(all[i]!))).toBe(true);
    // what is stored is not written again; a discarded batch leaves nothing
    const again = new ObjectBatch(fileStoreDir(dir));
    again.add(all[3]!);
    again.add(enc('never committed'));
    expect(again.size).toBe(1);
    again.discard();
    expect(listStoredFiles(dir)).toHaveLength(30);
    expect(readdirSync(join(dir, 'files', 'tmp'))).toEqual([]);
    // one file, waiting off the main thread
    const single = await putFileAsync(dir, enc('one more'));
    expect(verifyFile(dir, single)).toBe('ok');
  });

  it('refuses names that are not hashes (no paths into or out of the store)', () => {
    expect(() => storedFilePath(tempDir(), '../../etc/passwd')).toThrow(/not a SHA-256/);
  });

  it('an imported original is a file in the store, and the database row holds no bytes', async () => {
    const backend = tempBackend();
    const { document } = await importDocument(backend.db, {
      fileName: 'note.txt',
      bytes: enc('A note about the riot.'),
    });
    expect(existsSync(storedFilePath(backend.dataDir, document.sha256))).toBe(true);
    const row = backend.db
      .prepare('SELECT length(bytes) AS n FROM document_files WHERE sha256 = ?')
      .get(document.sha256);
    expect(row).toEqual({ n: 0 });
    const file = await rpcOf(backend)('documents.file', { id: document.id });
    expect(new TextDecoder().decode(file.bytes)).toBe('A note about the riot.');
  });

  it('a missing or altered original: the document says so, check lists it, nothing else breaks', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const a = (await importDocument(backend.db, { fileName: 'a.txt', bytes: enc('first file') }))
      .document;
    const b = (await importDocument(backend.db, { fileName: 'b.txt', bytes: enc('second file') }))
      .document;
    writeFileSync(storedFilePath(backend.dataDir, a.sha256), 'tampered');
    const altered = await failureOf(backend, 'documents.file', { id: a.id });
    expect(altered.code).toBe('unavailable');
    expect(altered.reason).toBe('file_altered');
    expect(altered.message).toMatch(/"a\.txt" was changed on disk after import/);
    rmSync(storedFilePath(backend.dataDir, b.sha256));
    const missing = await failureOf(backend, 'documents.file', { id: b.id });
    expect(missing.reason).toBe('file_missing');
    expect(missing.message).toMatch(/missing from the workspace's file store/);
    // the rest of the workspace works as before
    expect((await rpc('documents.content', { id: a.id })).text).toBe('first file');
    expect(await rpc('documents.list', {})).toHaveLength(2);
    const report = checkWorkspace(backend.db);
    expect(report.ok).toBe(false);
    expect(report.integrity).toEqual(['ok']);
    expect(report.files.checked).toBe(2);
    expect(
      report.files.problems.map((p) => [p.state, p.documents.map((d) => d.id)]).sort(),
    ).toEqual([
      ['altered', [a.id]],
      ['missing', [b.id]],
    ]);
  });
});
