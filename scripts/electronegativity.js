#!/usr/bin/env node
// Runs @doyensec/electronegativity over the sources (main, preload, renderer) offline and fails on
// any HIGH or MEDIUM finding that docs/electronegativity-allowlist.json does not explain, on any
// source file it could not parse (a file it cannot read is a file it did not check), and on any
// allowlist entry that no longer matches a finding (so the list cannot rot). `npm run test:security`.
//
// The tool is called through its runner, not its CLI: the CLI's CSV writer truncates the file with
// the header in one async write while appending the rows in another, so about one run in ten read
// back a report with the findings cut off (seen here and in CI).
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SEVERE = new Set(['HIGH', 'MEDIUM']);

/** The runner's issues into findings: {check, severity, confidence, file, location, sample}. */
export function findingsFromIssues(issues) {
  return issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: String(issue.sample ?? '').trim(),
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

/** Runs the scan in this process, with the tool's network client replaced (see the .cjs file). */
async function scan(input) {
  require('./electronegativity-offline.cjs');
  const run = require('@doyensec/electronegativity/dist/runner.js');
  // The tool chats on stdout while it looks for translations and Electron releases it cannot reach.
  const log = console.log;
  console.log = () => {};
  try {
    return await run(
      {
        input,
        isRelative: true,
        electronVersionOverride: electronVersion(),
        customScan: [],
        excludeFromScan: [],
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
  }
}

async function main() {
  const started = Date.now();
  const { issues, errors } = await scan(join(root, 'src'));
  const findings = findingsFromIssues(issues);
  const unreadable = errors.filter((e) => !e.tolerable);
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
  if (unreadable.length > 0) {
    console.error(`\n${unreadable.length} file(s) could not be parsed, so they were not checked:`);
    unreadable.forEach((e) => console.error(`  ${e.file}: ${e.message}`));
  }
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
  const failures = unreadable.length + unexplained.length + stale.length + unjustified.length;
  return failures > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`electronegativity failed to run: ${error?.stack ?? error}`);
      process.exitCode = 2;
    },
  );
