import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ClaimCard } from '../../../shared/api-notebooks';
import { addPagedDocument } from '../../test/paged-document';
import {
  claimNode,
  editorState,
  heading,
  link,
  list,
  listItem,
  mention,
  paragraph,
  quote,
  table,
  text,
} from '../../test/notebook-content';
import { failureOf, rpcOf } from '../../test/rpc';
import { tempBackend } from '../../test/workspace';

type LiveCard = Extract<ClaimCard, { deleted: false }>;

const REPORT_PAGES = [
  'Front matter.',
  'Officials said at least 27 people died in the riot.',
  'Rights groups put the toll closer to 50, citing relatives.',
];

/**
 * A notebook citing three claims: one on page 12 of a report, one running over pages 12–13 of it,
 * and one from a news story that is then deleted (with its document kept).
 */
async function citedNotebook() {
  const backend = tempBackend();
  const rpc = rpcOf(backend);
  const report = addPagedDocument(
    backend.db,
    REPORT_PAGES,
    { title: 'Khujand prison report', authors: ['Nodira Karimova'], publishedDate: '2019-03-02' },
    11,
  );
  const news = addPagedDocument(
    backend.db,
    ['The Khujand riot left dozens dead, a witness said.'],
    {
      title: 'Wire story',
      publishedDate: '2018-11-08',
      publisher: 'Asia Wire',
    },
  );
  const page12 = REPORT_PAGES[0]!.length + 2;
  const page13 = page12 + REPORT_PAGES[1]!.length + 2;
  const official = await rpc('claims.create', {
    documentId: report.id,
    spans: [{ start: page12, end: page12 + 'Officials said at least 27 people died'.length }],
  });
  const spanning = await rpc('claims.create', {
    documentId: report.id,
    spans: [
      {
        start: page12 + 'Officials said '.length,
        end: page13 + 'Rights groups put the toll closer to 50'.length,
      },
    ],
  });
  const witness = await rpc('claims.create', {
    documentId: news.id,
    spans: [{ start: 0, end: 'The Khujand riot left dozens dead'.length }],
  });
  const cards = (await rpc('notebooks.claimCards', {
    ids: [official.id, spanning.id, witness.id],
  })) as LiveCard[];
  const place = await rpc('entities.create', { kind: 'place', name: 'Khujand' });
  const notebook = await rpc('notebooks.create', { title: 'Riot toll: a finding' });
  await rpc('notebooks.save', {
    id: notebook.id,
    baseRevision: 1,
    content: editorState(
      heading('h2', text('The toll')),
      paragraph(
        text('Accounts of '),
        mention(place.id, 'Khujand'),
        text(' differ: '),
        claimNode(cards[0]!),
        text(' against '),
        claimNode(cards[1]!),
        text('. '),
        text('Bold', 1),
        text(' and '),
        text('italic', 2),
        text(' with a '),
        link('https://example.org/a?b=1&c=2', text('link')),
        text(' and a '),
        link('javascript:alert(1)', text('refused link')),
        text('.'),
      ),
      quote(text('A witness: '), claimNode(cards[2]!)),
      list('bullet', listItem(1, text('first *point*')), listItem(2, text('second'))),
      table([[text('Source')], [text('Toll')]], [[text('Officials')], [text('27')]]),
      // the same claim cited again gets a note of its own
      paragraph(text('Again: '), claimNode(cards[0]!)),
    ),
  });
  await rpc('claims.delete', { id: witness.id });
  return { backend, rpc, report, news, notebook, cards };
}

