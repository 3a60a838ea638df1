import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from './backend';
import { main } from './cli';
import { documentTextOutput } from './cli-text';
import { createClaim } from './db/claims';
import { DATABASE_FILE } from './db/open';
import { importDocument } from './documents';
import { SAMPLE_TEXT, enc, tempDir } from './test/workspace';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

async function workspace() {
  const dir = tempDir();
  const backend = openBackend(dir, 'cli');
  const { document } = await importDocument(backend.db, {
    fileName: 'k.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  createClaim(backend.db, { documentId: document.id, spans: [{ start: 0, end: 11 }] });
  backend.close();
  return { dir, documentId: document.id };
}

const run = (dir: string, ...argv: string[]) => main([...argv, '--data-dir', dir]);
const jsonLines = () =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('claimdesk CLI: search, export, backup, restore, bundle', () => {
  it('searches, one JSON line per match', async () => {
    const { dir, documentId } = await workspace();
    expect(await run(dir, 'search', '"prison riot" OR Khalimov')).toBe(0);
    const lines = jsonLines();
    expect(lines.filter((l) => l.kind === 'passage')).toHaveLength(2);
    expect(lines.find((l) => l.kind === 'claim')).toMatchObject({ field: 'statement' });
    expect(lines[0]).toMatchObject({ documentId, snippet: expect.stringContaining('Prison riot') });
    // positions count code points, as the exports do: the emoji before it is one, not two
    out = '';
    expect(await run(dir, 'search', 'колонии')).toBe(0);
    const hit = jsonLines().find((l) => l.kind === 'passage') as { start: number; end: number };
    expect([...SAMPLE_TEXT].slice(hit.start, hit.end).join('')).toBe('колонии');
    expect(SAMPLE_TEXT.slice(hit.start, hit.end)).not.toBe('колонии');
    out = '';
    expect(await run(dir, 'search', '"unclosed')).toBe(1);
    expect(err).toMatch(/quotation mark/);
  });

  it('exports json, w3c and csv to stdout or a file', async () => {
    const { dir } = await workspace();
    expect(await run(dir, 'export', '--format', 'w3c')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ type: 'AnnotationCollection', total: 1 });
    const file = join(dir, 'claims.csv');
    expect(await run(dir, 'export', '--format', 'csv', '--out', file)).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')).toHaveLength(3); // header, one claim, final CRLF
    expect(await run(dir, 'export', '--format', 'xml')).toBe(1);
    expect(err).toMatch(/json, w3c, csv/);
  });

  it('backs up, and restores the latest even over a damaged database', async () => {
    const { dir } = await workspace();
    expect(await run(dir, 'backup')).toBe(0);
    const backup = jsonLines()[0]!;
    expect(existsSync(join(dir, 'backups', String(backup.fileName)))).toBe(true);
    writeFileSync(join(dir, DATABASE_FILE), 'damaged '.repeat(500));
    expect(await run(dir, 'list')).toBe(1);
    out = '';
    expect(await run(dir, 'restore', '--latest')).toBe(0);
    expect(jsonLines()[0]).toMatchObject({ restored: { fileName: backup.fileName } });
    out = '';
    expect(await run(dir, 'list')).toBe(0);
    expect(jsonLines()).toHaveLength(1);
    expect(await run(dir, 'restore')).toBe(1);
  });

  it('moves a workspace through a bundle, and merges claims JSON', async () => {
    const { dir } = await workspace();
    const file = join(tempDir(), 'w.claimdesk-bundle.jsonl');
    expect(await run(dir, 'bundle', 'export', '--out', file)).toBe(0);
    const target = tempDir();
    expect(await run(target, 'bundle', 'import', file)).toBe(0);
    expect(jsonLines()[0]).toMatchObject({ counts: { documents: 1, claims: 1 } });
    out = '';
    expect(await run(target, 'bundle', 'import', file)).toBe(1);
    expect(err).toMatch(/empty workspace/);

    const claims = join(dir, 'claims.json');
    expect(await run(dir, 'export', '--out', claims)).toBe(0);
    expect(await run(target, 'import-claims', claims)).toBe(0);
    expect(jsonLines().at(-1)).toMatchObject({ claims: { unchanged: 1 } });
    expect(readdirSync(target)).toContain(DATABASE_FILE);
  });
});

describe('claimdesk text', () => {
  it('writes exactly the canonical text: no newline of its own unless on a terminal', async () => {
    const { dir, documentId } = await workspace();
    expect(await run(dir, 'text', documentId)).toBe(0);
    expect(out).toBe(SAMPLE_TEXT);
    expect(documentTextOutput({ text: 'a', pages: [] }, { pages: false, terminal: true })).toBe(
      'a\n',
    );
  });

  // eslint-disable-next-line no-control-regex -- what must never reach a terminal
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('on a terminal, a hostile text cannot drive it: escapes and controls removed; piped output exact', () => {
    const hostile =
      'Title\u001b]0;pwned\u0007 line\u001b[2J\u001b[1;31mred\u001b[0m\r\u0008over\u009b2J\u0000\n\tnext 🙂 Халимов';
    const shown = documentTextOutput(
      { text: hostile, pages: [] },
      { pages: false, terminal: true },
    );
    expect(shown).toBe('Title linered over\n\tnext 🙂 Халимов\n'.replace('red over', 'redover'));
    expect(shown).not.toMatch(CONTROL);
    expect(
      documentTextOutput({ text: hostile, pages: [] }, { pages: false, terminal: false }),
    ).toBe(hostile);
    // --pages is JSON: the controls are escaped inside its strings, never raw
    const json = documentTextOutput({ text: hostile, pages: [] }, { pages: true, terminal: true });
    expect(json).not.toMatch(CONTROL);
    expect((JSON.parse(json) as { text: string }).text).toBe(hostile);
  });

  it('--pages: one JSON line per page, offsets in code points, separators in no page', () => {
    const text = 'Page 🙂 one.\n\nPage two, 𠀀 end.';
    const pages = [
      { index: 0, label: 'iv', start: 0, end: 12 },
      { index: 1, label: 'v', start: 14, end: text.length },
    ];
    const lines = documentTextOutput({ text, pages }, { pages: true, terminal: false })
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { start: number; end: number; text: string; label: string });
    expect(lines.map((l) => l.label)).toEqual(['iv', 'v']);
    const points = [...text];
    for (const line of lines) {
      // counted in code points, the page's text is exactly there
      expect(points.slice(line.start, line.end).join('')).toBe(line.text);
    }
    expect(lines[0]).toMatchObject({ start: 0, end: 11, text: 'Page 🙂 one.' });
    expect(lines[1]).toMatchObject({ start: 13, end: points.length });
  });
});
