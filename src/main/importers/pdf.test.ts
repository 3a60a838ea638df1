import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportedText } from '../../shared/model';
import { ImportError, type ImportErrorCode } from './errors';
import { cleanTitle, importPdf, NO_TEXT_WARNING, pdfDate, splitAuthors } from './pdf';
import type { Line } from './pdf-layout';
import { dropRunningLines } from './pdf-running-lines';
import { buildLexicon, joinSplitWord } from './pdf-word-breaks';
import { makePdf, PARAGRAPHS, pdfString, show, typeset, wrap } from './pdf-fixtures';
import { wordAgreement } from './word-alignment';

async function importError(bytes: Uint8Array, password?: string): Promise<ImportError> {
  const error = await importPdf(bytes, { password }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

async function expectCode(
  bytes: Uint8Array,
  code: ImportErrorCode,
  password?: string,
): Promise<ImportError> {
  const error = await importError(bytes, password);
  expect(error.code).toBe(code);
  return error;
}

/** Every page has a span, in order; between spans there is only whitespace; blocks cover the text. */
function expectWellFormed(result: ImportedText, pageCount: number): void {
  const { text, pages, blocks } = result;
  expect(pages.map((p) => p.index)).toEqual([...Array(pageCount).keys()]);
  let end = 0;
  for (const page of pages) {
    expect(page.label).not.toBe('');
    expect(page.start).toBeGreaterThanOrEqual(end);
    expect(page.end).toBeGreaterThanOrEqual(page.start);
    expect(text.slice(end, page.start).trim()).toBe('');
    end = page.end;
  }
  expect(text.slice(end).trim()).toBe('');
  let covered = 0;
  for (const block of blocks) {
    expect(block.start).toBeGreaterThanOrEqual(covered);
    expect(block.end).toBeGreaterThan(block.start);
    expect(text.slice(covered, block.start).trim()).toBe('');
    covered = block.end;
  }
  expect(text.slice(covered).trim()).toBe('');
}

// ---- synthetic documents --------------------------------------------------------------------------

describe('importPdf on generated PDFs', () => {
  const { pdf, lines } = typeset(PARAGRAPHS, { heading: 'Findings' });

  it('uses a fixture that exercises line and page joins', () => {
    const all = lines.flat();
    for (const end of [' extrem-', ' ISIS-', ' non-', ' radicali-']) {
      expect(all.some((l) => l.endsWith(end))).toBe(true);
    }
    expect(lines.length).toBe(3);
    expect(lines[0]![lines[0]!.length - 1]).not.toBe(''); // a paragraph runs over the page break
  });

  it('extracts paragraphs, repairs hyphenation, drops running lines, maps pages', async () => {
    const result = await importPdf(pdf);
    const body = PARAGRAPHS.map((p) => p.replace(/~/g, '')).join('\n\n');
    expect(result.text).toBe(`Findings\n\n${body}`);
    expect(result.warnings).toEqual([]);
    expect(result.blocks[0]).toEqual({
      type: 'heading',
      level: 1,
      start: 0,
      end: 'Findings'.length,
    });
    expect(result.blocks.slice(1).map((b) => [b.type, result.text.slice(b.start, b.end)])).toEqual(
      PARAGRAPHS.map((p) => ['paragraph', p.replace(/~/g, '')]),
    );
    expectWellFormed(result, lines.length);
    expect(result.pages.map((p) => p.label)).toEqual(lines.map((_, i) => String(i + 1)));
    // the last line of page 1 is inside page 1's span
    const lastLine = lines[0]!.filter(Boolean).pop()!.replace(/-$/, '');
    const at = result.text.indexOf(lastLine);
    expect(at).toBeGreaterThanOrEqual(result.pages[0]!.start);
    expect(at + lastLine.length).toBeLessThanOrEqual(result.pages[0]!.end);
  });

  it('reads two columns in order and joins a paragraph across the column break', async () => {
    const left = wrap(PARAGRAPHS[1]!.replace(/~/g, ''), 30);
    const right = wrap(PARAGRAPHS[3]!, 30);
    const half = Math.ceil(left.length / 2);
    const columns = [left.slice(0, half), [...left.slice(half), '', ...right]];
    const page = columns.flatMap((column, c) =>
      column.map((line, i) => (line ? show('F2', 10, 72 + 250 * c, 700 - 12 * i, line) : '')),
    );
    const result = await importPdf(makePdf([page.join('\n')]));
    expect(result.text).toBe(`${PARAGRAPHS[1]!.replace(/~/g, '')}\n\n${PARAGRAPHS[3]}`);
  });

  it('lays out a page whose text is rotated a quarter turn', async () => {
    const lines = wrap(PARAGRAPHS[0]!.replace(/~/g, ''), 48);
    const page = lines.map(
      (line, i) => `BT /F2 10 Tf 0 1 -1 0 ${100 + 12 * i} 72 Tm ${pdfString(line)} Tj ET`,
    );
    const result = await importPdf(makePdf([page.join('\n')]));
    expect(result.text).toBe(PARAGRAPHS[0]!.replace(/~/g, ''));
  });

  it('does not detach the caller’s buffer', async () => {
    const bytes = pdf.slice();
    await importPdf(bytes);
    expect(bytes.byteLength).toBe(pdf.byteLength);
  });

  it('drops a lone page number and keeps short body lines', async () => {
    const page = [
      show('F1', 11, 72, 700, 'Dushanbe, 12 May 2019'),
      show('F1', 11, 72, 686, 'The court sentenced 27 men.'),
      show('F1', 11, 300, 40, '1'),
    ].join('\n');
    const result = await importPdf(makePdf([page]));
    expect(result.text).toBe('Dushanbe, 12 May 2019\n\nThe court sentenced 27 men.');
  });

  it('inserts spaces from geometry when the PDF draws none', async () => {
    const page = [
      show('F1', 12, 72, 700, 'Counter'),
      show('F1', 12, 120, 700, 'extremism'),
      show('F1', 12, 72, 686, 'x'),
    ];
    const result = await importPdf(makePdf([page.join('\n')]));
    expect(result.text.split(/\s+/)).toEqual(['Counter', 'extremism', 'x']);
  });

  it('reads metadata from the info dictionary and the catalog', async () => {
    const result = await importPdf(
      makePdf([show('F1', 12, 72, 700, 'Hello')], {
        info: {
          Title: 'Microsoft Word - Tajikistan country profile.docx',
          Author: 'A. Smith; B. Jones',
          CreationDate: "D:20190307120000+03'00'",
        },
        lang: 'en-GB',
      }),
    );
    expect(result.found!.csl).toEqual({
      title: 'Tajikistan country profile',
      author: [
        { family: 'Smith', given: 'A.' },
        { family: 'Jones', given: 'B.' },
      ],
      language: 'en-GB',
    });
    // the CreationDate is when the file was made, not when the work was published
    expect(result.found!.fileDate).toBe('2019-03-07');
  });

  it('cleans metadata values', () => {
    expect(cleanTitle('Untitled')).toBe('');
    expect(cleanTitle('Microsoft Word - x.doc')).toBe('x');
    expect(cleanTitle('<b>Electronegativity<b><br><p>User Manual</p>')).toBe(
      'Electronegativity User Manual',
    );
    expect(cleanTitle('  ')).toBe('');
    expect(cleanTitle('Roundtable on Violent Extremism')).toBe('Roundtable on Violent Extremism');
    expect(splitAuthors('A. Smith, B. Jones and C. Lee')).toEqual([
      'A. Smith',
      'B. Jones',
      'C. Lee',
    ]);
    expect(splitAuthors('Smith, John')).toEqual(['Smith, John']);
    expect(splitAuthors('')).toEqual([]);
    expect(pdfDate("D:20261122060036Z'")).toBe('2026-11-22');
    expect(pdfDate('D:2018')).toBe('2018');
    expect(pdfDate('garbage')).toBeNull();
  });

  it('warns when no page has text', async () => {
    const result = await importPdf(makePdf(['0 0 100 100 re f', '0.5 g 10 10 50 50 re f']));
    expect(result.text).toBe('');
    expect(result.warnings).toEqual([NO_TEXT_WARNING]);
    expect(NO_TEXT_WARNING).toBe('no selectable text — scanned?');
    expect(result.pages.map((p) => [p.index, p.label, p.start, p.end])).toEqual([
      [0, '1', 0, 0],
      [1, '2', 0, 0],
    ]);
    expect(result.blocks).toEqual([]);
  });
});

// ---- the pure rules -----------------------------------------------------------------------------

describe('words split across lines', () => {
  const lexicon = buildLexicon([
    'Counter-terrorism and extremism: the government reports on border security.',
    'The two sides met for a day. Experts disagree.',
  ]);
  const join = (before: string, after: string) => joinSplitWord(before, after, lexicon);

  it('drops soft hyphens', () => {
    expect(join('the rise of violent extrem-', 'ism in the region')).toBe('drop');
    expect(join('the govern-', 'ment said')).toBe('drop'); // "government" occurs in the document
    expect(join('the govern-', "ment's view.")).toBe('drop');
    expect(join('a soft\u00AD', 'hyphen')).toBe('drop');
    expect(join('ask the ex-', 'perts')).toBe('drop');
  });

  it('keeps real hyphens', () => {
    expect(join('a new counter-', 'terrorism law')).toBe('join'); // the document spells it so
    expect(join('groups that are ISIS-', 'affiliated')).toBe('join');
    expect(join('fighters of Al-', 'Qaeda')).toBe('join');
    expect(join('in a two-', 'day meeting')).toBe('join'); // both halves are words
    expect(join('the non-', 'governmental sector')).toBe('join');
    expect(join('such heavy-', 'handedness')).toBe('join');
    expect(join('in 1970-', '2015')).toBe('join');
    expect(join('pp. 37-', '46.')).toBe('join');
    expect(join('<https://a.org/efforts-to-', 'combat-it>')).toBe('join');
  });

  it('joins URLs and attached dashes without a space', () => {
    expect(join('see <https://osce.org/library/', 'details?id=2658>')).toBe('join');
    expect(join('[x](http://polis.osce.org/', 'library/details?doc_id=2658)')).toBe('join');
    expect(join('at https://plov.press/news/a_b_c', 'd_e_f/ today')).toBe('join');
    expect(join('the opposition (UTO)—', 'comprised')).toBe('join');
  });

  it('leaves ordinary line ends alone', () => {
    expect(join('the report', 'describes')).toBeNull();
    expect(join('a dash -', 'and more')).toBeNull();
    expect(join('see https://osce.org.', 'Then')).toBeNull();
    expect(join('---', '<sup>1</sup> In the')).toBeNull();
  });
});

describe('running headers and footers', () => {
  const line = (text: string, y: number): Line => ({
    text,
    x0: 72,
    x1: 72 + 6 * text.length,
    y,
    size: 10,
    charWidth: 6,
    firstWordWidth: 6 * text.split(' ')[0]!.length,
    upright: true,
  });
  const page = (n: number, top: string, body: string) => [
    line(top, 750),
    line(`${body} page of the body text`, 700),
    line(`and the ${body.toLowerCase()} page ends here.`, 688),
    line(`Journal of Central Asian Studies, vol. 3, ${40 + n}`, 40),
  ];

  it('drops lines that recur at the page edges, keeps headings that only look alike', () => {
    const pages = [
      page(0, 'Chapter 1', 'First'),
      page(1, 'Orumbayeva et al.', 'Second'),
      page(2, 'Chapter 2', 'Third'),
      page(3, 'Orumbayeva et al.', 'Fourth'),
      page(4, 'Chapter 3', 'Fifth'),
      page(5, 'Orumbayeva et al.', 'Sixth'),
    ];
    const kept = dropRunningLines(pages, ['1', '2', '3', '4', '5', '6']).map((p) =>
      p.map((l) => l.text),
    );
    expect(kept[0]).toEqual([
      'Chapter 1',
      'First page of the body text',
      'and the first page ends here.',
    ]);
    expect(kept[1]).toEqual(['Second page of the body text', 'and the second page ends here.']);
    expect(kept[4]).toEqual([
      'Chapter 3',
      'Fifth page of the body text',
      'and the fifth page ends here.',
    ]);
  });
});

// ---- damaged and protected files -------------------------------------------------------------------

describe('importPdf refuses what it cannot read', () => {
  const good = typeset(PARAGRAPHS).pdf;

  it('empty input', async () => {
    await expectCode(new Uint8Array(0), 'empty');
  });

  it('not a PDF at all', async () => {
    let seed = 42;
    const random = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24,
    );
    const error = await expectCode(random, 'corrupt');
    expect(error.message).toMatch(/not a PDF/);
    await expectCode(new TextEncoder().encode('Just some notes.\n'), 'corrupt');
  });

  it('a truncated PDF', async () => {
    const error = await expectCode(good.slice(0, Math.floor(good.length * 0.6)), 'corrupt');
    expect(error.message).toMatch(
      /^This PDF is damaged or incomplete \(.+\); try re-downloading it/,
    );
  });

  it('a PDF header followed by garbage', async () => {
    const bytes = new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`);
    await expectCode(bytes, 'corrupt');
  });

  describe('encrypted with qpdf', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pdf-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const encrypt = () => {
      const qpdf = spawnSync('qpdf', ['--version']);
      if (qpdf.error)
        throw new Error(
          'qpdf is not installed: install it (apt-get install qpdf) to run this test',
        );
      fs.writeFileSync(path.join(dir, 'in.pdf'), good);
      execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', 'in.pdf', 'out.pdf'], {
        cwd: dir,
      });
      return new Uint8Array(fs.readFileSync(path.join(dir, 'out.pdf')));
    };

    it('asks for the password, rejects a wrong one, opens with the right one', async () => {
      const locked = encrypt();
      const required = await expectCode(locked, 'password_required');
      expect(required.message).toBe(
        'This PDF is password-protected. Enter its password to import it.',
      );
      await expectCode(locked, 'wrong_password', 'nope');
      const result = await importPdf(locked, { password: 'user' });
      expect(result.text).toContain('violent extremism in the region');
    });
  });
});

// ---- the sample corpus -------------------------------------------------------------------------------

const corpus = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const corpusPdfs = fs.existsSync(corpus)
  ? fs
      .readdirSync(corpus)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];
if (!corpusPdfs.length)
  console.warn(`PDF corpus tests skipped: no *.pdf in ${corpus} (set CLAIMDESK_CORPUS)`);
const corpusIt = corpusPdfs.length ? it : it.skip;

function pdftotext(file: string): string {
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.error) {
    throw new Error(
      'pdftotext is not installed: install poppler-utils to compare PDF extraction with it',
    );
  }
  return run.stdout;
}

describe('importPdf on the corpus', () => {
  const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(corpus, file)));

  for (const file of corpusPdfs.length ? corpusPdfs : ['(no corpus)']) {
    corpusIt(`${file}: agrees with its .txt twin at least as well as pdftotext`, async () => {
      const expected = fs.readFileSync(path.join(corpus, file.replace(/\.pdf$/, '.txt')), 'utf8');
      const result = await importPdf(read(file));
      const ours = wordAgreement(expected, result.text);
      const poppler = wordAgreement(expected, pdftotext(path.join(corpus, file)));
      console.log(
        `${file}: word agreement ours ${ours.toFixed(4)}, pdftotext ${poppler.toFixed(4)}`,
      );
      expect(ours).toBeGreaterThanOrEqual(0.995);
      expect(ours).toBeGreaterThanOrEqual(poppler);
      expect(result.warnings).toEqual([]);
      expect(result.pages.length).toBeGreaterThan(0);
      expectWellFormed(result, result.pages.length);
      // no hyphenation or line-join artefacts the source does not have
      const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
      expect(count(result.text, /\p{L}-\n/gu)).toBeLessThanOrEqual(count(expected, /\p{L}-\n/gu));
      expect(count(result.text, /\p{L}- \p{Ll}/gu)).toBeLessThanOrEqual(
        count(expected, /\p{L}- \p{Ll}/gu),
      );
    });
  }

  const article = corpusPdfs.find((f) => f.startsWith('002_'));
  (article ? it : it.skip)('maps pages: 002 has 21 pages and page 3 holds its text', async () => {
    const result = await importPdf(read(article!));
    expect(result.pages).toHaveLength(21);
    expectWellFormed(result, 21);
    expect(result.pages.map((p) => p.label)).toEqual(
      Array.from({ length: 21 }, (_, i) => String(i + 1)),
    );
    const sentence =
      'Common principles of Central Asian countries in developing and ensuring national security systems are identified.';
    const at = result.text.indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    const page3 = result.pages[2]!;
    expect(at).toBeGreaterThanOrEqual(page3.start);
    expect(at + sentence.length).toBeLessThanOrEqual(page3.end);
    expect(result.found!.csl.language).toBe('en-US');
    expect(result.found!.csl.issued).toBeUndefined();
    expect(result.found!.fileDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  (corpusPdfs.length ? it : it.skip)('refuses a truncated corpus PDF', async () => {
    const bytes = read(corpusPdfs[0]!);
    await expectCode(bytes.slice(0, Math.floor(bytes.length * 0.6)), 'corrupt');
  });
});
