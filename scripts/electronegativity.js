#!/usr/bin/env node
// Runs @doyensec/electronegativity over the sources (main, preload, renderer) offline and fails on
// any HIGH or MEDIUM finding that docs/electronegativity-allowlist.json does not explain, and on any
// allowlist entry that no longer matches a finding (so the list cannot rot). `npm run test:security`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SEVERE = new Set(['HIGH', 'MEDIUM']);

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Electronegativity's CSV into findings: {check, severity, confidence, file, location, sample}. */
export function findingsFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  const names = (header ?? []).map((h) => h.trim());
  const at = (row, name) => (row[names.indexOf(name)] ?? '').trim();
  return rows.map((row) => ({
    check: at(row, 'issue'),
    severity: at(row, 'severity'),
    confidence: at(row, 'confidence'),
    file: at(row, 'filename'),
    location: at(row, 'location'),
    sample: at(row, 'sample'),
  }));
}

const matches = (entry, finding) =>
  entry.check === finding.check &&
  entry.file === finding.file &&
  finding.sample.includes(entry.sample);

/** Splits severe findings into explained and unexplained, and finds allowlist entries that match nothing. */
export function judge(findings, allowlist) {
  const severe = findings.filter((f) => SEVERE.has(f.severity));
  const unexplained = severe.filter((f) => !allowlist.some((e) => matches(e, f)));
  const explained = severe.filter((f) => allowlist.some((e) => matches(e, f)));
  const stale = allowlist.filter((e) => !severe.some((f) => matches(e, f)));
  const unjustified = allowlist.filter(
    (e) => typeof e.justification !== 'string' || e.justification.trim().length < 40,
  );
  return { severe, explained, unexplained, stale, unjustified };
}

function electronVersion() {
  try {
    return require('electron/package.json').version;
  } catch {
    return '45.0.0';
  }
}

function main() {
  const bin = require.resolve('@doyensec/electronegativity/dist/index.js');
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csv = join(work, 'findings.csv');
  try {
    const started = Date.now();
    const run = spawnSync(
      process.execPath,
      [
        '-r',
        join(root, 'scripts/electronegativity-offline.cjs'),
        bin,
        '-i',
        join(root, 'src'),
        '-o',
        csv,
        '-r',
        '-v',
        'false',
        '-e',
        electronVersion(),
      ],
      { cwd: root, encoding: 'utf8', timeout: 180_000 },
    );
    if (run.error || run.status !== 0) {
      console.error(
        `electronegativity failed to run (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout}${run.stderr}`,
      );
      return 2;
    }
    const findings = findingsFromCsv(readFileSync(csv, 'utf8'));
    const allowlist = JSON.parse(
      readFileSync(join(root, 'docs/electronegativity-allowlist.json'), 'utf8'),
    ).entries;
    const { severe, explained, unexplained, stale, unjustified } = judge(findings, allowlist);
    const show = (f) =>
      `  ${f.severity.padEnd(6)} ${f.check} ${f.file}:${f.location}  ${f.sample.slice(0, 90)}`;
    console.log(
      `electronegativity: ${findings.length} findings, ${severe.length} HIGH/MEDIUM, ${explained.length} explained in docs/electronegativity-allowlist.json (${((Date.now() - started) / 1000).toFixed(1)} s, offline)`,
    );
    explained.forEach((f) => console.log(show(f)));
    if (unexplained.length > 0) {
      console.error(
        `\n${unexplained.length} HIGH/MEDIUM finding(s) not explained in docs/electronegativity-allowlist.json; fix them, or add an entry with a justification and the test that proves it:`,
      );
      unexplained.forEach((f) => console.error(show(f)));
    }
    if (stale.length > 0) {
      console.error('\nAllowlist entries that match no finding any more (remove them):');
      stale.forEach((e) => console.error(`  ${e.check} ${e.file}  ${e.sample}`));
    }
    if (unjustified.length > 0) {
      console.error('\nAllowlist entries without a real justification:');
      unjustified.forEach((e) => console.error(`  ${e.check} ${e.file}`));
    }
    return unexplained.length + stale.length + unjustified.length > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main();
