/**
 * Partial dates as researchers write them: a year (2018), a month (2018-11), a day (2018-11-07), or
 * a range of any two of those joined by "/" (2018-11-07/2018-11-08, 2015/2016-03). A source rarely
 * gives more than "in November 2018", so the precision is part of the value, not noise.
 */

export type DatePrecision = 'year' | 'month' | 'day' | 'range';

export interface PartialDate {
  /** first day covered, YYYY-MM-DD */
  start: string;
  /** last day covered (inclusive), YYYY-MM-DD */
  end: string;
  precision: DatePrecision;
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const PARTIAL_DATE_HINT =
  'a date like 2018, 2018-11, 2018-11-07 or a range 2018-11-07/2018-11-08';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

type Parsed = { ok: true; value: PartialDate } | { ok: false; problem: string };

/** The input as quoted in a message: never a 10 MB echo. */
const shown = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

function parseSingle(s: string): Parsed {
  const m = SINGLE.exec(s);
  if (!m) return { ok: false, problem: `"${shown(s)}" is not ${PARTIAL_DATE_HINT}` };
  const year = Number(m[1]);
  if (m[2] === undefined) {
    return {
      ok: true,
      value: { start: iso(year, 1, 1), end: iso(year, 12, 31), precision: 'year' },
    };
  }
  const month = Number(m[2]);
  if (month < 1 || month > 12)
    return { ok: false, problem: `"${s}" has no month ${m[2]} (months are 01-12)` };
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return {
      ok: true,
      value: { start: iso(year, month, 1), end: iso(year, month, last), precision: 'month' },
    };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) {
    return {
      ok: false,
      problem: `"${s}" does not exist (${iso(year, month, 1).slice(0, 7)} has ${last} days)`,
    };
  }
  const date = iso(year, month, day);
  return { ok: true, value: { start: date, end: date, precision: 'day' } };
}

function parse(s: string): Parsed {
  const parts = s.split('/');
  if (parts.length > 2) return { ok: false, problem: `"${shown(s)}" is not ${PARTIAL_DATE_HINT}` };
  const from = parseSingle(parts[0]!);
  if (parts.length === 1 || !from.ok) return from;
  const to = parseSingle(parts[1]!);
  if (!to.ok) return to;
  // ISO dates compare correctly as strings
  if (to.value.start < from.value.start) {
    return { ok: false, problem: `the range "${shown(s)}" ends before it starts` };
  }
  return { ok: true, value: { start: from.value.start, end: to.value.end, precision: 'range' } };
}

/** Parses a partial date or range; throws a RangeError that says what is wrong. */
export function parsePartialDate(s: string): PartialDate {
  const result = parse(s);
  if (!result.ok) throw new RangeError(result.problem);
  return result.value;
}

/** Why `s` is not a valid partial date, or null when it is. For schema validation messages. */
export function partialDateProblem(s: string): string | null {
  const result = parse(s);
  return result.ok ? null : result.problem;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of an ISO YYYY-MM-DD date. */
export const epochDay = (isoDate: string): number =>
  Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/** The ISO date of a day number (the inverse of epochDay). */
export const isoOfEpochDay = (day: number): string =>
  new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * A partial date as the interval it stands for, in days since 1970-01-01, END EXCLUSIVE: 2015-05 is
 * [2015-05-01, 2015-06-01), 2018 is [2018-01-01, 2019-01-01), a range joins its two ends. The
 * timeline draws this, never a point; null for what is not a valid partial date.
 */
export function dateInterval(s: string): { start: number; end: number } | null {
  const parsed = parse(s);
  if (!parsed.ok) return null;
  return { start: epochDay(parsed.value.start), end: epochDay(parsed.value.end) + 1 };
}

/**
 * dateInterval remembered per text, for one pass over many claims: a workspace holds far fewer
 * distinct dates than claims, and parsing each of 100,000 was most of the timeline's cost.
 */
export function dateIntervals(): (s: string) => { start: number; end: number } | null {
  const seen = new Map<string, { start: number; end: number } | null>();
  return (s) => {
    let span = seen.get(s);
    if (span === undefined) {
      span = dateInterval(s);
      seen.set(s, span);
    }
    return span;
  };
}
