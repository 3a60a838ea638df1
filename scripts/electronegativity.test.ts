import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS script, no type declarations
import { findingsFromCsv, judge, parseCsv } from './electronegativity.js';

const CSV = `issue, severity, confidence, filename, location, sample, description, url
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/electron/hardening.ts","81:8","await deps.shell.openExternal(url);","Review the use of openExternal",https://example.org/a
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/x.ts","2:7","new BrowserWindow({ a: 1, b: ""quoted"" })","Review, with a comma",https://example.org/b
CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","7:0","default-src 'none'","weak",https://example.org/c
`;

const allow = (check: string, file: string, sample: string) => ({
  check,
  file,
  sample,
  justification: 'A justification long enough to say why this is acceptable here.',
});

describe('scripts/electronegativity.js', () => {
  it('parses quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b,c","d ""e"""\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    const findings = findingsFromCsv(CSV);
    expect(findings).toHaveLength(3);
    expect(findings[1]).toMatchObject({
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      file: 'main/x.ts',
      sample: 'new BrowserWindow({ a: 1, b: "quoted" })',
    });
  });

  it('fails HIGH/MEDIUM findings without an allowlist entry, ignores LOW ones, and reports stale or unjustified entries', () => {
    const findings = findingsFromCsv(CSV);
    const verdict = judge(findings, [
      allow('OPEN_EXTERNAL_JS_CHECK', 'main/electron/hardening.ts', 'shell.openExternal(url)'),
      allow('SANDBOX_JS_CHECK', 'main/gone.ts', 'sandbox: false'),
      {
        check: 'CSP_GLOBAL_CHECK',
        file: 'renderer/index.html',
        sample: 'default-src',
        justification: 'ok',
      },
    ]);
    expect(verdict.severe.map((f: { check: string }) => f.check)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    expect(verdict.unexplained.map((f: { check: string }) => f.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    expect(verdict.stale.map((e: { check: string }) => e.check)).toEqual([
      'SANDBOX_JS_CHECK',
      'CSP_GLOBAL_CHECK',
    ]);
    expect(verdict.unjustified.map((e: { check: string }) => e.check)).toEqual([
      'CSP_GLOBAL_CHECK',
    ]);
  });
});
