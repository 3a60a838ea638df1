/**
 * Hostile files in the worker pool (issue 14, item 3): a file that keeps its worker busy past the
 * time limit, or wants more heap than a worker has, fails alone as `timed_out` / `too_large`, and
 * the files waiting behind it are read. Workers exist only in the built app, so this runs on the
 * built backend (`npm test` builds first), as pdf-workers.test.ts does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAGRAPHS, typeset } from './pdf-fixtures';

type Extract = (
  fileName: string,
  bytes: Uint8Array,
  job?: { timeLimitMs?: number },
) => Promise<{ mediaType: string; content: { text: string } }>;
interface Pool {
  usesWorkers: boolean;
  extract: Extract;
  close(): Promise<void>;
}
interface Built {
  ExtractionPool: new (options: { size?: number; heapMb?: number; timeLimitMs?: number }) => Pool;
}

const backendFile = path.resolve(import.meta.dirname, '../../../out/main/backend.js');
const built: Built | null = fs.existsSync(backendFile)
  ? ((await import(/* @vite-ignore */ pathToFileURL(backendFile).href)) as Built)
  : null;
if (!built) console.warn(`worker pool limit tests skipped: ${backendFile} is not built`);

const text = (s: string) => new TextEncoder().encode(s);
// hundreds of pages: far more work than either limit below allows
const long = typeset(Array.from({ length: 40 }, () => PARAGRAPHS).flat(), { linesPerPage: 4 }).pdf;

describe.skipIf(!built)('worker pool limits (built app)', () => {
  it('ends a file past its time limit as timed_out; the file waiting behind it is read', async () => {
    const pool = new built!.ExtractionPool({ size: 1 });
    try {
      expect(pool.usesWorkers).toBe(true);
      // a limit no worker can meet: starting the worker alone takes longer
      const slow = pool.extract('slow.pdf', long, { timeLimitMs: 1 });
      const next = pool.extract('next.txt', text('The file after the slow one.'));
      await expect(slow).rejects.toMatchObject({ code: 'timed_out' });
      await expect(slow).rejects.toThrow(
        /"slow\.pdf" took longer than 1 ms.*the other files go on/s,
      );
      expect((await next).content.text).toBe('The file after the slow one.');
    } finally {
      await pool.close();
    }
  });

  it('a file that needs more heap than a worker has fails as too_large, not the backend', async () => {
    const pool = new built!.ExtractionPool({ size: 1, heapMb: 24 });
    try {
      const big = pool.extract('huge.pdf', long);
      const next = pool.extract('next.txt', text('Still here.'));
      await expect(big).rejects.toMatchObject({ code: 'too_large' });
      await expect(big).rejects.toThrow(/more memory than Claimdesk gives one file/);
      expect((await next).content.text).toBe('Still here.');
    } finally {
      await pool.close();
    }
  });

  it('files still waiting when the pool closes fail as cancelled', async () => {
    const pool = new built!.ExtractionPool({ size: 1 });
    const first = pool.extract('a.pdf', long);
    const waiting = pool.extract('b.txt', text('never read')).catch((error: unknown) => error);
    first.catch(() => {});
    await pool.close();
    expect(await waiting).toMatchObject({ code: 'cancelled' });
  });
});
