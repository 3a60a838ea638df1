import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { validateImportedText } from './structure';
import { importText } from './text';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const blockTexts = (r: { text: string; blocks: { start: number; end: number }[] }): string[] =>
  r.blocks.map((b) => r.text.slice(b.start, b.end));

const FIXTURES = fileURLToPath(new URL('../../../e2e/fixtures/', import.meta.url));
const CORPUS = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');

describe('importText', () => {
  it('splits paragraphs on blank lines and keeps single newlines inside a paragraph', () => {
    const r = importText(enc('First line\nsame paragraph\n\nSecond paragraph\n'));
    expect(blockTexts(r)).toEqual(['First line\nsame paragraph', 'Second paragraph']);
    expect(r.text).toBe('First line\nsame paragraph\n\nSecond paragraph');
    expect(r.blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(validateImportedText(r)).toEqual([]);
  });

  it('trims trailing whitespace per line and collapses 3+ newlines', () => {
    const r = importText(enc('  Indented start   \nnext\t \n\n\n\n\nlast  '));
    expect(r.text).toBe('Indented start\nnext\n\nlast');
    expect(validateImportedText(r)).toEqual([]);
  });

  it('treats whitespace-only lines as blank', () => {
    const r = importText(enc('one\n \t \ntwo'));
    expect(blockTexts(r)).toEqual(['one', 'two']);
  });

  it('keeps Cyrillic and emoji with UTF-16 offsets', () => {
    const r = importText(enc('Gulmurod Khalimov 🙂\n\n«Мы не знали, что происходит внутри»'));
    expect(blockTexts(r)).toEqual(['Gulmurod Khalimov 🙂', '«Мы не знали, что происходит внутри»']);
    // the emoji is two UTF-16 code units
    expect(r.blocks[0]?.end).toBe('Gulmurod Khalimov '.length + 2);
    expect(r.blocks[1]?.start).toBe('Gulmurod Khalimov 🙂'.length + 2);
  });

  it('takes the title from a heading-like line, whole, and none from prose', () => {
    expect(importText(enc('\n\n  Prison riot in Khujand  \n\nbody')).meta.title).toBe(
      'Prison riot in Khujand',
    );
    const long =
      'Riots, deaths and denials in the prisons of Tajikistan from 2015 to 2019 and what officials said about them afterwards';
    expect(importText(enc(`${long}\n\nBody.`)).meta.title).toBe(long); // never cut short
    expect(
      importText(enc('Officials reported at least 27 deaths in the riot.\n\nMore.')).meta.title,
    ).toBeUndefined();
    // a caption first, then the headline
    expect(
      importText(
        enc('Soldiers at a training centre, 2013.\n\nSecurity Chief Defects. Now What?\n\nBody.'),
      ).meta.title,
    ).toBe('Security Chief Defects. Now What?');
    expect(importText(enc('## **Roundtable on Violent Extremism**\n\nText.')).meta.title).toBe(
      'Roundtable on Violent Extremism',
    );
  });

  it('reads a leading "date YYYY-MM-DD" as publishedDate, keeping the text', () => {
    const r = importText(
      enc(' date 2018-05-01 A conference on countering extremism opens.\n\nMore.'),
    );
    expect(r.meta.publishedDate).toBe('2018-05-01');
    expect(r.meta.title).toBeUndefined(); // the rest of the line is a sentence
    expect(
      importText(enc('date 2018-05-01 Conference on extremism opens\n\nMore.')).meta.title,
    ).toBe('Conference on extremism opens');
    expect(r.text.startsWith('date 2018-05-01 A conference')).toBe(true);

    const own = importText(enc('date 2019-11-07\n\nPrison riot in Khujand\n\nBody.'));
    expect(own.meta.publishedDate).toBe('2019-11-07');
    expect(own.meta.title).toBe('Prison riot in Khujand');

    expect(importText(enc('No date here 2018-05-01')).meta.publishedDate).toBeUndefined();
  });

  it('refuses whitespace-only files and 0 bytes as empty', () => {
    for (const bytes of [enc(' \n\n\t\n'), new Uint8Array()]) {
      try {
        importText(bytes);
        expect.unreachable();
      } catch (e) {
        expect((e as ImportError).code).toBe('empty');
      }
    }
  });

  it('refuses a binary .txt as not_text', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(() => importText(bytes)).toThrow(/binary/);
    try {
      importText(bytes);
    } catch (e) {
      expect((e as ImportError).code).toBe('not_text');
    }
  });

  it('imports the text fixture', () => {
    const r = importText(readFileSync(path.join(FIXTURES, 'sample.txt')));
    expect(validateImportedText(r)).toEqual([]);
    expect(r.meta.title).toBe('Prison riot in Khujand: what the sources say');
    const texts = blockTexts(r);
    expect(texts).toHaveLength(5);
    expect(texts[1]).toBe(
      'On 7 November 2018 a riot broke out in the high-security prison in Khujand.\n' +
        'Officials reported at least 27 deaths; local residents said the toll was closer to 50.',
    );
    expect(texts[3]).toBe('«Мы не знали, что происходит внутри», — сказал один из родственников.');
    expect(texts[4]).toBe('Reaction online 🙂 was mixed.');
  });
});

describe('importText on the shared corpus', () => {
  const file = path.join(CORPUS, '000_5053e8388b8085f0.txt');
  const present = existsSync(file);
  if (!present) console.warn(`corpus test skipped: ${file} not found (set CLAIMDESK_CORPUS)`);

  it.skipIf(!present)('keeps one block per blank-line-separated paragraph of 000', () => {
    const source = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    const r = importText(readFileSync(file));
    expect(validateImportedText(r)).toEqual([]);
    const lines = source.split('\n').map((l) => l.trim());
    const nonEmpty = lines.filter((l) => l !== '');
    // paragraphs = runs of non-empty lines; most of 000 is one paragraph per line, but a
    // timeline list has consecutive lines, which stay together with "\n"
    let groups = 0;
    lines.forEach((l, i) => {
      if (l !== '' && (i === 0 || lines[i - 1] === '')) groups++;
    });
    expect(r.blocks).toHaveLength(groups);
    const blockLines = blockTexts(r).flatMap((t) => t.split('\n').map((l) => l.trim()));
    expect(blockLines).toEqual(nonEmpty);
    // 000 starts with prose: no title of its own (the file name stands in)
    expect(r.meta.title).toBeUndefined();
  });

  const file3 = path.join(CORPUS, '003_3f3fa8032a096961.txt');
  it.skipIf(!existsSync(file3))('reads the date line of 003', () => {
    const r = importText(readFileSync(file3));
    expect(r.meta.publishedDate).toBe('2018-05-01');
    expect(r.meta.title ?? '').not.toMatch(/date/);
  });
});
