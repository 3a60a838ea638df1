// Generates the benchmark's inputs from the sample corpus (never committed): a 1,000-page PDF made
// by repeating the longest paper, and thousands of distinct text documents.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const corpusDir = resolve(
  process.env.CLAIMDESK_CORPUS ?? resolve(import.meta.dirname, '../../shared/corpus'),
);

export function requireCorpus() {
  if (!existsSync(corpusDir)) {
    throw new Error(
      `The benchmark generates its inputs from the sample corpus; none at ${corpusDir} (set CLAIMDESK_CORPUS).`,
    );
  }
}

/** A PDF of at least `pages` pages: 002 (21 pages) repeated, joined by qpdf. */
export function bigPdf(workDir, pages = 1000) {
  const source = join(corpusDir, '002_1e1a6a2f2c58fe5b.pdf');
  const out = join(workDir, `big-${pages}.pdf`);
  if (existsSync(out)) return out;
  const perCopy = Number(execFileSync('qpdf', ['--show-npages', source]).toString().trim());
  const copies = Math.ceil(pages / perCopy);
  execFileSync('qpdf', ['--empty', '--pages', ...Array(copies).fill(source), '--', out]);
  return out;
}

export function pageCount(pdf) {
  return Number(execFileSync('qpdf', ['--show-npages', pdf]).toString().trim());
}

/** `count` distinct text documents (corpus texts with a numbered preface, so each SHA-256 differs). */
export function textDocuments(workDir, count) {
  const dir = join(workDir, `texts-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === count) return dir;
  mkdirSync(dir, { recursive: true });
  const texts = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  for (let i = 0; i < count; i++) {
    const text = texts[i % texts.length];
    writeFileSync(
      join(dir, `doc-${String(i).padStart(5, '0')}.txt`),
      `Benchmark copy ${i} of source ${i % texts.length}.\n\n${text}`,
    );
  }
  return dir;
}
