import { describe, expect, it } from 'vitest';
import type { ImportedText } from '../../shared/model';
import { ImportError } from './errors';
import {
  normalizeDate,
  safeHref,
  shortTitle,
  structuralTitle,
  StructureBuilder,
  validateImportedText,
} from './structure';

const slice = (r: ImportedText, x: { start: number; end: number }): string =>
  r.text.slice(x.start, x.end);

describe('StructureBuilder', () => {
  it('joins blocks with "\\n\\n" and tracks offsets', () => {
    const b = new StructureBuilder();
    b.startBlock({ type: 'heading', level: 1 });
    b.text('Prison riot in Khujand');
    b.startBlock({ type: 'paragraph' });
    b.text('At least 27 ');
    const h = b.openMark('strong');
    b.text('or closer to 50');
    b.closeMark(h);
    b.text('.');
    const r = b.finish();
    expect(r.text).toBe('Prison riot in Khujand\n\nAt least 27 or closer to 50.');
    expect(r.blocks.map((x) => slice(r, x))).toEqual([
      'Prison riot in Khujand',
      'At least 27 or closer to 50.',
    ]);
    expect(r.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
    expect(r.marks).toHaveLength(1);
    expect(slice(r, r.marks[0]!)).toBe('or closer to 50');
    expect(validateImportedText(r)).toEqual([]);
  });

  it('collapses whitespace, trims blocks and keeps mark offsets right', () => {
    const b = new StructureBuilder();
    b.text('   Gulmurod  \t ');
    const h = b.openMark('emphasis');
    b.text('  Khalimov  ');
    b.closeMark(h);
    b.text(' \n  alias Gumurod   Halimov  \n\n ');
    const r = b.finish();
    expect(r.text).toBe('Gulmurod Khalimov\nalias Gumurod Halimov');
    expect(slice(r, r.marks[0]!)).toBe('Khalimov');
    expect(validateImportedText(r)).toEqual([]);
  });

  it('drops blocks without visible text and their marks', () => {
    const b = new StructureBuilder();
    b.startBlock({ type: 'paragraph' });
    const h = b.openMark('strong');
    b.text('  \n ');
    b.closeMark(h);
    b.startBlock({ type: 'quote' });
    b.text('kept');
    const r = b.finish();
    expect(r.text).toBe('kept');
    expect(r.blocks).toEqual([{ type: 'quote', start: 0, end: 4 }]);
    expect(r.marks).toEqual([]);
  });

  it('keeps code lines, blank lines and indentation, minus trailing spaces', () => {
    const b = new StructureBuilder();
    b.startBlock({ type: 'code' });
    b.text('\n\n  if (x) {   \n\n    y();\n  }\n\n');
    const r = b.finish();
    expect(r.text).toBe('  if (x) {\n\n    y();\n  }');
    expect(validateImportedText(r)).toEqual([]);
  });

  it('separates table cells with one tab and keeps empty cells', () => {
    const b = new StructureBuilder();
    b.startBlock({ type: 'table-row' });
    b.text(' Ministry \n of Justice ');
    b.cell();
    b.cell();
    b.text(' 27 ');
    b.cell();
    const r = b.finish();
    expect(r.text).toBe('Ministry of Justice\t\t27\t');
    expect(validateImportedText(r)).toEqual([]);
  });

  it('cuts a mark at a block boundary and continues it in the next block', () => {
    const b = new StructureBuilder();
    const h = b.openMark('strong');
    b.startBlock({ type: 'paragraph' });
    b.text('one');
    b.startBlock({ type: 'paragraph' });
    b.text('two');
    b.closeMark(h);
    b.text(' three');
    const r = b.finish();
    expect(r.marks.map((m) => slice(r, m))).toEqual(['one', 'two']);
    expect(validateImportedText(r)).toEqual([]);
  });

  it('merges touching marks of the same type', () => {
    const b = new StructureBuilder();
    let h = b.openMark('strong');
    b.text('at least ');
    b.closeMark(h);
    h = b.openMark('strong');
    b.text('27');
    b.closeMark(h);
    const r = b.finish();
    expect(r.marks).toEqual([{ type: 'strong', start: 0, end: 11 }]);
  });

  it('turns a paragraph opening with a superscript number into a footnote', () => {
    const b = new StructureBuilder();
    b.startBlock({ type: 'paragraph' });
    const h = b.openMark('superscript');
    b.text('12');
    b.closeMark(h);
    b.text(' The figure of 27 comes from the ministry.');
    b.startBlock({ type: 'paragraph' });
    const h2 = b.openMark('superscript');
    b.text('2');
    b.closeMark(h2);
    b.text('nd place is not a footnote');
    const r = b.finish();
    expect(r.blocks.map((x) => x.type)).toEqual(['footnote', 'paragraph']);
  });

  it('measures offsets in UTF-16 code units (emoji, Cyrillic)', () => {
    const b = new StructureBuilder();
    b.text('🙂 ');
    const h = b.openMark('emphasis');
    b.text('Мы не знали');
    b.closeMark(h);
    const r = b.finish();
    expect(r.marks[0]).toMatchObject({ start: 3, end: 3 + 'Мы не знали'.length });
    expect(slice(r, r.marks[0]!)).toBe('Мы не знали');
  });

  it('throws ImportError empty when nothing was written', () => {
    const b = new StructureBuilder();
    b.text('   ');
    expect(() => b.finish()).toThrow(ImportError);
  });
});

describe('helpers', () => {
  it('shortTitle cuts at a word boundary near 120 characters', () => {
    expect(shortTitle('  a\n b  ')).toBe('a b');
    const t = shortTitle('word '.repeat(60));
    expect(t.length).toBeLessThanOrEqual(121);
    expect(t).toMatch(/word…$/);
  });

  it('normalizeDate keeps full or partial ISO dates', () => {
    expect(normalizeDate('2018-11-08T09:30:00+05:00')).toBe('2018-11-08');
    expect(normalizeDate('2018-11')).toBe('2018-11');
    expect(normalizeDate('2018')).toBe('2018');
    expect(normalizeDate('2018/5/1')).toBe('2018-05-01');
    expect(normalizeDate('20181108')).toBe('2018-11-08');
    expect(normalizeDate('November 8, 2018')).toBe('2018-11-08');
    expect(normalizeDate('soon')).toBeNull();
    expect(normalizeDate('')).toBeNull();
  });

  it('safeHref keeps only http(s) and mailto', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('  JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('java\tscript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('/relative', 'https://example.org/news/')).toBe('https://example.org/relative');
    expect(safeHref('#footnote-1')).toBeNull();
  });

  it('structuralTitle prefers h1/h2, then any heading, then the first block', () => {
    const make = (build: (b: StructureBuilder) => void): ImportedText => {
      const b = new StructureBuilder();
      build(b);
      return b.finish();
    };
    const withH3 = make((b) => {
      b.text('Intro');
      b.startBlock({ type: 'heading', level: 3 });
      b.text('Minor');
      b.startBlock({ type: 'heading', level: 2 });
      b.text('Major');
    });
    expect(structuralTitle(withH3)).toBe('Major');
    const onlyH3 = make((b) => {
      b.text('Intro');
      b.startBlock({ type: 'heading', level: 3 });
      b.text('Minor');
    });
    expect(structuralTitle(onlyH3)).toBe('Minor');
    expect(structuralTitle(make((b) => b.text('Just text')))).toBe('Just text');
  });
});
