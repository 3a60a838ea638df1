import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from './backend';
import { BUILTIN_STYLE_XML } from './citations/styles';
import { main } from './cli';
import { createClaim } from './db/claims';
import { claimCards } from './notebooks/claim-cards';
import { createNotebook } from './notebooks/store';
import { addDocument } from './test/add-document';
import { claimNode, editorState, paragraph, text } from './test/notebook-content';
import { SAMPLE_TEXT, tempDir } from './test/workspace';
import type { ClaimCard } from '../shared/api-notebooks';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

function workspace() {
  const dir = tempDir();
  const backend = openBackend(dir, 'cli');
  const doc = addDocument(backend.db, SAMPLE_TEXT, 'Khujand source');
  const claim = createClaim(backend.db, { documentId: doc.id, spans: [{ start: 0, end: 22 }] });
  const [card] = claimCards(backend.db, [claim.id]) as Extract<ClaimCard, { deleted: false }>[];
  const notebook = createNotebook(backend.db, {
    title: 'CLI memo',
    content: editorState(paragraph(text('See '), claimNode(card!))),
  });
  backend.close();
  return { dir, notebook };
}

const run = (dir: string, ...argv: string[]) => main([...argv, '--data-dir', dir]);

describe('claimdesk notebook', () => {
  it('lists notebooks as JSON lines', async () => {
    const { dir, notebook } = workspace();
    expect(await run(dir, 'notebook', 'list')).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: notebook.id, title: 'CLI memo', entityId: null });
  });

  it('exports Markdown to stdout and DOCX to a file', async () => {
    const { dir, notebook } = workspace();
    expect(await run(dir, 'notebook', 'export', notebook.id, '--format', 'md')).toBe(0);
    expect(out).toContain('See “Prison riot in Khujand”[^1]');
    expect(out).toMatch(/^\[\^1\]: \(Khujand Source, n\.d\.\)$/m);
    expect(out).toMatch(/^- Khujand source\. \(n\.d\.\)\.$/m);

    const file = join(dir, 'memo.docx');
    expect(
      await run(
        dir,
        'notebook',
        'export',
        notebook.id,
        '--format',
        'docx',
        '--out',
        file,
        '--appendix',
      ),
    ).toBe(0);
    expect(err).toContain(`Wrote ${file}`);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(await zip.file('word/footnotes.xml')!.async('string')).toContain(
      '(Khujand Source, n.d.)',
    );
    expect(await zip.file('word/document.xml')!.async('string')).toContain('File SHA-256');
  });

  it('--style: a shipped style, a .csl file used as it is, and what is not a style', async () => {
    const { dir, notebook } = workspace();
    expect(await run(dir, 'notebook', 'export', notebook.id, '--style', 'mla')).toBe(0);
    expect(out).toMatch(/^\[\^1\]: \(Khujand Source\)$/m);
    expect(out).toMatch(/^- Khujand Source\.$/m);

    const csl = join(dir, 'my-style.csl');
    writeFileSync(csl, BUILTIN_STYLE_XML['chicago-author-date']);
    out = '';
    expect(await run(dir, 'notebook', 'export', notebook.id, '--style', csl)).toBe(0);
    expect(out).toMatch(/^\[\^1\]: \(“Khujand Source,” n\.d\.\)$/m);
    // used for this export only: the file's style was not added to the workspace
    expect(
      await run(dir, 'notebook', 'export', notebook.id, '--style', 'added-chicago-author-date'),
    ).toBe(1);
    expect(err).toContain('There is no citation style "added-chicago-author-date"');

    const bad = join(dir, 'bad.csl');
    writeFileSync(bad, '<notastyle/>');
    expect(await run(dir, 'notebook', 'export', notebook.id, '--style', bad)).toBe(1);
    expect(err).toContain('This file is not a citation style Claimdesk can use');
    expect(await run(dir, 'notebook', 'export', notebook.id, '--style', 'nope')).toBe(1);
    expect(err).toContain('There is no citation style "nope". Styles: apa, chicago-author-date');
  });

  it('says what is wrong with a bad format, a missing id or an unknown notebook', async () => {
    const { dir, notebook } = workspace();
    expect(await run(dir, 'notebook', 'export', notebook.id, '--format', 'pdf')).toBe(1);
    expect(err).toContain('Unknown notebook format "pdf". Use: md, html, docx.');
    expect(await run(dir, 'notebook', 'export')).toBe(1);
    expect(err).toContain('Usage: claimdesk notebook list');
    expect(await run(dir, 'notebook', 'export', 'nbk_000000000000000000000000')).toBe(1);
    expect(err).toMatch(/No notebook with id nbk_0+/);
  });
});
