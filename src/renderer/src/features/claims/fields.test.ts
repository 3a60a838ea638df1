import { describe, expect, it } from 'vitest';
import { eventDateProblem } from '../../../../shared/claim-rules';
import { eventDateError, excerpt, formatTags, parseTags } from './fields';

describe('eventDateError', () => {
  it.each([
    '',
    '2018',
    '2018-11',
    '2018-11-07',
    '2018-11-07/2018-11-08',
    '2016/2018',
    '2020-02-29',
  ])('accepts %j', (value) => expect(eventDateError(value)).toBeNull());

  it.each([
    '18',
    '2018-13',
    '2018-11-31',
    '2019-02-29',
    'Nov 2018',
    '2018-1',
    '2018/2019/2020',
    '2018-13-99',
    // the editor once accepted this, which the backend then refused
    '2018-06/2018',
  ])('rejects %j with the backend rule message', (value) => {
    const rule = eventDateProblem(value);
    expect(rule).not.toBeNull();
    expect(eventDateError(value)?.toLowerCase()).toBe(`${rule!.toLowerCase()}.`);
  });

  it('rejects a range that ends before it starts', () => {
    expect(eventDateError('2018-11-08/2018-11-07')).toMatch(/ends before it starts/);
    expect(eventDateError('2018-11/2018-11-30')).toBeNull();
  });
});

describe('tags', () => {
  it('parses a comma-separated list', () => {
    expect(parseTags(' riot,  prison  , riot,,Khujand ')).toEqual(['riot', 'prison', 'Khujand']);
    expect(formatTags(['a', 'b c'])).toBe('a, b c');
  });
});

describe('excerpt', () => {
  it('flattens whitespace and cuts at a word', () => {
    expect(excerpt('a\n\nb')).toBe('a b');
    expect(excerpt('one two three four five', 12)).toBe('one two…');
  });
});
