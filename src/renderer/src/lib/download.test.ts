import { describe, expect, it } from 'vitest';
import { describeProgress } from './download';

const MB = 1024 * 1024;

describe('describeProgress', () => {
  it('says the file is being prepared until its first byte arrives', () => {
    expect(describeProgress({ received: 0, total: null })).toBe('Preparing the file…');
    expect(describeProgress({ received: 0, total: 175 * MB })).toBe('Preparing the file…');
  });

  it('counts megabytes received, of the total when it is known', () => {
    expect(describeProgress({ received: 2.5 * MB, total: 9 * MB })).toBe('Receiving 2.5 of 9.0 MB');
    expect(describeProgress({ received: 45 * MB, total: 175.4 * MB })).toBe(
      'Receiving 45 of 175 MB',
    );
    expect(describeProgress({ received: 1234 * MB, total: null })).toBe('Receiving 1,234 MB');
  });
});
