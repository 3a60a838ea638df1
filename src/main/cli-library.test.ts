import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './test/workspace';

const cli = join(resolve(import.meta.dirname, '../..'), 'bin/claimdesk.js');

describe('claimdesk delete, trash and collections', () => {
  it('moves documents to the trash and back, collects them, and empties only with --yes', () => {
    const dir = tempDir();
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [cli, ...args, '--data-dir', dir], {
        encoding: 'utf8',
      });
      return {
        status: r.status,
        stderr: r.stderr,
        lines: r.stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      };
    };
    for (const name of ['a', 'b']) writeFileSync(join(dir, `${name}.txt`), `Source ${name}\n`);
    const imported = run('import', join(dir, 'a.txt'), join(dir, 'b.txt')).lines;
    const [a, b] = imported.map((l) => l.documentId as string);

    const made = run('collections', 'create', 'Prison riots').lines[0]!;
    expect(made).toMatchObject({ name: 'Prison riots', parentId: null, documentCount: 0 });
    expect(run('collections', 'add', made.id as string, a!, b!).status).toBe(0);
    expect(run('collections').lines).toEqual([{ ...made, documentCount: 2 }]);

    expect(run('delete', a!).lines).toEqual([{ trashed: 1, claims: 0, mentions: 0, relations: 0 }]);
    expect(run('list').lines.map((l) => l.id)).toEqual([b]);
    expect(run('trash', 'list').lines.map((l) => l.documentId)).toEqual([a]);
    expect(run('trash', 'restore', a!).status).toBe(0);
    expect(run('collections').lines[0]).toMatchObject({ documentCount: 2 });

    run('delete', a!, b!);
    const asked = run('trash', 'empty');
    expect(asked.status).toBe(1);
    expect(asked.lines[0]).toMatchObject({ wouldRemove: { documents: 2 } });
    expect(run('trash', 'list').lines).toHaveLength(2);
    expect(run('trash', 'empty', '--yes').lines[0]).toMatchObject({
      documents: 2,
      filesRemoved: 2,
      sources: 2,
    });
    expect(run('trash', 'list').lines).toEqual([]);
    expect(run('check').status).toBe(0);

    const bad = run('delete', 'doc_0000000000000000');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/No document with id doc_0000000000000000/);
  }, 240_000); // sixteen process starts; each takes seconds on a loaded two-core machine

  it('imports a folder several files at a time, printing each outcome in order; an empty one is refused', () => {
    const dir = tempDir();
    const folder = join(dir, 'sources');
    mkdirSync(folder);
    const names = Array.from({ length: 9 }, (_, i) => `note-${i}.txt`);
    for (const [i, name] of names.entries())
      // sizes differ, so the files do not finish in the order they started
      writeFileSync(join(folder, name), `Note ${i}\n\n${'word '.repeat((9 - i) * 20_000)}\n`);
    writeFileSync(join(folder, '.hidden.txt'), 'skipped\n');
    symlinkSync(join(folder, 'note-0.txt'), join(folder, 'link.txt'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [cli, ...args, '--data-dir', join(dir, 'ws')], {
        encoding: 'utf8',
      });
    const imported = run('import', folder);
    expect(imported.status).toBe(0);
    const lines = imported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; status: string });
    expect(lines.map((l) => l.path)).toEqual(names.map((n) => join(folder, n)));
    expect(lines.every((l) => l.status === 'imported')).toBe(true);

    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const refused = run('import', empty);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/No file to import in .*empty: Claimdesk imports .*\.pdf/);
  });
});
