import { describe, expect, it } from 'vitest';
import { listChange, rowsOf } from './vocabularyEdit';

const kinds = ['person', 'organization', 'place'];

describe('listChange', () => {
  it('is null when nothing changed, even after tidying spaces', () => {
    expect(listChange(kinds, rowsOf(kinds))).toBeNull();
    expect(listChange(kinds, [...rowsOf(kinds), { from: null, value: '  ' }])).toBeNull();
  });

  it('turns an edited row into a rename, and keeps the order', () => {
    const rows = rowsOf(kinds);
    rows[1] = { from: 'organization', value: ' armed  group ' };
    expect(listChange(kinds, rows)).toEqual({
      values: ['person', 'armed group', 'place'],
      renames: [{ from: 'organization', to: 'armed group' }],
    });
  });

  it('adds new rows and drops removed ones without renames', () => {
    expect(
      listChange(kinds, [...rowsOf(['place', 'person']), { from: null, value: 'event' }]),
    ).toEqual({
      values: ['place', 'person', 'event'],
      renames: [],
    });
  });

  it('refuses duplicates (ignoring case), emptied rows and an empty list', () => {
    expect(listChange(kinds, [...rowsOf(kinds), { from: null, value: 'Person' }])).toEqual({
      problem: '“Person” is listed twice.',
    });
    expect(listChange(kinds, [{ from: 'person', value: '' }])).toEqual({
      problem: 'A value cannot be empty: remove it instead.',
    });
    expect(listChange(kinds, [])).toEqual({ problem: 'Keep at least one value.' });
  });
});
