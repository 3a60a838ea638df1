import { describe, expect, it } from 'vitest';
import { addAliases, normalizeWikidata, urlError, wikidataError } from './validate';

describe('wikidataError', () => {
  it.each(['', 'Q42', 'Q1', ' Q123456789012 '])('accepts %j', (v) =>
    expect(wikidataError(v)).toBeNull(),
  );
  it.each(['42', 'Q0', 'Q042', 'P31', 'Q42x', 'Q1234567890123'])('rejects %j', (v) =>
    expect(wikidataError(v)).toMatch(/Q42/),
  );
  it('points at the id inside a pasted Wikidata address', () => {
    expect(wikidataError('https://www.wikidata.org/wiki/Q4200')).toBe(
      'Use the item id alone: Q4200.',
    );
  });
  it('upper-cases a typed q', () => {
    expect(normalizeWikidata(' q42 ')).toBe('Q42');
    expect(normalizeWikidata('x')).toBe('x');
  });
});

describe('urlError', () => {
  it('accepts web addresses only', () => {
    expect(urlError('')).toBeNull();
    expect(urlError('https://example.org/a?b')).toBeNull();
    expect(urlError('example.org')).toMatch(/https:/);
    expect(urlError('javascript:alert(1)')).toMatch(/Only web addresses/);
  });
});

describe('addAliases', () => {
  it('adds several at once, skipping the name, repeats and blanks, in any case', () => {
    expect(
      addAliases(
        'Gulmurod Khalimov',
        ['Gumurod Halimov'],
        ' Halimov ; gumurod halimov;;GULMUROD KHALIMOV; Гулмурод  Халимов',
      ),
    ).toEqual(['Gumurod Halimov', 'Halimov', 'Гулмурод Халимов']);
  });
});
