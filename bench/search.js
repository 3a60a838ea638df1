// Full-text search over 5,000 documents (single words, phrases, prefixes), cold start of the serve
// shell until the first RPC answers, and the backend's peak memory with that workspace open.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { textDocuments } from './inputs.js';
import { median, percentile, processMemory, round, rpcClient } from './lib.js';

const DOCUMENTS = 5_000;
const QUERIES = {
  word: ['Khujand', 'terrorism', 'Rahmon', 'radicalization', 'ISIS', 'Dushanbe'],
  phrase: ['"prison riot"', '"violent extremism"', '"human rights"', '"Islamic State"'],
  prefix: ['Khuj*', 'extrem*', 'radical*', 'Tajik*'],
};

export async function benchSearch({ work, root }) {
  const { openBackend, extractionPool } = await import(join(root, 'out/main/backend.js'));
  const dir = join(work, 'search-5000');
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    const texts = textDocuments(work, DOCUMENTS);
    const backend = openBackend(dir, 'cli');
    const t0 = performance.now();
    for (const file of readdirSync(texts).sort()) {
      const result = await backend.registry.call('documents.import', {
        fileName: file,
        bytes: new Uint8Array(readFileSync(join(texts, file))),
      });
      if (!result.ok) throw new Error(result.error.message);
    }
    console.log(`imported ${DOCUMENTS} documents in ${round((performance.now() - t0) / 1000)} s`);
    const t1 = performance.now();
    await backend.registry.call('search.query', { query: 'warmup' });
    console.log(`indexed them in ${round((performance.now() - t1) / 1000)} s`);
    backend.close();
    await extractionPool.close();
    mkdirSync(marker);
  }

  // cold start: a fresh process until the first RPC answers
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(root, 'bin/claimdesk.js'), 'serve', '--port', '0', '--data-dir', dir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([0-9a-f]+)/.exec(out);
      if (m) resolve({ origin: m[1], token: m[2] });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const call = rpcClient(url.origin, url.token);
  await call('app.info', {});
  const coldStart = performance.now() - started;

  const rows = [];
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times = [];
    for (let round_ = 0; round_ < 10; round_++) {
      for (const query of queries) {
        const t = performance.now();
        await call('search.query', { query, limit: 20 });
        if (round_ > 0) times.push(performance.now() - t);
      }
    }
    const p95 = percentile(times, 95);
    rows.push({
      id: `search.${kind}`,
      label: `search over ${DOCUMENTS.toLocaleString('en')} documents, ${kind} queries (p50 / p95, over HTTP)`,
      value: `${round(median(times), 1)} / ${round(p95, 1)}`,
      unit: 'ms',
      target: 'p95 < 30 ms',
      met: p95 < 30,
    });
  }
  await call('documents.list', {});
  await call('claims.query', { filter: {}, limit: 100 });
  const memory = processMemory(child.pid);
  child.kill('SIGTERM');
  rows.push(
    {
      id: 'serve.coldStart',
      label: `serve shell cold start until the first RPC answers (${DOCUMENTS.toLocaleString('en')}-document workspace)`,
      value: round(coldStart, 0),
      unit: 'ms',
    },
    {
      id: 'serve.memory',
      label:
        'backend peak memory (RSS) with that workspace open, after list, search and table queries',
      value: round(memory.peakMB, 0),
      unit: 'MB',
      target: '< 300 MB',
      met: memory.peakMB < 300,
    },
  );
  return rows;
}
