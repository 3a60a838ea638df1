import { describe, expect, it } from 'vitest';
import { parsePartialDate, partialDateProblem } from './partial-date';

describe('parsePartialDate', () => {
  it('reads years, months and days as the span of days they cover', () => {
    expect(parsePartialDate('2018')).toEqual({
      start: '2018-01-01',
      end: '2018-12-31',
      precision: 'year',
    });
    expect(parsePartialDate('2018-11')).toEqual({
      start: '2018-11-01',
      end: '2018-11-30',
      precision: 'month',
    });
    expect(parsePartialDate('2016-02')).toEqual({
      start: '2016-02-01',
      end: '2016-02-29',
      precision: 'month',
    });
    expect(parsePartialDate('2018-02')).toEqual({
      start: '2018-02-01',
      end: '2018-02-28',
      precision: 'month',
    });
    expect(parsePartialDate('2018-11-07')).toEqual({
      start: '2018-11-07',
      end: '2018-11-07',
      precision: 'day',
    });
  });

  it('reads ranges, also of mixed precision, from the first day of the start to the last of the end', () => {
    expect(parsePartialDate('2018-11-07/2018-11-08')).toEqual({
      start: '2018-11-07',
      end: '2018-11-08',
      precision: 'range',
    });
    expect(parsePartialDate('2015/2016-03')).toEqual({
      start: '2015-01-01',
      end: '2016-03-31',
      precision: 'range',
    });
    expect(parsePartialDate('2018-11/2018-11-05')).toMatchObject({
      start: '2018-11-01',
      end: '2018-11-05',
    });
  });

  it('knows leap years, including the century rules', () => {
    expect(parsePartialDate('2016-02-29').precision).toBe('day');
    expect(parsePartialDate('2000-02-29').precision).toBe('day');
    expect(() => parsePartialDate('1900-02-29')).toThrow(/1900-02 has 28 days/);
    expect(() => parsePartialDate('2018-02-29')).toThrow(RangeError);
  });

  it('rejects impossible dates and says why', () => {
    expect(partialDateProblem('2018-02-30')).toMatch(
      /"2018-02-30" does not exist \(2018-02 has 28 days\)/,
    );
    expect(partialDateProblem('2018-04-31')).toMatch(/has 30 days/);
    expect(partialDateProblem('2018-13')).toMatch(/no month 13/);
    expect(partialDateProblem('2018-00-10')).toMatch(/no month 00/);
    expect(partialDateProblem('2018-11-00')).toMatch(/does not exist/);
    expect(partialDateProblem('2018-11-08/2018-11-07')).toMatch(/ends before it starts/);
    expect(partialDateProblem('2019/2018')).toMatch(/ends before it starts/);
    expect(partialDateProblem('2018-11-07/2018-02-30')).toMatch(/does not exist/);
  });

  it('rejects what is not a partial date at all', () => {
    for (const s of [
      '',
      '18',
      '2018-1',
      '2018-11-7',
      '07/11/2018',
      '2018/',
      '/2018',
      '2018/2019/2020',
      ' 2018',
      'Nov 2018',
    ]) {
      expect(partialDateProblem(s), s).toMatch(/is not a date like 2018/);
    }
  });

  it('accepts exactly what it can parse', () => {
    for (const s of ['2018', '2018-11', '2018-11-07', '2018/2019', '2018-11-07/2018-11-07']) {
      expect(partialDateProblem(s), s).toBeNull();
    }
  });
});
