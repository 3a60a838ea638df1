import { describe, expect, it } from 'vitest';
import type { PageSpan } from '../../../../shared/model';
import {
  itemCharOffset,
  pageHighlights,
  pageIndexAt,
  pagesOfSpan,
  parsePageInput,
  piecesToSpans,
  type ItemMap,
} from './pageMap';

/*
 * A two-page document as the importer would produce it. Page 0's items (as pdf.js returns them):
 *   0 "Annual Report 2019"      running header: dropped
 *   1 "At least 27 died in the extrem-"
 *   2 "ism of the clashes, officials said."
 *   3 "7"                        page number: dropped
 * Page 1: 0 "Гулмурод 🙂 disputed the toll." 1 "A footnote placed last."
 * Canonical text joins the lines, repairs "extrem-\nism" and separates pages with a blank line;
 * the importer put page 1's footnote after a second paragraph that comes from elsewhere.
 */
const TEXT =
  'At least 27 died in the extremism of the clashes, officials said.\n\n' +
  'Гулмурод 🙂 disputed the toll.\n\nSecond column text.\n\nA footnote placed last.';
const at = (s: string) => {
  const i = TEXT.indexOf(s);
  if (i < 0) throw new Error(`not in TEXT: ${s}`);
  return i;
};
const range = (s: string): [number, number] => [at(s), at(s) + s.length];

const PAGE0: ItemMap = [
  null,
  range('At least 27 died in the extrem'), // the item's "-" (k = 30) maps to the range's end
  range('ism of the clashes, officials said.'),
  null,
];
const PAGE1: ItemMap = [range('Гулмурод 🙂 disputed the toll.'), range('A footnote placed last.')];
const ITEMS0 = [
  'Annual Report 2019',
  'At least 27 died in the extrem-',
  'ism of the clashes, officials said.',
  '7',
];
const ITEMS1 = ['Гулмурод 🙂 disputed the toll.', 'A footnote placed last.'];
const maps = [PAGE0, PAGE1];
const mapOf = (p: number) => maps[p];
const quote = (spans: { start: number; end: number }[] | null) =>
  spans?.map((s) => TEXT.slice(s.start, s.end));

describe('itemCharOffset', () => {
  it('maps characters into the range and clamps those past it to the end', () => {
    const r = PAGE0[1]!;
    expect(itemCharOffset(r, 0)).toBe(r[0]);
    expect(itemCharOffset(r, 9)).toBe(at('27'));
    expect(itemCharOffset(r, 30)).toBe(r[1]); // the repaired hyphen
    expect(itemCharOffset(r, 31)).toBe(r[1]);
  });
});

describe('piecesToSpans', () => {
  it('maps a selection inside one item to the same offsets as the text view', () => {
    const item = ITEMS0[1]!;
    const from = item.indexOf('27');
    const spans = piecesToSpans([{ page: 0, item: 1, from, to: from + 7 }], mapOf, TEXT);
    expect(spans).toEqual([{ start: at('27 died'), end: at('27 died') + 7 }]);
  });

  it('joins a sentence across lines, through a repaired hyphen, into one span', () => {
    const spans = piecesToSpans(
      [
        { page: 0, item: 1, from: ITEMS0[1]!.indexOf('27'), to: ITEMS0[1]!.length },
        { page: 0, item: 2, from: 0, to: ITEMS0[2]!.indexOf(',') },
      ],
      mapOf,
      TEXT,
    );
    expect(quote(spans)).toEqual(['27 died in the extremism of the clashes']);
  });

  it('ignores dropped headers and page numbers and joins across the page break', () => {
    const spans = piecesToSpans(
      [
        { page: 0, item: 2, from: ITEMS0[2]!.indexOf('officials'), to: ITEMS0[2]!.length },
        { page: 0, item: 3, from: 0, to: 1 }, // the page number "7"
        { page: 1, item: 0, from: 0, to: ITEMS1[0]!.indexOf(' disputed') },
      ],
      mapOf,
      TEXT,
    );
    expect(quote(spans)).toEqual(['officials said.\n\nГулмурод 🙂']);
  });

  it('counts UTF-16 code units, so Cyrillic and emoji land exactly', () => {
    const item = ITEMS1[0]!;
    const from = item.indexOf('🙂');
    const spans = piecesToSpans([{ page: 1, item: 0, from, to: from + 2 }], mapOf, TEXT);
    expect(quote(spans)).toEqual(['🙂']);
  });

  it('leaves out a mark drawn after its line but placed before the selection in the text', () => {
    // "died" is followed in the content stream by a superscript item placed, in the text, before
    // "At least" (as PDFs draw footnote marks): selecting "At least … died" must not take it
    const text = '¹ At least 27 died.';
    const map: ItemMap = [
      [2, 18], // "At least 27 died"
      [0, 1], // "¹"
      [18, 19], // "."
    ];
    const spans = piecesToSpans(
      [
        { page: 0, item: 0, from: 0, to: 16 },
        { page: 0, item: 1, from: 0, to: 1 },
        { page: 0, item: 2, from: 0, to: 1 },
      ],
      () => map,
      text,
    );
    expect(spans?.map((s) => text.slice(s.start, s.end))).toEqual(['At least 27 died.']);
  });

  it('keeps passages that the text places apart as separate spans, in text order', () => {
    const spans = piecesToSpans(
      [
        { page: 1, item: 0, from: ITEMS1[0]!.indexOf('disputed'), to: ITEMS1[0]!.length },
        { page: 1, item: 1, from: 0, to: 10 },
      ],
      mapOf,
      TEXT,
    );
    expect(quote(spans)).toEqual(['disputed the toll.', 'A footnote']);
  });

  it('joins everything into one span beyond maxSpans', () => {
    const spans = piecesToSpans(
      [
        { page: 1, item: 0, from: 0, to: 8 },
        { page: 1, item: 1, from: 0, to: 10 },
      ],
      mapOf,
      TEXT,
      1,
    );
    expect(spans).toEqual([{ start: at('Гулмурод'), end: at('A footnote') + 10 }]);
  });

  it('trims whitespace and returns null when only whitespace or dropped text is selected', () => {
    const item = ITEMS0[1]!;
    const space = item.indexOf(' ');
    expect(
      quote(piecesToSpans([{ page: 0, item: 1, from: space, to: space + 6 }], mapOf, TEXT)),
    ).toEqual(['least']);
    expect(piecesToSpans([{ page: 0, item: 1, from: 2, to: 3 }], mapOf, TEXT)).toBeNull();
    expect(piecesToSpans([{ page: 0, item: 0, from: 0, to: 6 }], mapOf, TEXT)).toBeNull();
    expect(piecesToSpans([{ page: 7, item: 0, from: 0, to: 6 }], mapOf, TEXT)).toBeNull();
    expect(piecesToSpans([], mapOf, TEXT)).toBeNull();
  });
});

