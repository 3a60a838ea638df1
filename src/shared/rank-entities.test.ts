import { describe, expect, it } from 'vitest';
import type { Entity, EntityId } from './model';
import { defaultPick, indexEntity, rankEntities } from './rank-entities';

let n = 0;
const entity = (name: string, kind: string, aliases: string[] = []): Entity => ({
  id: `ent_${(++n).toString(16).padStart(8, '0')}` as EntityId,
  kind,
  name,
  aliases,
  description: '',
  externalIds: {},
  createdAt: '',
  updatedAt: '',
});

// a workspace like the one the defects were found in: names a weak match would wrongly pick
const workspace = [
  entity('Law of the Republic of Tajikistan on Combating Extremism', 'event'),
  entity('US Embassy in Dushanbe', 'organization'),
  entity('Muhammadrahim Abdumannonov', 'person'),
  entity('Gulmurod Khalimov', 'person', ['Gumurod Halimov']),
  entity('Islamic Movement of Uzbekistan', 'organization', ['IMU']),
  entity('Human Rights Watch', 'organization', ['HRW']),
  entity('Radio Ozodi', 'organization'),
  entity('Khujand', 'place'),
].map(indexEntity);
const withReuters = [...workspace, indexEntity(entity('Reuters', 'organization'))];

/** What Enter or Tab takes for a query: the picked entity's name, or null (nothing pre-selected). */
function pick(query: string, entries = workspace, kind?: string): string | null {
  const hits = rankEntities(query, entries, kind);
  const at = defaultPick(hits);
  return at < 0 ? null : hits[at]!.entity.name;
}

describe('the picker ranking: query → what Enter/Tab takes', () => {
  it.each([
    // defect 1: subsequence matches must never be taken on their own
    ['Reuters', null], // "R-e-u-t-e-r-s" is a subsequence of the Law of the Republic…
    ['EIU', null], // a subsequence of "US Embassy in Dushanbe"
    ['Freedom House', null], // a new name: nothing taken, "Create new" asks for the kind
    // the strong tiers are taken
    ['IMU', 'Islamic Movement of Uzbekistan'], // exact alias
    ['Halimov', 'Gulmurod Khalimov'], // exact word prefix of an alias
    ['Khalimov', 'Gulmurod Khalimov'], // word prefix
    ['Khalimv', 'Gulmurod Khalimov'], // close spelling (one letter missing)
    ['Xhalimov', 'Gulmurod Khalimov'], // close spelling (one letter wrong)
    ['Khuj', 'Khujand'], // prefix
    ['human rights', 'Human Rights Watch'], // prefix, case-insensitive
    ['watch rights', 'Human Rights Watch'], // word prefixes in any order
    ['radio ozodi', 'Radio Ozodi'], // exact
    ['Abdumanonov', 'Muhammadrahim Abdumannonov'], // close spelling of a 5+ letter word
    // too short for close spelling, and only a substring or subsequence: not taken
    ['ozod', 'Radio Ozodi'], // (a word prefix, so strong)
    ['zodi', null], // substring only
    ['Khujnd', 'Khujand'], // close spelling, 6 letters
    ['Kujan', 'Khujand'], // 5 letters, edit distance 1
  ])('%s → %s', (query, expected) => {
    expect(pick(query)).toBe(expected);
  });

  it('takes Reuters once it exists, by exact name, over the Law that merely contains its letters', () => {
    expect(pick('Reuters', withReuters)).toBe('Reuters');
    expect(pick('reut', withReuters)).toBe('Reuters');
  });

  it('orders exact > prefix > word prefix > close spelling > substring > subsequence', () => {
    const entries = [
      entity('Khan Aliev Movement', 'organization'), // subsequence
      entity('Tashkhalimovo', 'place'), // substring
      entity('Kalimov', 'person'), // close spelling
      entity('Gulmurod Khalimov', 'person'), // word prefix
      entity('Khalimova Street', 'place'), // prefix
      entity('Khalimov', 'person'), // exact
    ].map(indexEntity);
    const hits = rankEntities('khalimov', entries);
    expect(hits.map((h) => h.quality)).toEqual([
      'exact',
      'prefix',
      'word-prefix',
      'typo',
      'substring',
      'subsequence',
    ]);
    expect(defaultPick(hits.slice(4))).toBe(-1);
    expect(defaultPick(hits.slice(3))).toBe(0);
  });

  it('filters by kind and finds nothing for a blank query', () => {
    expect(pick('Khalimov', workspace, 'place')).toBeNull();
    expect(rankEntities('   ', workspace)).toEqual([]);
  });
});
