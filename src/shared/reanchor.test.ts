import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAt } from './anchor';
import { editDistance, reanchor } from './reanchor';

const text = 'Беспорядки 🙂 в колонии: at least 27 dead, closer to 50 🙂🙂 end';
const report =
  'The commission met in Khujand on 4 March. Its report says the riots left at least 27 people ' +
  'dead and more than a hundred injured, although local witnesses put the toll closer to 50. ' +
  'The governor disputed every figure in a statement issued the next morning.';

function anchorOf(source: string, quote: string) {
  const at = source.indexOf(quote);
  return anchorAt(source, at, at + quote.length);
}

describe('reanchor', () => {
  it('keeps a passage that is still at its position', () => {
    const anchor = anchorOf(text, 'closer to 50');
    expect(reanchor(text, anchor)).toEqual({
      status: 'exact',
      start: anchor.start,
      end: anchor.end,
      errors: 0,
    });
  });

  it('follows an unchanged quote that moved', () => {
    const anchor = anchorOf(text, 'closer to 50');
    expect(reanchor(`Preface added later. ${text}`, anchor)).toEqual({
      status: 'moved',
      start: anchor.start + 21,
      end: anchor.end + 21,
      errors: 0,
    });
  });

  it('picks the occurrence whose context matches, else the one nearest the position', () => {
    const doubled = 'the figure was 27 in Khujand. Elsewhere the figure was 27 too.';
    const second = doubled.lastIndexOf('27');
    const anchor = anchorAt(doubled, second, second + 2);
    expect(reanchor(`X${doubled}`, anchor)).toMatchObject({ start: second + 1 });
    const same = 'ab 27 ab 27 ab 27 ab';
    const third = same.lastIndexOf('27');
    const bare = { start: third, end: third + 2, exact: '27', prefix: '', suffix: '' };
    expect(reanchor(`ZZ${same}`, bare)).toMatchObject({ status: 'moved', start: third + 2 });
  });

  it('re-finds a quote whose text changed slightly (OCR noise), with its new extent', () => {
    const anchor = anchorOf(report, 'left at least 27 people dead and more than a hundred injured');
    const reocred = report
      .replace('left at least 27', 'left at 1east 27')
      .replace('a hundred', 'a hundrcd')
      .replace('The commission', 'Tbe commission');
    const found = reanchor(reocred, anchor);
    expect(found).toMatchObject({ status: 'approximate', errors: 2 });
    if (found.status === 'orphan') throw new Error('unreachable');
    expect(reocred.slice(found.start, found.end)).toBe(
      'left at 1east 27 people dead and more than a hundrcd injured',
    );
  });

  it('orphans a quote that is gone rather than attaching it to other text', () => {
    const anchor = anchorOf(text, 'closer to 50');
    expect(reanchor(text.replace('closer to 50', 'about 40'), anchor)).toEqual({
      status: 'orphan',
    });
    const long = anchorOf(report, 'local witnesses put the toll closer to 50');
    const rewritten = report.replace(
      'local witnesses put the toll closer to 50',
      'the hospital later counted 31 deaths in all',
    );
    expect(reanchor(rewritten, long)).toEqual({ status: 'orphan' });
  });

  it('orphans a changed quote whose context disagrees (a similar sentence elsewhere)', () => {
    const anchor = anchorOf(report, 'the riots left at least 27 people dead');
    // the passage itself is gone; a near-identical sentence in another paragraph must not take it
    const other =
      'Nothing about this. In 1992 the riots left at least 21 people dead, a different event. ' +
      'More text follows here.';
    expect(reanchor(other, anchor)).toEqual({ status: 'orphan' });
  });

  it('orphans an approximate match when two places fit equally well', () => {
    const sentence = 'the militia opened fire near the market square';
    const original = `Intro. ${sentence}. Outro.`;
    const anchor = anchorOf(original, sentence);
    const noisy = sentence.replace('militia', 'mi1itia');
    const twice = `Intro. ${noisy}. Outro. Intro. ${noisy}. Outro.`;
    expect(reanchor(twice, { ...anchor, start: 1000, end: 1000 + sentence.length })).toEqual({
      status: 'orphan',
    });
  });

  it('finds nothing in an empty text and accepts no empty quote', () => {
    expect(reanchor('', anchorOf(text, 'closer'))).toEqual({ status: 'orphan' });
    expect(reanchor(text, { start: 0, end: 0, exact: '', prefix: '', suffix: '' })).toEqual({
      status: 'orphan',
    });
  });

  it('never returns a range that splits a surrogate pair or leaves the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ' ', '🙂', 'ж', 'c'), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.constantFrom('a', 'b', '🙂', ' '), { maxLength: 20 }),
        (parts, x, y, edit) => {
          const source = parts.join('');
          const a = x % source.length;
          const b = a + 1 + (y % (source.length - a));
          if ((source.charCodeAt(a) & 0xfc00) === 0xdc00) return;
          if ((source.charCodeAt(b - 1) & 0xfc00) === 0xd800) return;
          const anchor = anchorAt(source, a, b);
          const changed = source.slice(0, a) + edit.join('') + source.slice(a);
          const found = reanchor(changed, anchor);
          if (found.status === 'orphan') return;
          expect(found.start).toBeGreaterThanOrEqual(0);
          expect(found.end).toBeLessThanOrEqual(changed.length);
          expect(found.start).toBeLessThan(found.end);
          expect((changed.charCodeAt(found.start) & 0xfc00) === 0xdc00).toBe(false);
          if (found.status !== 'approximate') {
            expect(changed.slice(found.start, found.end)).toBe(anchor.exact);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays near-linear on hostile anchors: huge context, a very common quote, a long quote', () => {
    const big = 'ab '.repeat(400_000); // 1.2 M characters, "ab" occurs 400,000 times
    const hostile = {
      start: 5,
      end: 7,
      exact: 'ab',
      prefix: 'x'.repeat(1_000_000),
      suffix: 'y'.repeat(1_000_000),
    };
    // bounded work: a quadratic scan here would not finish in the test's time at all
    expect(reanchor(`${big}`, { ...hostile, start: 1_000_000 })).toMatchObject({ status: 'moved' });
    const longQuote = 'lorem ipsum '.repeat(300); // 3,600 characters, approximately searched
    expect(
      reanchor(`zzz${big.slice(0, 200_000)}`, {
        start: 0,
        end: longQuote.length,
        exact: longQuote,
        prefix: '',
        suffix: '',
      }),
    ).toEqual({ status: 'orphan' });
  });

  it('edit distance is Levenshtein', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
