import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet } from './db/snippet';
import {
  anchorAt,
  codePointConverter,
  fromCodePointOffset,
  splitsCharacter,
  toCodePointOffset,
  utf16Converter,
} from '../shared/anchor';
import { reanchor } from '../shared/reanchor';

/**
 * Property tests over texts full of characters outside the Basic Multilingual Plane (two UTF-16
 * units each): emoji, CJK Extension B, mathematical alphanumerics, mixed with Cyrillic, spaces
 * and newlines. Every offset conversion, anchor and context function is held to them.
 */
const ASTRAL = ['🙂', '👩‍🔬', '𠀀', '𠜎', '𪚥', '𝔸', '𝐀', '𝟘'];
const piece = fc.oneof(
  fc.constantFrom(...ASTRAL, 'a', 'ж', ' ', '\n', 'riot', '.'),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.string({ maxLength: 4 }),
);
const text = fc.array(piece, { minLength: 1, maxLength: 400 }).map((p) => p.join(''));

/** A text and a non-empty range of whole characters in it (in code points, as the API gives). */
const textAndRange = text
  .filter((t) => [...t].length >= 1)
  .chain((t) => {
    const n = [...t].length;
    return fc
      .tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }))
      .map(([a, b]) => ({ t, from: Math.min(a, b), to: Math.max(a, b) + 1 }));
  });

const hasLoneSurrogate = (s: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('offsets in code points (property tests with astral-plane text)', () => {
  it('converts both ways at every character boundary, as the string iterator counts', () => {
    fc.assert(
      fc.property(text, (t) => {
        const toPoints = codePointConverter(t);
        const toUnits = utf16Converter(t);
        let units = 0;
        let points = 0;
        for (const ch of [...t, '']) {
          expect(toCodePointOffset(t, units)).toBe(points);
          expect(toPoints(units)).toBe(points);
          expect(fromCodePointOffset(t, points)).toBe(units);
          expect(toUnits(points)).toBe(units);
          expect(splitsCharacter(t, units)).toBe(false);
          units += ch.length;
          points += 1;
        }
      }),
    );
  });

  it('an anchor over whole characters quotes them, and its context never splits one', () => {
    fc.assert(
      fc.property(textAndRange, ({ t, from, to }) => {
        const start = fromCodePointOffset(t, from);
        const end = fromCodePointOffset(t, to);
        const anchor = anchorAt(t, start, end);
        expect(anchor.exact).toBe([...t].slice(from, to).join(''));
        for (const part of [anchor.prefix, anchor.exact, anchor.suffix])
          expect(hasLoneSurrogate(part)).toBe(false);
        // the context is really there, right beside the quote
        expect(t.slice(start - anchor.prefix.length, end + anchor.suffix.length)).toBe(
          anchor.prefix + anchor.exact + anchor.suffix,
        );
        // and (up to one character) as long as the convention says
        expect(anchor.prefix.length).toBeGreaterThanOrEqual(Math.min(start, 32) - 1);
        expect(anchor.suffix.length).toBeGreaterThanOrEqual(Math.min(t.length - end, 32) - 1);
      }),
    );
  });

  it('an anchor is found where it is, and again after text is inserted before it', () => {
    fc.assert(
      fc.property(textAndRange, text, ({ t, from, to }, inserted) => {
        const anchor = anchorAt(t, fromCodePointOffset(t, from), fromCodePointOffset(t, to));
        expect(reanchor(t, anchor)).toMatchObject({
          status: 'exact',
          start: anchor.start,
          end: anchor.end,
        });
        const moved = inserted + t;
        const match = reanchor(moved, anchor);
        // an ambiguous quote may be an orphan (never a guess); a found one is whole characters
        if (match.status === 'orphan') return;
        if (match.status !== 'approximate')
          expect(moved.slice(match.start, match.end)).toBe(anchor.exact);
        expect(splitsCharacter(moved, match.start)).toBe(false);
        expect(splitsCharacter(moved, match.end)).toBe(false);
      }),
    );
  });

  it('a search snippet never splits a character, and its highlights stay on the match', () => {
    fc.assert(
      fc.property(textAndRange, ({ t, from, to }) => {
        const start = fromCodePointOffset(t, from);
        const end = fromCodePointOffset(t, to);
        const snippet = makeSnippet(t, [{ start, end }]);
        expect(hasLoneSurrogate(snippet.text)).toBe(false);
        for (const h of snippet.highlights) {
          expect(h.start).toBeLessThan(h.end);
          expect(h.end).toBeLessThanOrEqual(snippet.text.length);
        }
      }),
    );
  });
});
