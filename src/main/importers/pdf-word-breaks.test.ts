import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLexicon, type Lexicon } from './pdf-word-breaks';

/** The lexicon as first written, one line at a time: the reference for the faster one. */
function lineByLine(lines: readonly string[]): Lexicon {
  const words = new Set<string>();
  const compounds = new Set<string>();
  let skipFirst = false;
  for (const line of lines) {
    const skipLast = /[\p{L}\p{N}][-\u00AD\u2010]$/u.test(line);
    const firstEnd = skipFirst ? line.indexOf(' ') >>> 0 : -1;
    const lastStart = skipLast ? line.lastIndexOf(' ') : line.length;
    for (const m of line.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      if (m.index < firstEnd || m.index + m[0].length > lastStart) continue;
      const word = m[0];
      if (word.includes('-')) {
        compounds.add(word);
        for (const part of word.split('-')) words.add(part);
      } else {
        words.add(word);
      }
    }
    skipFirst = skipLast;
  }
  return { words, compounds };
}

const sorted = (l: Lexicon) => ({ words: [...l.words].sort(), compounds: [...l.compounds].sort() });

describe('the lexicon of a document', () => {
  it('is the line-by-line lexicon, skipped words and all', () => {
    const unit = fc.constantFrom(
      'a',
      'B',
      'ö',
      'Σ',
      'İ',
      '1',
      ' ',
      ' ',
      '-',
      '\u00AD',
      '.',
      '\u2010',
    );
    const line = fc.string({ unit, minLength: 1, maxLength: 16 });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        expect(sorted(buildLexicon(lines))).toEqual(sorted(lineByLine(lines)));
      }),
      { numRuns: 3000 },
    );
    const text = ['The counter-', 'terrorism law of extrem-', 'ism and Counter-Terrorism.'];
    expect(sorted(buildLexicon(text))).toEqual(sorted(lineByLine(text)));
  });
});
