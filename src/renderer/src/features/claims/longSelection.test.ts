import { describe, expect, it } from 'vitest';
import { confirmLongSelection } from './longSelection';

describe('confirmLongSelection', () => {
  it('goes on without asking up to 2,000 characters', () => {
    const asked: string[] = [];
    const ask = (m: string) => (asked.push(m), false);
    expect(
      confirmLongSelection(
        [
          { start: 0, end: 1500 },
          { start: 1600, end: 2100 },
        ],
        ask,
      ),
    ).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks above that, with the length, and does what the answer says', () => {
    const asked: string[] = [];
    expect(confirmLongSelection([{ start: 10, end: 27_826 }], (m) => (asked.push(m), false))).toBe(
      false,
    );
    expect(asked[0]).toContain('27,816 characters');
    expect(confirmLongSelection([{ start: 0, end: 2001 }], () => true)).toBe(true);
  });
});
