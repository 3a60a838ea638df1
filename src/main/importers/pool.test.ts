import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerFailure } from './pool';

describe('workerFailure', () => {
  it('reports a reader that ran out of memory as too_large, with what to do', async () => {
    // a real worker out of memory, as a hostile or huge file makes one: the error Node gives
    const worker = new Worker('const keep = []; for (;;) keep.push(new Array(1e5).fill(1));', {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    const error = await new Promise<Error>((resolve) => worker.once('error', resolve));
    const failure = workerFailure(error);
    expect(failure.code).toBe('too_large');
    expect(failure.message).toMatch(/more memory than Claimdesk gives one file/);
    expect(failure.message).toMatch(/Nothing was imported\. Split it/);
  });

  it('reports any other death of the reader as a file that could not be read', () => {
    const failure = workerFailure(new Error('the reader stopped unexpectedly (exit code 1)'));
    expect(failure.code).toBe('corrupt');
    expect(failure.message).toBe(
      'The file could not be read: the reader stopped unexpectedly (exit code 1)',
    );
  });
});
