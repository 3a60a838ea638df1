import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openBackend, type Backend } from '../backend';

const opened: { backend: Backend; dir: string }[] = [];

/** A backend over a fresh temporary workspace, closed and deleted after the test. */
export function tempBackend(shell: 'cli' | 'serve' = 'cli'): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-test-'));
  const backend = openBackend(dir, shell);
  opened.push({ backend, dir });
  return backend;
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-test-'));
  opened.push({ backend: { close() {} } as Backend, dir });
  return dir;
}

afterEach(() => {
  for (const { backend, dir } of opened.splice(0)) {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

export const enc = (s: string) => new TextEncoder().encode(s);

/** A small invented source in the spirit of the corpus: names, an alias, a contested figure. */
export const SAMPLE_TEXT = [
  'Prison riot in Khujand',
  'On 7 November 2018 a riot in the Khujand prison reportedly left at least 27 people dead, although non-governmental sources said the figure was closer to 50.',
  'Gulmurod Khalimov, also written Gumurod Halimov, had defected to ISIS in 2015.',
  'Местные источники сообщили о беспорядках 🙂 в колонии.',
].join('\n\n');
