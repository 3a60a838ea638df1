// A library at real scale (issue 16, Performance): 300 generated report PDFs (12 pages of text and
// one 3 MB image each, as the issue measured) imported with the CLI against pdftotext over the same
// files; opened until the first RPC answers against a 10-document library, as is a 3,000-document
// one; one backup's time and the disk it adds; the disk used after 17 automatic backups; and the
// backend's memory with the library open and queried.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, round, timeRuns } from './lib.js';
import { writePdf } from './pdf-writer.js';

const LIBRARY_PDFS = Number(process.env.BENCH_LIBRARY_PDFS ?? 300);
const TEXT_DOCUMENTS = Number(process.env.BENCH_LIBRARY_TEXTS ?? 3000);
const PAGES = 12;
/** one grey image of 1774 × 1774 pixels, stored uncompressed: 3 MB, like a scanned figure */
const IMAGE_SIDE = 1774;

const VOCABULARY = (
  'the council report witness prison riot district officials said according militants ' +
  'border police security regional court evidence interview source claimed group network ' +
  'recruitment attack statement ministry analysis village detained released charges trial'
).split(' ');

/** Seeded words (xorshift32), so every document has its own text and the run is repeatable. */
function words(seed, count) {
  let x = seed | 1;
  const out = [];
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push(VOCABULARY[(x >>> 0) % VOCABULARY.length]);
  }
  return out;
}

/** A report: a title page with the image, then pages of 45 lines of text. */
function reportPdf(i) {
  const pages = Array.from({ length: PAGES }, (_, p) => {
    const all = words(i * 1000 + p + 1, 45 * 12);
    const lines = Array.from({ length: 45 }, (_, l) => all.slice(l * 12, l * 12 + 12).join(' '));
    return p === 0
      ? {
          lines: [`Report ${i}: findings on the district`, ...lines.slice(0, 10)],
          image: {
            width: IMAGE_SIDE,
            height: IMAGE_SIDE,
            dpi: 150,
            pixels: randomBytes(IMAGE_SIDE * IMAGE_SIDE),
            compress: false,
          },
        }
      : { lines };
  });
  return writePdf(pages);
}

/** The generated files, written once into `dir` (kept between runs). */
function libraryFiles(dir, count, make, extension) {
  mkdirSync(dir, { recursive: true });
  const names = Array.from(
    { length: count },
    (_, i) => `doc-${String(i).padStart(4, '0')}.${extension}`,
  );
  for (const [i, name] of names.entries()) {
    const file = join(dir, name);
    if (!existsSync(file)) writeFileSync(file, make(i));
  }
  return names.map((name) => join(dir, name));
}

