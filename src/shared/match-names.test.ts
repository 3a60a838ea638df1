import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldText, NameMatcher, namePattern } from './match-names';

function find(text: string, names: Record<string, string[]>) {
  const matcher = new NameMatcher<string>();
  for (const [key, list] of Object.entries(names)) for (const n of list) matcher.add(key, n);
  return matcher
    .find(text)
    .map((m) => ({ key: m.key, name: m.name, text: text.slice(m.start, m.end), start: m.start }));
}

const KHALIMOV = { khalimov: ['Gulmurod Khalimov', 'Gumurod Halimov'] };

describe('fold', () => {
  it('ignores case and diacritics, in Latin and Cyrillic, precomposed or not', () => {
    expect(fold('Halímov')).toBe('halimov');
    expect(fold('Hali\u0301mov')).toBe('halimov');
    expect(fold('ХАЛИМОВ')).toBe('халимов');
    expect(fold('Ёлкин')).toBe('елкин');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('İstanbul')).toBe('istanbul');
    expect(fold('ΟΔΟΣ')).toBe(fold('οδος'));
    expect(fold('Halimov’s')).toBe("halimov's");
  });

  it('folds a text keeping the identity map when no length changes', () => {
    expect(foldText('Ханой Halímov 🙂').map).toBeNull();
    expect(foldText('Jose\u0301').map).not.toBeNull();
  });
});

describe('NameMatcher', () => {
  it('finds a person under the name and under the alias spelled in another source', () => {
    const text = 'Gulmurod Khalimov defected. Later, GUMUROD HALIMOV appeared in a video.';
    expect(find(text, KHALIMOV)).toEqual([
      { key: 'khalimov', name: 'Gulmurod Khalimov', text: 'Gulmurod Khalimov', start: 0 },
      { key: 'khalimov', name: 'Gumurod Halimov', text: 'GUMUROD HALIMOV', start: 35 },
    ]);
  });

  it('ignores diacritics either way: "Halímov" in the text, or in the name', () => {
    expect(find('Gumurod Halímov spoke.', KHALIMOV).map((m) => m.text)).toEqual([
      'Gumurod Halímov',
    ]);
    expect(find('Gumurod Hali\u0301mov spoke.', KHALIMOV).map((m) => m.text)).toEqual([
      'Gumurod Hali\u0301mov',
    ]);
    expect(find('Gumurod Halimov spoke.', { k: ['Gumurod Halímov'] }).map((m) => m.text)).toEqual([
      'Gumurod Halimov',
    ]);
  });

  it('matches whole words only: ISIS is not in crISIS, and plurals are not the name', () => {
    const names = { isis: ['ISIS'], k: ['Khalimov'] };
    const text =
      'A crisis for ISIS; (ISIS) and ISIS’s videos. The Khalimovs, Khalimov-led, Khalimov2.';
    expect(find(text, names).map((m) => [m.key, m.start])).toEqual([
      ['isis', text.indexOf('ISIS;')],
      ['isis', text.indexOf('(ISIS)') + 1],
      ['isis', text.indexOf('ISIS’s')],
      ['k', text.indexOf('Khalimov-led')],
    ]);
  });

  it('finds Cyrillic names in any case, but not their inflected forms', () => {
    const names = { k: ['Гулмурод Халимов'] };
    const text = 'ГУЛМУРОД ХАЛИМОВ и Гулмурод Халимов, но не Гулмурода Халимова.';
    expect(find(text, names).map((m) => m.text)).toEqual(['ГУЛМУРОД ХАЛИМОВ', 'Гулмурод Халимов']);
  });

  it('lets any whitespace separate the words of a name (PDF lines wrap inside names)', () => {
    expect(
      find('by Gulmurod\nKhalimov and Gulmurod  \t Khalimov', KHALIMOV).map((m) => m.text),
    ).toEqual(['Gulmurod\nKhalimov', 'Gulmurod  \t Khalimov']);
    expect(find('Gulmurod, Khalimov', KHALIMOV)).toEqual([]);
  });

  it('maps offsets back to the original text when folding changes lengths before or inside the match', () => {
    const names = { k: ['Halimov'], j: ['José Martí'] };
    // decomposed é (2 code units) and ß (folds to 2) before the match, an emoji too
    const text = 'Caf\u0065\u0301 Straße 🙂🙂 Halimov; Jose\u0301 Marti\u0301, José Martí.';
    const found = find(text, names);
    expect(found.map((m) => m.text)).toEqual(['Halimov', 'Jose\u0301 Marti\u0301', 'José Martí']);
    for (const m of found) expect(text.slice(m.start, m.start + m.text.length)).toBe(m.text);
    expect(found[0]!.start).toBe(text.indexOf('Halimov'));
    // the combining accent after the final "i" belongs to the match
    expect(found[1]!.text.endsWith('i\u0301')).toBe(true);
  });

  it('keeps the longest of overlapping names of one entity, and overlaps between entities', () => {
    const names = { k: ['Gulmurod Khalimov', 'Khalimov'], son: ['Bekhruz Gulmurod'] };
    const text = 'Bekhruz Gulmurod Khalimov and Khalimov';
    expect(find(text, names).map((m) => [m.key, m.text])).toEqual([
      ['son', 'Bekhruz Gulmurod'],
      ['k', 'Gulmurod Khalimov'],
      ['k', 'Khalimov'],
    ]);
  });

  it('drops punctuation around a name and ignores names without letters', () => {
    expect(namePattern('  U.S.  ')).toBe('u.s');
    expect(namePattern('Al-Qaeda')).toBe('al-qaeda');
    expect(namePattern('—')).toBeNull();
    expect(find('U.S. aid and U.S.-sponsored training', { us: ['U.S.'] }).length).toBe(2);
    expect(find('al‑Qaeda and Al-Qaeda', { aq: ['Al-Qaeda'] }).length).toBe(2);
  });

  it('finds a name at the exact place it was put, whatever surrounds it (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      'é',
      'e\u0301',
      'ß',
      'Ж',
      'ё',
      '🙂',
      ' ',
      '\n',
      ',',
      '’',
      '-',
      '1',
      'İ',
    );
    const separator = fc.constantFrom(' ', '\n', ', ', '🙂', '(', '—', '.');
    const variant = fc.constantFrom(
      'Gumurod Halimov',
      'GUMUROD HALÍMOV',
      'gumurod hali\u0301mov',
      'Gumurod\nHalimov',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        separator,
        variant,
        separator,
        fc.array(piece, { maxLength: 30 }),
        (before, s1, name, s2, after) => {
          const prefix = before.join('') + s1;
          const text = prefix + name + s2 + after.join('');
          const matches = new NameMatcher<string>();
          matches.add('k', 'Gumurod Halimov');
          const hit = matches.find(text).find((m) => m.start === prefix.length);
          expect(hit, JSON.stringify(text)).toBeDefined();
          expect(text.slice(hit!.start, hit!.end)).toBe(name);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds every occurrence in a long text among thousands of names', () => {
    const matcher = new NameMatcher<number>();
    for (let i = 0; i < 5000; i++) matcher.add(i, `Person${i} Surname${i % 97}`);
    matcher.add(-1, 'Gulmurod Khalimov');
    const paragraph =
      'Tajikistan’s security chief Gulmurod Khalimov defected in 2015 and later appeared. ';
    const text = paragraph.repeat(10_000); // ~850,000 characters
    const found = matcher.find(text);
    expect(found.length).toBe(10_000);
    expect(new Set(found.map((f) => f.key))).toEqual(new Set([-1]));
  });
});
