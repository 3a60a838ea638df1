// PDF import throughput: pdftotext (poppler) vs our extraction alone vs the full import (extraction
// + storage), on a 1,000-page text PDF generated from the corpus.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bigPdf, pageCount } from './inputs.js';
import { median, round, timeRuns } from './lib.js';

export async function benchPdfImport({ work, root }) {
  const { openBackend, extractionPool, insertDocument } = await import(
    join(root, 'out/main/backend.js')
  );
  const pdf = bigPdf(work, 1000);
  const pages = pageCount(pdf);
  const bytes = new Uint8Array(readFileSync(pdf));
  console.log(`${pages}-page PDF, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);

  const poppler = median(
    await timeRuns(() => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '/dev/null']), {
      runs: 3,
    }),
  );
  const extraction = median(
    await timeRuns(() => extractionPool.extract('big.pdf', bytes), { runs: 3, warmup: 1 }),
  );
  const full = median(
    await timeRuns(
      async (i) => {
        const dir = join(work, 'workspaces', `pdf-${i}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        const backend = openBackend(dir, 'cli');
        const result = await backend.registry.call('documents.import', {
          fileName: 'big.pdf',
          bytes,
        });
        backend.close();
        if (!result.ok) throw new Error(result.error.message);
      },
      { runs: 3 },
    ),
  );
  // storage alone: the document's one transaction (file bytes, text, structure, page maps) into a
  // fresh workspace, from one extraction (a difference of two noisy timings can come out negative)
  const { mediaType, content } = await extractionPool.extract('big.pdf', bytes);
  const meta = {
    title: 'big',
    authors: [],
    publishedDate: null,
    publisher: null,
    sourceUrl: null,
    language: null,
  };
  const stores = [];
  for (let i = 0; i < 3; i++) {
    const dir = join(work, 'workspaces', `pdf-store-${i}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const backend = openBackend(dir, 'cli');
    const start = performance.now();
    insertDocument(backend.db, {
      sha256: 'bench',
      mediaType,
      fileName: 'big.pdf',
      bytes,
      content,
      meta,
    });
    stores.push(performance.now() - start);
    backend.close();
  }
  const storage = median(stores);
  await extractionPool.close();
  const rate = (ms) => round(pages / (ms / 1000), 0);
  return [
    {
      id: 'pdf.poppler',
      label: `pdftotext on ${pages} pages`,
      value: rate(poppler),
      unit: 'pages/s',
    },
    {
      id: 'pdf.extract',
      label: 'PDF text extraction (pdf.js, worker threads)',
      value: rate(extraction),
      unit: 'pages/s',
      reference: `pdftotext ${rate(poppler)} pages/s`,
      ratio: `${round(extraction / poppler, 2)}× its time`,
    },
    {
      id: 'pdf.import',
      label: 'PDF import (extraction + storage)',
      value: rate(full),
      unit: 'pages/s',
      reference: `pdftotext ${rate(poppler)} pages/s`,
      ratio: `${round(full / poppler, 2)}× its time`,
      target: '≥ 300 pages/s and ≤ 3× pdftotext',
      met: pages / (full / 1000) >= 300 && full / poppler <= 3,
    },
    {
      id: 'pdf.storage',
      label: 'of which storage (one transaction: file, text, page maps)',
      value: round(storage, 0),
      unit: 'ms',
    },
  ];
}