describe('notebook export', () => {
  it('Markdown: claims as footnotes in order, fields of each note, bibliography, appendix', async () => {
    const { rpc, notebook, report, news, cards } = await citedNotebook();
    const file = await rpc('notebooks.export', { id: notebook.id, format: 'md', appendix: true });
    expect(file).toMatchObject({
      fileName: 'Riot-toll-a-finding.md',
      mediaType: 'text/markdown; charset=utf-8',
    });
    const md = new TextDecoder().decode(file.bytes);

    expect(md).toMatch(/^# Riot toll: a finding\n/);
    expect(md).toContain('## The toll');
    expect(md).toContain(
      `Accounts of @Khujand differ: “Officials said at least 27 people died”[^1] against “at least 27 people died in the riot. Rights groups put the toll closer to 50”[^2]. **Bold** and *italic* with a [link](<https://example.org/a?b=1&c=2>) and a refused link.`,
    );
    expect(md).toContain('> A witness: “The Khujand riot left dozens dead”[^3]');
    expect(md).toContain('- first \\*point\\*\n- second');
    expect(md).toContain('| Source | Toll |\n| --- | --- |\n| Officials | 27 |');
    expect(md).toContain('Again: “Officials said at least 27 people died”[^4]');

    const notes = Object.fromEntries(
      [...md.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => [m[1], m[2]!]),
    );
    expect(Object.keys(notes)).toEqual(['1', '2', '3', '4']);
    // each note cites its claim alone in the default style (APA): author, year, that claim's pages
    expect(notes['1']).toBe('(Karimova, 2019, p. 12)');
    expect(notes['2']).toBe('(Karimova, 2019, pp. 12–13)');
    expect(notes['4']).toBe(notes['1']);
    // the deleted claim still cites its document (kept), and says it was deleted
    expect(notes['3']).toBe('(Wire Story, 2018, p. 1) (deleted claim)');

    // the bibliography lists each work once, as APA writes and sorts it, without pages
    const bibliography = /## Bibliography\n\n((?:- .*\n?)+)/.exec(md)![1]!.trim().split('\n');
    expect(bibliography).toEqual([
      '- Karimova, N. (2019, March 2). Khujand prison report.',
      '- Wire story. (2018, November 8). Asia Wire.',
    ]);

    const evidence = md.slice(md.indexOf('## Evidence'));
    const items = evidence.split('\n### ').slice(1);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^\[1\] \[4\] Officials said at least 27 people died\n/);
    expect(items[0]).toContain('> Officials said at least 27 people died');
    expect(items[0]).toContain('- Source: Khujand prison report');
    expect(items[0]).toContain('- Pages: 12\n');
    expect(items[0]).toContain(`- File SHA-256: \`${report.sha256}\``);
    expect(items[0]).toContain(`- Claim: \`${cards[0]!.id}\``);
    expect(items[1]).toContain('- Pages: 12–13');
    expect(items[2]).toMatch(/^\[3\] The Khujand riot left dozens dead \(deleted claim\)/);
    expect(items[2]).toContain('> The Khujand riot left dozens dead');
    expect(items[2]).toContain(`- File SHA-256: \`${news.sha256}\``);
  });

  it('follows edits to claims: the export shows the claim as it is now', async () => {
    const { rpc, notebook, cards } = await citedNotebook();
    await rpc('claims.update', { id: cards[0]!.id, patch: { statement: 'Official toll: 27' } });
    const md = new TextDecoder().decode(
      (await rpc('notebooks.export', { id: notebook.id, format: 'md', appendix: true })).bytes,
    );
    expect(md).toContain('### [1] [4] Official toll: 27\n');
  });

  it('HTML: escaped, safe links only, note references linked both ways', async () => {
    const { rpc, notebook } = await citedNotebook();
    const html = new TextDecoder().decode(
      (await rpc('notebooks.export', { id: notebook.id, format: 'html', appendix: false })).bytes,
    );
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|javascript:/i);
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">link</a>');
    expect(html).toContain(
      '<q class="claim">Officials said at least 27 people died</q><sup id="fnref1"><a href="#fn1" role="doc-noteref">1</a></sup>',
    );
    const notes = [
      ...html.matchAll(/<li id="fn(\d+)" data-claim="(clm_[0-9a-f]+)">(.*?) <a href="#fnref\1"/g),
    ];
    expect(notes.map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect(notes[0]![3]).toBe('(Karimova, 2019, p. 12)');
    expect(notes[2]![3]).toBe('(Wire Story, 2018, p. 1) <em>(deleted claim)</em>');
    expect(html).toContain('<li>Karimova, N. (2019, March 2). Khujand prison report.</li>');
    expect(html).toContain('<table>\n<tr><th>Source</th><th>Toll</th></tr>');
    expect(html).not.toContain('<h2>Evidence</h2>');
  });

  it('DOCX: real Word footnotes with the citations, readable back by mammoth', async () => {
    const { rpc, notebook, report } = await citedNotebook();
    const file = await rpc('notebooks.export', { id: notebook.id, format: 'docx', appendix: true });
    expect(file.fileName).toBe('Riot-toll-a-finding.docx');
    const zip = await JSZip.loadAsync(file.bytes);
    const body = await zip.file('word/document.xml')!.async('string');
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    expect([...body.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    const noteText = (id: string) => {
      const xml = new RegExp(`<w:footnote w:id="${id}">([\\s\\S]*?)</w:footnote>`).exec(
        footnotes,
      )![1]!;
      return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    };
    expect(noteText('1')).toBe('(Karimova, 2019, p. 12)');
    expect(noteText('2')).toBe('(Karimova, 2019, pp. 12–13)');
    expect(noteText('3')).toBe('(Wire Story, 2018, p. 1) (deleted claim)');
    expect(noteText('4')).toBe('(Karimova, 2019, p. 12)');

    const { value: textBack } = await mammoth.extractRawText({ buffer: Buffer.from(file.bytes) });
    expect(textBack).toContain('Riot toll: a finding');
    expect(textBack).toContain('“Officials said at least 27 people died”');
    expect(textBack).toContain('Bibliography');
    expect(textBack).toContain(report.sha256);
    const { value: htmlBack } = await mammoth.convertToHtml({ buffer: Buffer.from(file.bytes) });
    expect(htmlBack).toContain('<a href="https://example.org/a?b=1&amp;c=2">link</a>');
    expect(htmlBack).toMatch(/<li id="footnote-1"><p>\(Karimova, 2019, p\. 12\)/);
    expect(textBack).toContain('Wire story. (2018, November 8). Asia Wire.');
    expect(htmlBack).toContain('<h2>The toll</h2>');
  });

  it('writes the notes and bibliography in the chosen style, or says which styles exist', async () => {
    const { backend, rpc, notebook } = await citedNotebook();
    const exported = async (style: string) => {
      const md = new TextDecoder().decode(
        (await rpc('notebooks.export', { id: notebook.id, format: 'md', style })).bytes,
      );
      return {
        notes: [...md.matchAll(/^\[\^\d+\]: (.*)$/gm)].map((m) => m[1]),
        bibliography: md
          .slice(md.indexOf('## Bibliography'))
          .split('\n')
          .filter((line) => line.startsWith('- '))
          .map((line) => line.slice(2)),
      };
    };
    expect(await exported('chicago-author-date')).toEqual({
      notes: [
        '(Karimova 2019, 12)',
        '(Karimova 2019, 12–13)',
        '(“Wire Story” 2018, 1) (deleted claim)',
        '(Karimova 2019, 12)',
      ],
      bibliography: [
        'Karimova, Nodira. 2019. “Khujand Prison Report.”',
        '“Wire Story.” 2018. Asia Wire.',
      ],
    });
    const mla = await exported('mla');
    expect(mla.notes.slice(0, 2)).toEqual(['(Karimova 12)', '(Karimova 12–13)']);
    expect(mla.bibliography[0]).toBe('Karimova, Nodira. Khujand Prison Report. 2 Mar. 2019.');
    const harvard = await exported('harvard');
    expect(harvard.notes[1]).toBe('(Karimova, 2019, pp. 12–13)');

    const refused = await failureOf(backend, 'notebooks.export', {
      id: notebook.id,
      format: 'md',
      style: 'nope',
    });
    expect(refused.code).toBe('not_found');
    expect(refused.message).toContain('Styles: apa, chicago-author-date, mla, harvard');
  });

  it('refuses an unknown notebook with not_found', async () => {
    const backend = tempBackend();
    const result = await backend.registry.call('notebooks.export', {
      id: 'nbk_000000000000000000000000',
      format: 'md',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