const cli = (root, args) => {
  const result = spawnSync(process.execPath, [join(root, 'bin/claimdesk.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0)
    throw new Error(`claimdesk ${args[0]} failed: ${result.stderr.slice(0, 2000)}`);
  return result.stdout;
};

/** Bytes under a folder (files only), as the disk holds them. */
function du(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

export async function benchLibrary({ work, root }) {
  const { openBackend, backupNow, maybeAutoBackup } = await import(
    join(root, 'out/main/backend.js')
  );
  const pdfs = libraryFiles(join(work, 'library-pdfs'), LIBRARY_PDFS, reportPdf, 'pdf');
  const texts = libraryFiles(
    join(work, 'library-texts'),
    TEXT_DOCUMENTS,
    (i) => `Note ${i}\n\n${words(i + 7, 400).join(' ')}.\n`,
    'txt',
  );
  const workspace = (name) => {
    const dir = join(work, 'workspaces', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  // import with the CLI, one file after another, against pdftotext over the same files
  const big = workspace('library-big');
  const importStart = performance.now();
  cli(root, ['import', join(work, 'library-pdfs'), '--data-dir', big]);
  const importMs = performance.now() - importStart;
  const pdftotextStart = performance.now();
  for (const file of pdfs) execFileSync('pdftotext', ['-q', file, '-'], { maxBuffer: 1 << 26 });
  const pdftotextMs = performance.now() - pdftotextStart;
  console.log(`${LIBRARY_PDFS} PDFs imported in ${round(importMs / 1000)} s`);
  const small = workspace('library-small');
  cli(root, ['import', ...pdfs.slice(0, 10), '--data-dir', small]);
  const many = workspace('library-texts');
  cli(root, ['import', join(work, 'library-texts'), '--data-dir', many]);
  console.log(`${texts.length} text documents imported`);

  // open until the first RPC (app.info, the shell's first question) has answered; then, apart,
  // the whole document list the library shows, which grows with the library by nature
  const openTime = (dir, method) =>
    timeRuns(
      async () => {
        const backend = openBackend(dir, 'cli');
        const result = await backend.registry.call(method, {});
        backend.close();
        if (!result.ok) throw new Error(result.error.message);
      },
      { runs: 5, warmup: 1 },
    ).then(median);
  const openBig = await openTime(big, 'app.info');
  const openSmall = await openTime(small, 'app.info');
  const openMany = await openTime(many, 'app.info');
  const listMany = await openTime(many, 'documents.list');

  // the backend's memory, in a process of its own, with the big library open and queried
  const rss = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { openBackend } = await import(${JSON.stringify(join(root, 'out/main/backend.js'))});
         const backend = openBackend(${JSON.stringify(big)}, 'cli');
         const list = await backend.registry.call('documents.list', {});
         for (const d of list.value.slice(0, 20)) await backend.registry.call('documents.content', { id: d.id });
         await backend.registry.call('search.query', { query: 'council witness' });
         await backend.registry.call('search.query', { query: 'prison' });
         const { rss } = process.memoryUsage();
         backend.close();
         console.log(JSON.stringify(rss / 2 ** 20));
         process.exit(0);`,
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .at(-1),
  );

  const libraryBytes = du(big);
  const backend = openBackend(big, 'cli');
  const backupsDir = join(big, 'backups');
  const backups = [];
  let firstBackupBytes = 0;
  const one = median(
    await timeRuns(
      async () => {
        backups.push(await backupNow(backend.db, big));
        if (backups.length === 1) firstBackupBytes = du(backupsDir);
      },
      { runs: 3 },
    ),
  );
  rmSync(backupsDir, { recursive: true, force: true });
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
  const sizeShare = firstBackupBytes / libraryBytes;
  const diskRatio = afterBytes / libraryBytes;
  const importRatio = importMs / pdftotextMs;
  return [
    {
      id: 'library.import',
      label: `import ${LIBRARY_PDFS} report PDFs (${PAGES} pages and a 3 MB image each) with the CLI`,
      value: round(importMs / 1000, 1),
      unit: 's',
      reference: `pdftotext: ${round(pdftotextMs / 1000, 1)} s`,
      ratio: `${round(importRatio, 2)}× its time`,
      target: '≤ 3× pdftotext',
      met: importRatio <= 3,
    },
    {
      id: 'library.open',
      label: `open the ${LIBRARY_PDFS}-PDF library until the first RPC answers`,
      value: round(openBig, 0),
      unit: 'ms',
      reference: `10 PDFs: ${round(openSmall, 0)} ms`,
      ratio: `${round(openBig / openSmall, 2)}× its time`,
      target: '< 300 ms and ≤ 1.5× the 10-document time',
      met: openBig < 300 && openBig / openSmall <= 1.5,
    },
    {
      id: 'library.open-3000',
      label: `open a ${TEXT_DOCUMENTS}-document library until the first RPC answers`,
      value: round(openMany, 0),
      unit: 'ms',
      reference: `10 PDFs: ${round(openSmall, 0)} ms`,
      ratio: `${round(openMany / openSmall, 2)}× its time`,
      target: '< 300 ms and ≤ 1.5× the 10-document time',
      met: openMany < 300 && openMany / openSmall <= 1.5,
    },
    {
      id: 'library.list-3000',
      label: `open the ${TEXT_DOCUMENTS}-document library and list all its documents`,
      value: round(listMany, 0),
      unit: 'ms',
      target: 'reported',
    },
    {
      id: 'library.backup',
      label: `one backup of the ${LIBRARY_PDFS}-PDF library (${mb(libraryBytes)} MB)`,
      value: round(one, 0),
      unit: 'ms',
      reference: `the first adds ${mb(firstBackupBytes)} MB`,
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
    {
      id: 'library.rss',
      label: `backend memory with the ${LIBRARY_PDFS}-PDF library open and queried (RSS)`,
      value: round(rss, 0),
      unit: 'MB',
      target: '< 300 MB',
      met: rss < 300,
    },
  ];
}
