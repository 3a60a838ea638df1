import { describe, expect, it } from 'vitest';
import type { DocumentId, MediaType, SourceId } from './model';
import {
  collapseAcrossFiles,
  groupBySource,
  passageKey,
  placeIn,
  type SourcedHit,
} from './source-groups';

interface Hit extends SourcedHit {
  text: [string, string, string];
}
const hit = (
  doc: string,
  source: string,
  mediaType: MediaType,
  start: number,
  text: [string, string, string],
): Hit => ({
  documentId: doc as DocumentId,
  sourceId: source as SourceId,
  mediaType,
  start,
  end: start + text[1].length,
  also: [],
  text,
});
const key = (h: Hit) => passageKey(...h.text);

describe('passageKey', () => {
  it('is the same for one passage laid out differently, and tells passages apart', () => {
    // contexts of ~32 characters, cut at different places, one laid out over two lines
    const txt = passageKey(
      'fighters, including Gulmurod ',
      'Khalimov',
      ', the former commander of OMON',
    );
    const pdf = passageKey(
      'ign fighters, including\nGulmurod ',
      'KHALIMOV',
      ', the former\ncommander of OM',
    );
    expect(pdf).toBe(txt);
    expect(
      passageKey('and in 2015, later, Gulmurod ', 'Khalimov', ' defected to ISIS in 2015'),
    ).not.toBe(txt);
    expect(passageKey('', 'Khalimov', '')).toBe('| khalimov |');
  });
});

describe('collapseAcrossFiles', () => {
  const txt1 = hit('doc_txt', 'src_w', 'text/plain', 100, [
    'the riot in ',
    'Khujand',
    ' prison was',
  ]);
  const pdf1 = hit('doc_pdf', 'src_w', 'application/pdf', 130, [
    'the riot in ',
    'Khujand',
    ' prison was',
  ]);
  const txt2 = hit('doc_txt', 'src_w', 'text/plain', 900, ['left for ', 'Khujand', ' in May the']);
  const other = hit('doc_x', 'src_x', 'text/html', 5, ['the riot in ', 'Khujand', ' prison was']);

  it('keeps each passage once per source, the others as its places, PDF first', () => {
    const html = hit('doc_html', 'src_w', 'text/html', 70, [
      'the riot in ',
      'Khujand',
      ' prison was',
    ]);
    const kept = collapseAcrossFiles(
      [txt1, other, pdf1, txt2, html].map((h) => ({ ...h, also: [] as Hit['also'] })),
      key,
    );
    expect(kept.map((h) => [h.documentId, h.start])).toEqual([
      ['doc_txt', 100],
      ['doc_x', 5], // another work: its own hit, whatever its text
      ['doc_txt', 900],
    ]);
    expect(kept[0]!.also.map((p) => [p.documentId, p.start])).toEqual([
      ['doc_pdf', 130],
      ['doc_html', 70],
    ]);
  });

  it('never merges two places in one file', () => {
    const again = { ...txt1, start: 5000, end: 5007, also: [] };
    expect(collapseAcrossFiles([{ ...txt1, also: [] }, again], key)).toHaveLength(2);
  });
});

describe('groupBySource', () => {
  it('lists hits under their source in ranking order, with every file they are in', () => {
    const a = {
      ...hit('doc_txt', 'src_w', 'text/plain', 1, ['', 'x', '']),
      also: [] as Hit['also'],
    };
    a.also.push({
      documentId: 'doc_pdf' as DocumentId,
      mediaType: 'application/pdf',
      start: 3,
      end: 4,
    });
    const b = hit('doc_x', 'src_x', 'text/html', 1, ['', 'x', '']);
    const c = hit('doc_txt', 'src_w', 'text/plain', 50, ['', 'y', '']);
    const groups = groupBySource([a, b, c]);
    expect(groups.map((g) => [g.sourceId, g.hits.length])).toEqual([
      ['src_w', 2],
      ['src_x', 1],
    ]);
    expect(groups[0]!.files.map((f) => f.documentId)).toEqual(['doc_pdf', 'doc_txt']);
  });

  it('opens a hit in the chosen file where the passage is there, else in its own', () => {
    const a = hit('doc_txt', 'src_w', 'text/plain', 1, ['', 'x', '']);
    a.also.push({
      documentId: 'doc_pdf' as DocumentId,
      mediaType: 'application/pdf',
      start: 3,
      end: 4,
    });
    expect(placeIn(a, 'doc_pdf' as DocumentId)).toMatchObject({ documentId: 'doc_pdf', start: 3 });
    expect(placeIn(a, 'doc_txt' as DocumentId)).toMatchObject({ documentId: 'doc_txt', start: 1 });
    expect(placeIn(a, 'doc_other' as DocumentId)).toMatchObject({ documentId: 'doc_txt' });
  });
});
