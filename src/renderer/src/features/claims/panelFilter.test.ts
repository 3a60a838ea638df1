import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/model';
import { filterClaims, NO_FILTER } from './panelFilter';

const claim = (id: string, over: Partial<Claim>): Claim =>
  ({
    id,
    statement: '',
    note: '',
    tags: [],
    type: 'other',
    certainty: null,
    status: 'draft',
    ...over,
  }) as Claim;

const claims = [
  claim('a', { statement: 'The riot in Khujand', type: 'event', status: 'reviewed' }),
  claim('b', { statement: 'ISIS claimed it', certainty: 'alleged', tags: ['attribution'] }),
  claim('c', { statement: 'Officials reported 27 deaths', note: 'Qurbonov says 50' }),
];
const ids = (cs: Claim[]) => cs.map((c) => c.id);

describe('filterClaims', () => {
  it('keeps everything with no filter', () => {
    expect(ids(filterClaims(claims, NO_FILTER))).toEqual(['a', 'b', 'c']);
  });

  it('matches every word in statement, note, tags and names, ignoring case and accents', () => {
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'khujand RIOT' }))).toEqual(['a']);
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'qurbonov' }))).toEqual(['c']);
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'attribution' }))).toEqual(['b']);
    expect(ids(filterClaims(claims, { ...NO_FILTER, text: 'Ḩalimov' }, () => ['Halimov']))).toEqual(
      ['a', 'b', 'c'],
    );
  });

  it('filters by type, certainty and status exactly', () => {
    expect(ids(filterClaims(claims, { ...NO_FILTER, type: 'event' }))).toEqual(['a']);
    expect(ids(filterClaims(claims, { ...NO_FILTER, certainty: 'alleged' }))).toEqual(['b']);
    expect(ids(filterClaims(claims, { ...NO_FILTER, status: 'draft' }))).toEqual(['b', 'c']);
  });
});
