import type { TimelineClaims } from '../../../../../shared/timeline-claims';

/**
 * Where each bar of the timeline goes: bars are packed into rows so that overlapping intervals do
 * not hide each other (greedy interval packing, earliest start first). Past `maxRows` a bar shares
 * the row that frees up first: at 100,000 claims some overlap is unavoidable, and the table view
 * lists every claim.
 */
export interface TimelineLayout {
  /** row of each claim's event bar */
  eventRow: Int32Array;
  eventRows: number;
  /**
   * The event bars to draw, by type: claims of one type with the same interval on the same row make
   * one bar with their count (at 100,000 claims most bars stack: the bench's 100,000 claims make
   * 1,360). Type t's bars are indexes typeStart[t] … typeStart[t + 1] - 1 of the bar arrays.
   */
  bars: { start: Float64Array; end: Float64Array; row: Int32Array; count: Int32Array };
  typeStart: Int32Array;
  /** the documents' publication bars: one per document with a date */
  published: { documentIndex: number; start: number; end: number; row: number }[];
  publishedRows: number;
  /** the whole span, in days */
  min: number;
  max: number;
}

export function packRows(
  starts: ArrayLike<number>,
  ends: ArrayLike<number>,
  order: ArrayLike<number>,
  maxRows: number,
): { rows: Int32Array; count: number } {
  const rows = new Int32Array(starts.length);
  // a plain loop over a typed array: 100,000 bars against up to 60 rows ran 4× slower as
  // findIndex with a closure plus Math.min over a spread array
  const rowEnd = new Float64Array(Math.max(0, maxRows));
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const start = starts[i]!;
    let row = -1;
    let earliest = 0;
    for (let r = 0; r < count; r++) {
      if (rowEnd[r]! <= start) {
        row = r;
        break;
      }
      if (rowEnd[r]! < rowEnd[earliest]!) earliest = r;
    }
    if (row < 0 && count < maxRows) {
      // a new row ends where its first bar does (days before 1970 are negative)
      row = count++;
      rowEnd[row] = ends[i]!;
    } else if (row < 0) row = earliest;
    rows[i] = row;
    if (ends[i]! > rowEnd[row]!) rowEnd[row] = ends[i]!;
  }
  return { rows, count };
}

export function layoutTimeline(t: TimelineClaims, maxRows = 60): TimelineLayout {
  const n = t.claimIds.length;
  // the claims come in this order (Timeline): sorting them again costs one pass
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => t.eventStart[a]! - t.eventStart[b]! || t.eventEnd[b]! - t.eventEnd[a]!,
  );
  const events = packRows(t.eventStart, t.eventEnd, order, maxRows);
  const byDocument = new Map<number, { start: number; end: number }>();
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (t.eventStart[i]! < min) min = t.eventStart[i]!;
    if (t.eventEnd[i]! > max) max = t.eventEnd[i]!;
    const d = t.documentIndex[i]!;
    if (t.publishedStart[i]! >= 0 && !byDocument.has(d))
      byDocument.set(d, { start: t.publishedStart[i]!, end: t.publishedEnd[i]! });
  }
  const published = [...byDocument].map(([documentIndex, span]) => ({
    documentIndex,
    ...span,
    row: 0,
  }));
  for (const p of published) {
    min = Math.min(min, p.start);
    max = Math.max(max, p.end);
  }
  const pubOrder = published
    .map((_, i) => i)
    .sort((a, b) => published[a]!.start - published[b]!.start);
  const packed = packRows(
    published.map((p) => p.start),
    published.map((p) => p.end),
    pubOrder,
    Math.max(4, Math.floor(maxRows / 4)),
  );
  published.forEach((p, i) => (p.row = packed.rows[i]!));
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  const { bars, typeStart } = stackBars(t, events.rows, events.count);
  return {
    eventRow: events.rows,
    bars,
    typeStart,
    eventRows: events.count,
    published,
    publishedRows: packed.count,
    min,
    max,
  };
}

/**
 * The distinct (type, interval, row) bars with how many claims each stands for, grouped by type in
 * the order each first appears among the claims.
 */
export function stackBars(
  t: {
    eventStart: ArrayLike<number>;
    eventEnd: ArrayLike<number>;
    typeIndex: ArrayLike<number>;
    types: string[];
  },
  rows: Int32Array,
  rowCount: number,
): Pick<TimelineLayout, 'bars' | 'typeStart'> {
  // one map per (type, row), made when first needed
  const seenIn: (Map<number, number> | undefined)[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const row: number[] = [];
  const count: number[] = [];
  const ofType: number[][] = t.types.map(() => []);
  for (let i = 0; i < t.eventStart.length; i++) {
    const s = t.eventStart[i]!;
    const e = t.eventEnd[i]!;
    // exact as a number: for years 0…9999 a day is within 2^21 of 1970 and a span under 2^22 days
    const key = (s + 2 ** 21) * 2 ** 22 + (e - s);
    const slot = t.typeIndex[i]! * rowCount + rows[i]!;
    const seen = (seenIn[slot] ??= new Map<number, number>());
    const bar = seen.get(key);
    if (bar !== undefined) count[bar]!++;
    else {
      seen.set(key, start.length);
      ofType[t.typeIndex[i]!]!.push(start.length);
      start.push(s);
      end.push(e);
      row.push(rows[i]!);
      count.push(1);
    }
  }
  const order = ofType.flat();
  const typeStart = new Int32Array(t.types.length + 1);
  ofType.forEach((list, type) => (typeStart[type + 1] = typeStart[type]! + list.length));
  return {
    bars: {
      start: Float64Array.from(order, (b) => start[b]!),
      end: Float64Array.from(order, (b) => end[b]!),
      row: Int32Array.from(order, (b) => row[b]!),
      count: Int32Array.from(order, (b) => count[b]!),
    },
    typeStart,
  };
}

/** Tick marks for a visible span of days: years, months or days, whichever gives readable gaps. */
export function ticks(
  start: number,
  end: number,
  maxTicks: number,
): { day: number; label: string }[] {
  const DAY = 86_400_000;
  const span = end - start;
  const out: { day: number; label: string }[] = [];
  const d0 = new Date(start * DAY);
  if (span / 365 > maxTicks / 2) {
    const years = span / 365;
    const step = [1, 2, 5, 10, 20, 50, 100].find((s) => years / s <= maxTicks) ?? 100;
    for (let y = Math.ceil(d0.getUTCFullYear() / step) * step; ; y += step) {
      const day = Date.UTC(y, 0, 1) / DAY;
      if (day > end) break;
      if (day >= start) out.push({ day, label: String(y) });
    }
  } else if (span / 30 > maxTicks / 3) {
    const months = span / 30;
    const step = [1, 2, 3, 6].find((s) => months / s <= maxTicks) ?? 6;
    for (let m = d0.getUTCFullYear() * 12 + d0.getUTCMonth(); ; m += 1) {
      const day = Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY;
      if (day > end) break;
      if (day >= start && (m % 12) % step === 0)
        out.push({ day, label: new Date(day * DAY).toISOString().slice(0, 7) });
    }
  } else {
    const step = Math.max(1, Math.ceil(span / maxTicks));
    for (let day = Math.ceil(start); day <= end; day += step)
      out.push({ day, label: new Date(day * DAY).toISOString().slice(0, 10) });
  }
  return out;
}