describe('pageHighlights', () => {
  const texts0 = ITEMS0;

  it('finds a claim on the items it covers, in item characters', () => {
    const start = at('27 died');
    const end = at('clashes') + 'clashes'.length;
    const hl = pageHighlights(PAGE0, texts0, [{ claimId: 'A', start, end }]);
    expect(hl).toEqual([
      { item: 1, from: ITEMS0[1]!.indexOf('27'), to: ITEMS0[1]!.length, claimIds: ['A'] },
      { item: 2, from: 0, to: ITEMS0[2]!.indexOf(','), claimIds: ['A'] },
    ]);
    // the repaired hyphen is highlighted with the word it belongs to
    expect(ITEMS0[1]!.slice(hl[0]!.from, hl[0]!.to)).toBe('27 died in the extrem-');
  });

  it('cuts at every boundary of overlapping claims and lists all claims covering each run', () => {
    const item = ITEMS0[1]!;
    const hl = pageHighlights(PAGE0, texts0, [
      { claimId: 'A', start: at('At least'), end: at('died') + 4 },
      { claimId: 'B', start: at('27'), end: at('the extrem') + 3 },
    ]);
    expect(hl.map((h) => [item.slice(h.from, h.to), h.claimIds.join('+')])).toEqual([
      ['At least ', 'A'],
      ['27 died', 'A+B'],
      [' in the', 'B'],
    ]);
  });

  it('leaves a claim that ends before the hyphen off the hyphen', () => {
    const hl = pageHighlights(PAGE0, texts0, [
      { claimId: 'A', start: at('extrem'), end: at('extremism') + 6 },
    ]);
    expect(hl.map((h) => ITEMS0[h.item]!.slice(h.from, h.to))).toEqual(['extrem']);
  });

  it("counts an item's characters from after its leading spaces, which the text dropped", () => {
    const text = 'At least 27 died.';
    const map: ItemMap = [
      [0, 11],
      [12, 17],
    ]; // "At least 27", "  died." (two leading spaces)
    const texts = ['At least 27', '  died.'];
    const hl = pageHighlights(map, texts, [{ claimId: 'A', start: 12, end: 16 }]);
    expect(hl).toEqual([{ item: 1, from: 2, to: 6, claimIds: ['A'] }]);
    expect(texts[1]!.slice(2, 6)).toBe('died');
    const spans = piecesToSpans([{ page: 0, item: 1, from: 2, to: 6, lead: 2 }], () => map, text);
    expect(spans).toEqual([{ start: 12, end: 16 }]);
  });

  it('has nothing for claims on other pages or for dropped items', () => {
    expect(
      pageHighlights(PAGE0, texts0, [{ claimId: 'A', start: at('Гулмурод'), end: TEXT.length }]),
    ).toEqual([]);
    expect(pageHighlights(PAGE0, texts0, [])).toEqual([]);
  });
});

describe('pages', () => {
  const pages: PageSpan[] = [
    { index: 0, label: 'i', start: 0, end: 66 },
    { index: 1, label: 'ii', start: 68, end: 120 },
    { index: 2, label: '1', start: 122, end: 200 },
  ];

  it('finds the page of an offset, between pages too', () => {
    expect(pageIndexAt(pages, 0)).toBe(0);
    expect(pageIndexAt(pages, 67)).toBe(0);
    expect(pageIndexAt(pages, 68)).toBe(1);
    expect(pageIndexAt(pages, 500)).toBe(2);
    expect(pageIndexAt([], 5)).toBe(0);
  });

  it('lists the pages a span touches', () => {
    expect(pagesOfSpan(pages, { start: 60, end: 70 })).toEqual([0, 1]);
    expect(pagesOfSpan(pages, { start: 66, end: 68 })).toEqual([0]);
  });

  it('reads the page box as a label first, then as a page number', () => {
    const labels = pages.map((p) => p.label);
    expect(parsePageInput('ii', labels, 3)).toBe(1);
    expect(parsePageInput(' II ', labels, 3)).toBe(1);
    expect(parsePageInput('1', labels, 3)).toBe(2); // the label "1" is the third page
    expect(parsePageInput('3', labels, 3)).toBe(2);
    expect(parsePageInput('2', labels, 3)).toBe(1);
    expect(parsePageInput('9', labels, 3)).toBeNull();
    expect(parsePageInput('x', labels, 3)).toBeNull();
    expect(parsePageInput('', labels, 3)).toBeNull();
  });
});
