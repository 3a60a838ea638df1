import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointConverter, fromCodePointOffset, toCodePointOffset } from './anchor';

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
});
