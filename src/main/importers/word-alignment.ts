/**
 * Test helper: how much of an expected text's words an extraction reproduces, in order.
 * Words are whitespace-separated tokens; the alignment is a longest common subsequence found
 * with Myers' O((N+M)D) algorithm, fast when the texts mostly agree.
 */

/** Matched words / expected words (1 when both are empty). */
export function wordAgreement(expectedText: string, actualText: string): number {
  const expected = words(expectedText);
  const actual = words(actualText);
  if (expected.length === 0) return actual.length === 0 ? 1 : 0;
  return lcsLength(expected, actual) / expected.length;
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Length of the longest common subsequence of two token arrays. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  // compare small integers, not strings, in the inner loop
  const ids = new Map<string, number>();
  const intern = (t: string) => {
    let id = ids.get(t);
    if (id === undefined) ids.set(t, (id = ids.size));
    return id;
  };
  let x = a.map(intern);
  let y = b.map(intern);
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  let tail = 0;
  while (
    tail < x.length - common &&
    tail < y.length - common &&
    x[x.length - 1 - tail] === y[y.length - 1 - tail]
  ) {
    tail++;
  }
  x = x.slice(common, x.length - tail);
  y = y.slice(common, y.length - tail);
  return common + tail + (x.length === 0 || y.length === 0 ? 0 : myersLcs(x, y));
}

function myersLcs(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  // v[offset + k]: the furthest x reached on diagonal k with d edits
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let px =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let py = px - k;
      while (px < n && py < m && a[px] === b[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) return (n + m - d) / 2;
    }
  }
  return 0;
}
