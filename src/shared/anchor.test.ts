import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  codePointConverter,
  fromCodePointOffset,
  resolveAnchor,
  toCodePointOffset,
} from './anchor';

describe('anchors', () => {
  const text = 'Беспорядки 🙂 в колонии: at least 27 dead, closer to 50 🙂🙂 end';

  it('counts code points, not UTF-16 units, for export', () => {
    const at = text.indexOf('at least');
    expect(toCodePointOffset(text, at)).toBe([...text.slice(0, at)].length);
    expect(fromCodePointOffset(text, toCodePointOffset(text, at))).toBe(at);
  });

  it('the fast converter agrees with the plain one on random texts', () => {
    const unit = fc.oneof(fc.constantFrom('a', 'ж', '🙂', '\n', '𝔸'), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 3000 }).map((parts) => parts.join('')),
        fc.nat(),
        (s, n) => {
          const convert = codePointConverter(s);
          const offset = s.length === 0 ? 0 : n % (s.length + 1);
          expect(convert(offset)).toBe(toCodePointOffset(s, offset));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('re-anchors by quote and context when the text moved, and never guesses a vanished quote', () => {
    const anchor = anchorAt(text, text.indexOf('closer to 50'), text.indexOf('closer to 50') + 12);
    expect(resolveAnchor(text, anchor)).toEqual({
      status: 'exact',
      start: anchor.start,
      end: anchor.end,
    });
    const shifted = `Preface added later. ${text}`;
    expect(resolveAnchor(shifted, anchor)).toEqual({
      status: 'moved',
      start: anchor.start + 21,
      end: anchor.end + 21,
    });
    expect(resolveAnchor(text.replace('closer to 50', 'about 40'), anchor)).toEqual({
      status: 'orphaned',
    });
  });

  it('picks the occurrence whose context matches', () => {
    const doubled = 'the figure was 27 in Khujand. Elsewhere the figure was 27 too.';
    const second = doubled.lastIndexOf('27');
    const anchor = anchorAt(doubled, second, second + 2);
    expect(resolveAnchor(`X${doubled}`, anchor)).toMatchObject({ start: second + 1 });
  });
});
