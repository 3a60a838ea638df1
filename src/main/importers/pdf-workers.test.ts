/**
 * The worker-thread path exists only in the built app (from sources extraction runs inline), so it
 * is checked on the built backend (`npm test` builds first): a large PDF read by all workers at
 * once gives exactly what one pass in the same build gives, and fails the same way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PARAGRAPHS, typeset } from './pdf-fixtures';

type Extract = (
  fileName: string,
  bytes: Uint8Array,
  job?: { password?: string },
) => Promise<{ mediaType: string; content: unknown }>;
interface Built {
  extractionPool: { usesWorkers: boolean; extract: Extract; close(): Promise<void> };
  extractDocument: (
    fileName: string,
    bytes: Uint8Array,
    options?: { password?: string },
  ) => Promise<unknown>;
}

const backendFile = path.resolve(import.meta.dirname, '../../../out/main/backend.js');
const built: Built | null = fs.existsSync(backendFile)
  ? ((await import(/* @vite-ignore */ pathToFileURL(backendFile).href)) as Built)
  : null;
if (!built) console.warn(`worker-thread PDF tests skipped: ${backendFile} is not built`);

const corpus = process.env.CLAIMDESK_CORPUS ?? path.resolve(process.cwd(), '../shared/corpus');
const article = path.join(corpus, '002_1e1a6a2f2c58fe5b.pdf');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-pdf-workers-'));

afterAll(async () => {
  await built?.extractionPool.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!built)('PDF import in worker threads (built app)', () => {
  const { extractionPool, extractDocument } = built!;
  const long = typeset(Array.from({ length: 12 }, () => PARAGRAPHS).flat(), {
    linesPerPage: 4,
  }).pdf;

  it('reads a large PDF in parts on all workers and gives what one pass gives', async () => {
    expect(extractionPool.usesWorkers).toBe(true);
    const inputs = [long];
    if (fs.existsSync(article)) {
      const out = path.join(dir, 'long.pdf');
      execFileSync('qpdf', ['--empty', '--pages', article, article, article, '--', out]);
      inputs.push(new Uint8Array(fs.readFileSync(out)));
    }
    for (const bytes of inputs) {
      const copy = bytes.slice();
      const [pooled, inline] = [
        await extractionPool.extract('big.pdf', bytes),
        await extractDocument('big.pdf', bytes),
      ];
      expect(pooled).toEqual(inline);
      expect(bytes).toEqual(copy); // the caller's bytes are untouched
    }
    // two at once: each gets a worker of its own
    const both = await Promise.all([
      extractionPool.extract('a.pdf', long),
      extractionPool.extract('b.pdf', long),
    ]);
    expect(both[0]).toEqual(both[1]);
  });

  it('refuses a locked PDF in parts as in one pass', async () => {
    fs.writeFileSync(path.join(dir, 'in.pdf'), long);
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', 'in.pdf', 'locked.pdf'], {
      cwd: dir,
    });
    const locked = new Uint8Array(fs.readFileSync(path.join(dir, 'locked.pdf')));
    await expect(extractionPool.extract('locked.pdf', locked)).rejects.toMatchObject({
      code: 'password_required',
    });
    await expect(
      extractionPool.extract('locked.pdf', locked, { password: 'nope' }),
    ).rejects.toMatchObject({
      code: 'wrong_password',
    });
    expect(await extractionPool.extract('locked.pdf', locked, { password: 'user' })).toEqual(
      await extractDocument('locked.pdf', locked, { password: 'user' }),
    );
  });
});
