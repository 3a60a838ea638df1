import { describe, expect, it } from 'vitest';
import type { ImportedText } from '../../shared/model';
import { foundOfImport } from '../metadata/found';
import { importMarkdown } from './markdown';
import { validateImportedText } from './structure';

function md(source: string): ImportedText {
  const r = importMarkdown(new TextEncoder().encode(source));
  expect(validateImportedText(r)).toEqual([]);
  return r;
}
const texts = (r: ImportedText): string[] => r.blocks.map((b) => r.text.slice(b.start, b.end));

describe('Markdown front matter', () => {
  it('becomes the source fields, each found from front matter, and stays out of the text', () => {
    const r = md(
      [
        '---',
        'title: "Prison riot in Khujand"',
        'subtitle: What the witnesses said',
        'author:',
        '  - Jane Roe',
        '  - name: { given: Ivan, family: Petrov }',
        '  - family: Öztürk',
        '    given: Ayşe',
        'date: 2019-03-12',
        'lang: ru-RU',
        'publisher: Asia Desk',
        'doi: 10.1234/abc.5',
        'volume: 12',
        'tags: [prisons]',
        '---',
        '',
        '# A different heading',
        '',
        'Body text 🙂 here.',
      ].join('\n'),
    );
    expect(texts(r)).toEqual(['A different heading', 'Body text 🙂 here.']);
    expect(r.text.startsWith('A different heading')).toBe(true);
    expect(r.warnings).toEqual([]);
    const found = foundOfImport('text/markdown', r);
    expect(found.csl).toMatchObject({
      title: 'Prison riot in Khujand: What the witnesses said',
      author: [
        { family: 'Roe', given: 'Jane' },
        { family: 'Petrov', given: 'Ivan' },
        { family: 'Öztürk', given: 'Ayşe' },
      ],
      issued: { 'date-parts': [[2019, 3, 12]] },
      language: 'ru-RU',
      publisher: 'Asia Desk',
      DOI: '10.1234/abc.5',
      volume: '12',
    });
    expect(found.from).toMatchObject({
      title: 'front matter (title)',
      author: 'front matter (author)',
      issued: 'front matter (date)',
      language: 'front matter (lang)',
      DOI: 'front matter (doi)',
    });
  });

  it('takes a date only when one is stated', () => {
    const noDate = md('---\ntitle: Notes\ndate: today\n---\n\nText.');
    expect(foundOfImport('text/markdown', noDate).csl.issued).toBeUndefined();
    const partial = md('---\nauthors: "A. Smith; B. Jones"\ndate: March 2019\n---\n\nText.');
    const found = foundOfImport('text/markdown', partial);
    expect(found.csl.issued).toEqual({ 'date-parts': [[2019, 3]] });
    expect(found.csl.author).toEqual([
      { family: 'Smith', given: 'A.' },
      { family: 'Jones', given: 'B.' },
    ]);
    expect(found.from.author).toBe('front matter (authors)');
  });

  it('without a front matter title, the first heading is the title', () => {
    const r = md('---\nauthor: Jane Roe\n---\n\nIntro line.\n\n## The report\n\nText.');
    const found = foundOfImport('text/markdown', r);
    expect(found.csl.title).toBe('The report');
    expect(found.from.title).toBe('the first heading');
    expect(found.csl.author).toEqual([{ family: 'Roe', given: 'Jane' }]);
  });

  it('a file without front matter keeps its first heading as the title', () => {
    const r = md('Some intro.\n\n# Heading one\n\nText.');
    expect(r.found?.from.title).toBe('the first heading');
    expect(foundOfImport('text/markdown', r).csl.title).toBe('Heading one');
  });

  it('malformed YAML: the document is imported, no metadata, a note naming the line, the block kept', () => {
    const block = '---\ntitle: [unclosed\nauthor: Jane Roe\n---';
    const r = md(`${block}\n\n# Heading\n\nBody.`);
    expect(texts(r)).toEqual([block, 'Heading', 'Body.']);
    expect(r.blocks[0]?.type).toBe('code');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/front matter .* not valid YAML \(line \d+ of the file\)/);
    const found = foundOfImport('text/markdown', r);
    expect(found.csl.author).toBeUndefined();
    expect(found.csl.title).toBe('Heading');
  });

  it('front matter that is not a set of fields gives a note, not metadata', () => {
    const r = md('---\n- just\n- a list\n---\n\nBody.');
    expect(r.warnings[0]).toMatch(/not a list of fields/);
    expect(texts(r)).toEqual(['---\n- just\n- a list\n---', 'Body.']);
  });

  it('a file of front matter only is imported with its block as text, not refused as empty', () => {
    const r = md('---\ntitle: Only metadata\n---\n');
    expect(texts(r)).toEqual(['---\ntitle: Only metadata\n---']);
    expect(foundOfImport('text/markdown', r).csl.title).toBe('Only metadata');
  });

  it('a --- block further down is not front matter', () => {
    const r = md('Intro.\n\n---\ntitle: x\n---\n\nEnd.');
    // "title: x" over a --- line is a setext heading there, as CommonMark says
    expect(r.found?.from.title).toBe('the first heading');
    expect(r.warnings).toEqual([]);
    expect(r.text).toContain('title: x');
  });

  it('an unsafe URL or a malformed language tag is not taken', () => {
    const r = md('---\nurl: "javascript:alert(1)"\nlang: "not a tag"\n---\n\nBody.');
    const found = foundOfImport('text/markdown', r);
    expect(found.csl.URL).toBeUndefined();
    expect(found.csl.language).toBeUndefined();
  });
});
