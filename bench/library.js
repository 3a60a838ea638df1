// A library at real scale (issue 16, Performance): a generated library of 300 PDFs, opened until
// the first RPC answers (against a 10-document one), one backup's time and size, and the disk the
// workspace uses after 17 automatic backups (they share the file store: each is the database only).
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpusDir } from './inputs.js';
import { median, round, timeRuns } from './lib.js';

const LIBRARY_PDFS = Number(process.env.BENCH_LIBRARY_PDFS ?? 300);

/**
 * `count` distinct PDFs from the corpus's: each is a corpus PDF with a numbered comment after its
 * end (readers ignore it), so every file has its own SHA-256 and is stored once, as a real library's.
 */
function libraryPdfs(count) {
  const sources = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => readFileSync(join(corpusDir, f)));
  return Array.from({ length: count }, (_, i) => ({
    fileName: `library-${String(i).padStart(4, '0')}.pdf`,
    bytes: new Uint8Array(
      Buffer.concat([sources[i % sources.length], Buffer.from(`\n%bench copy ${i}\n`)]),
    ),
  }));
}

/** Bytes under a folder (files only), as the disk holds them. */
function du(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

export async function benchLibrary({ work, root }) {
  const { openBackend, extractionPool, backupNow, maybeAutoBackup } = await import(
    join(root, 'out/main/backend.js')
  );
  const build = async (name, count) => {
    const dir = join(work, 'workspaces', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const backend = openBackend(dir, 'cli');
    for (const file of libraryPdfs(count)) {
      const result = await backend.registry.call('documents.import', file);
      if (!result.ok) throw new Error(`${file.fileName}: ${result.error.message}`);
    }
    backend.close();
    return dir;
  };
  const start = performance.now();
  const big = await build('library-big', LIBRARY_PDFS);
  const small = await build('library-small', 10);
  await extractionPool.close();
  console.log(`${LIBRARY_PDFS} PDFs imported in ${round((performance.now() - start) / 1000)} s`);

  // open until the first RPC (the document list the library shows first) has answered
  const openTime = (dir) =>
    timeRuns(
      async () => {
        const backend = openBackend(dir, 'cli');
        const result = await backend.registry.call('documents.list', {});
        backend.close();
        if (!result.ok) throw new Error(result.error.message);
      },
      { runs: 5, warmup: 1 },
    ).then(median);
  const openBig = await openTime(big);
  const openSmall = await openTime(small);

  const libraryBytes = du(big);
  const backend = openBackend(big, 'cli');
  const backups = [];
  const one = median(
    await timeRuns(async () => backups.push(await backupNow(backend.db, big)), { runs: 3 }),
  );
  const backupBytes = statSync(join(big, 'backups', backups[0].fileName)).size;
  for (const b of backups) rmSync(join(big, 'backups', b.fileName));
  // 17 automatic backups an hour apart, each after a change (a new collection), rotated as usual
  const at = Date.now();
  for (let i = 0; i < 17; i++) {
    await backend.registry.call('collections.create', { name: `Bench ${i}` });
    const made = await maybeAutoBackup(backend.db, big, {
      now: new Date(at + i * 3_600_000),
      minIntervalMs: 0,
      onError: (e) => {
        throw e;
      },
    });
    if (!made) throw new Error(`automatic backup ${i + 1} was not made`);
  }
  backend.close();
  const afterBytes = du(big);
  const mb = (b) => round(b / 2 ** 20, 1);
  const sizeShare = backupBytes / libraryBytes;
  const diskRatio = afterBytes / libraryBytes;
  return [
    {
      id: 'library.open',
      label: `open a ${LIBRARY_PDFS}-PDF library until the first RPC answers`,
      value: round(openBig, 0),
      unit: 'ms',
      reference: `10 PDFs: ${round(openSmall, 0)} ms`,
      ratio: `${round(openBig / openSmall, 2)}× its time`,
      target: '< 300 ms and ≤ 1.5× the 10-document time',
      met: openBig < 300 && openBig / openSmall <= 1.5,
    },
    {
      id: 'library.backup',
      label: `one backup of the ${LIBRARY_PDFS}-PDF library (${mb(libraryBytes)} MB)`,
      value: round(one, 0),
      unit: 'ms',
      reference: `${mb(backupBytes)} MB`,
      ratio: `${round(sizeShare * 100, 1)}% of the library`,
      target: '< 1 s and < 5% of the library',
      met: one < 1000 && sizeShare < 0.05,
    },
    {
      id: 'library.backup-disk',
      label: 'disk used after 17 automatic backups (rotated)',
      value: mb(afterBytes),
      unit: 'MB',
      reference: `library alone ${mb(libraryBytes)} MB`,
      ratio: `${round(diskRatio, 2)}× the library`,
      target: '≤ 1.2× the library',
      met: diskRatio <= 1.2,
    },
  ];
}
