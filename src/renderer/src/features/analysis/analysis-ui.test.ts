import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { TimelineClaims } from '../../../../shared/timeline-claims';
import { epochDay } from '../../../../shared/partial-date';
import { boardKey } from './board-keys';
import { circularText, supportText } from './format';
import { networkSvg } from './network/picture';
import { layoutTimeline, packRows, stackBars, ticks } from './timeline/layout';

const key = (k: string, shiftKey = false) => ({
  key: k,
  shiftKey,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
});

describe('board keys', () => {
  it('grades with digits and Shift+letters, links with L then a kind letter', () => {
    expect(boardKey(key('2'), false)).toEqual({ type: 'credibility', value: 2 });
    expect(boardKey(key('0'), false)).toEqual({ type: 'credibility', value: null });
    expect(boardKey(key('B', true), false)).toEqual({ type: 'reliability', value: 'B' });
    expect(boardKey(key('l'), false)).toEqual({ type: 'startLink' });
    expect(boardKey(key('c'), true)).toEqual({ type: 'link', kind: 'contradicts' });
    expect(boardKey(key('d'), true)).toEqual({ type: 'link', kind: 'derived_from' });
    expect(boardKey(key('Escape'), true)).toEqual({ type: 'cancel' });
    // a plain letter that is no board key is left to the app (C creates a claim elsewhere)
    expect(boardKey(key('c'), false)).toBeNull();
    expect(boardKey({ ...key('2'), ctrlKey: true }, false)).toBeNull();
    expect(boardKey(key('7'), false)).toBeNull();
  });
});

describe('support text', () => {
  it('reads "N supporting · M independent origins"', () => {
    expect(supportText({ supporters: ['a', 'b', 'c', 'd'], independentOrigins: 2 })).toBe(
      '4 supporting · 2 independent origins',
    );
    expect(supportText({ supporters: 1, independentOrigins: 1 })).toBe(
      '1 supporting · 1 independent origin',
    );
    expect(supportText({ supporters: 0, independentOrigins: 0 })).toBeNull();
    expect(
      circularText({
        claimId: 'x',
        supporters: [],
        independentOrigins: 0,
        originId: 'x',
        sameOrigin: 0,
        circular: ['cycle'],
      }),
    ).toMatch(/^Circular reporting: .*circle/);
  });
});

describe('timeline layout', () => {
  it('packs overlapping intervals into separate rows, and reuses rows once free', () => {
    // [0,10) [5,15) [10,20) [16,18): the third reuses row 0, the fourth row 1 once it is free
    const { rows, count } = packRows([0, 5, 10, 16], [10, 15, 20, 18], [0, 1, 2, 3], 10);
    expect([...rows]).toEqual([0, 1, 0, 1]);
    expect(count).toBe(2);
    // past the row limit, a bar shares the row that frees first
    expect(packRows([0, 0, 0], [5, 3, 9], [0, 1, 2], 2).rows[2]).toBe(1);
    // days before 1970 are negative: a bar that ends before the next begins still frees its row
    expect([...packRows([-10, -5], [-6, -1], [0, 1], 10).rows]).toEqual([0, 0]);
  });

  it('stacks claims of one type, interval and row into one bar with their count', () => {
    const t = {
      eventStart: [0, 0, 0, 5, 0],
      eventEnd: [10, 10, 10, 6, 10],
      typeIndex: [1, 1, 0, 1, 1],
      types: ['event', 'statistic'],
    };
    const { bars, typeStart } = stackBars(t, Int32Array.from([0, 0, 0, 0, 1]), 2);
    // type 0: claim 2 alone; type 1: claims 0 and 1 on row 0, claim 3, claim 4 on row 1
    expect([...typeStart]).toEqual([0, 1, 4]);
    expect([...bars.count]).toEqual([1, 2, 1, 1]);
    expect([...bars.row]).toEqual([0, 0, 0, 1]);
    expect([...bars.start]).toEqual([0, 0, 5, 0]);
    expect([...bars.end]).toEqual([10, 10, 6, 10]);
  });

  it('lays out 100,000 claims and ticks years, months or days by zoom', () => {
    const n = 100_000;
    const column = (f: (i: number) => number) => Int32Array.from({ length: n }, (_, i) => f(i));
    const t: TimelineClaims = {
      claimIds: Array.from({ length: n }, (_, i) => `clm_${i}` as never),
      eventStart: column((i) => epochDay('2010-01-01') + (i % 3650)),
      eventEnd: column((i) => epochDay('2010-01-01') + (i % 3650) + 1 + (i % 30)),
      publishedStart: column(() => epochDay('2021-05-01')),
      publishedEnd: column(() => epochDay('2021-06-01')),
      typeIndex: column((i) => i % 3),
      types: ['event', 'statistic', 'other'],
      documentIndex: column((i) => i % 50),
      documents: Array.from({ length: 50 }, (_, i) => ({
        id: `doc_${i}` as never,
        title: `d${i}`,
        publishedStart: epochDay('2021-05-01'),
        publishedEnd: epochDay('2021-06-01'),
      })),
      grades: Array.from({ length: n }, () => ''),
      undated: 0,
    };
    const layout = layoutTimeline(t);
    expect(layout.eventRows).toBeLessThanOrEqual(60);
    expect(layout.min).toBe(epochDay('2010-01-01'));
    expect(layout.max).toBe(epochDay('2021-06-01'));
    expect(layout.published).toHaveLength(50);
    // every claim counted once, in a bar of its type on its row with its interval
    expect([...layout.typeStart]).toHaveLength(4);
    const { bars, typeStart } = layout;
    let counted = 0;
    for (let type = 0; type < 3; type++) {
      for (let b = typeStart[type]!; b < typeStart[type + 1]!; b++) {
        // a sample of bars checked against the claims (all of them would take seconds)
        if (b % Math.ceil(bars.count.length / 8) === 0) {
          const members = [...Array(n).keys()].filter(
            (i) =>
              t.typeIndex[i] === type &&
              layout.eventRow[i] === bars.row[b] &&
              t.eventStart[i] === bars.start[b] &&
              t.eventEnd[i] === bars.end[b],
          );
          expect(members.length).toBe(bars.count[b]);
        }
        counted += bars.count[b]!;
      }
    }
    expect(counted).toBe(n);
    expect(ticks(epochDay('2010-01-01'), epochDay('2020-01-01'), 10)[0]).toEqual({
      day: epochDay('2010-01-01'),
      label: '2010',
    });
    expect(ticks(epochDay('2015-01-01'), epochDay('2015-07-01'), 10).map((x) => x.label)).toContain(
      '2015-05',
    );
    expect(ticks(epochDay('2015-05-01'), epochDay('2015-05-08'), 10)[0]!.label).toBe('2015-05-01');
  });
});

describe('network picture', () => {
  it('is an SVG a standard parser reads, names escaped', () => {
    const svg = networkSvg(
      [
        { x: 0, y: 0, size: 5, color: '#123456', label: 'ISIS <&> "x"' },
        { x: 1, y: 1, size: 3, color: '#654321', label: 'Khalimov' },
      ],
      [{ source: 0, target: 1, size: 1 }],
      { width: 400, height: 300, background: '#fff', text: '#000', edge: '#999' },
    );
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('circle')).toHaveLength(2);
    expect(doc.getElementsByTagName('line')).toHaveLength(1);
    expect(Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent)).toContain(
      'ISIS <&> "x"',
    );
  });
});
