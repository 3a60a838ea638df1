#!/usr/bin/env node
// `npm run bench`: measures Claimdesk against the physical limits and side-by-side references,
// writes bench/results.json and bench/results.md, and refreshes the table in README.md.
// Never part of `npm test`. Inputs are generated from the sample corpus into bench/work/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { requireCorpus } from './inputs.js';
import { benchPdfImport } from './pdf-import.js';
import { benchClaims } from './claims.js';
import { benchSearch } from './search.js';
import { benchReader } from './reader.js';
import { benchAnalysis } from './analysis.js';
import { benchOcr } from './ocr.js';
import { benchNotebook } from './notebook.js';
import { benchLibrary } from './library.js';

const root = resolve(import.meta.dirname, '..');
const work = join(root, 'bench', 'work');
const only = process.argv.slice(2);

requireCorpus();
mkdirSync(work, { recursive: true });

const suites = {
  pdf: benchPdfImport,
  claims: benchClaims,
  search: benchSearch,
  reader: benchReader,
  analysis: benchAnalysis,
  ocr: benchOcr,
  notebook: benchNotebook,
  library: benchLibrary,
};
// the row ids each suite owns: a run of some suites keeps the other suites' latest rows
const OWNS = {
  pdf: ['pdf.'],
  claims: ['claims.'],
  search: ['search.', 'serve.'],
  reader: ['reader.'],
  analysis: ['analysis.'],
  ocr: ['ocr.'],
  notebook: ['notebook.'],
  library: ['library.'],
};
const order = Object.keys(suites);
const suiteOf = (id) => order.findIndex((s) => [...OWNS[s], `${s}.`].some((p) => id.startsWith(p)));
const resultsFile = join(root, 'bench', 'results.json');
let rows = [];
try {
  rows = JSON.parse(readFileSync(resultsFile, 'utf8')).rows ?? [];
} catch {
  rows = [];
}
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  let fresh;
  try {
    fresh = await run({ work, root });
  } catch (error) {
    console.error(`${name} failed:`, error);
    fresh = [
      {
        id: `${name}.error`,
        label: `${name}: failed to run`,
        value: null,
        unit: '',
        target: String(error.message ?? error).slice(0, 200),
        met: false,
      },
    ];
  }
  rows = [...rows.filter((r) => suiteOf(r.id) !== order.indexOf(name)), ...fresh];
  rows.sort((a, b) => suiteOf(a.id) - suiteOf(b.id));
  // saved after every suite, so a later failure loses nothing measured
  writeFileSync(resultsFile, `${JSON.stringify({ machine: machineInfo(), rows }, null, 2)}\n`);
}

function machineInfo() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
}
const machine = machineInfo();
const table = renderTable(machine, rows);
writeFileSync(join(root, 'bench', 'results.md'), `${table}\n`);
updateReadme(table);
console.log(`\n${table}`);
rmSync(join(work, 'workspaces'), { recursive: true, force: true });

function renderTable(m, results) {
  const lines = [
    `Measured ${m.date.slice(0, 10)} on ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}.`,
    '',
    '| measurement | value | reference (same run) | ratio | target | met |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const value = r.value === null || r.value === undefined ? 'n/a' : `${r.value} ${r.unit}`;
    lines.push(
      `| ${r.label} | ${value} | ${r.reference ?? ''} | ${r.ratio ?? ''} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

function updateReadme(table) {
  const file = join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!readme.includes(start)) return;
  const next = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n${table}\n${end}`);
  writeFileSync(file, next);
}

export { execFileSync };
