import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS script, no type declarations
import { findingsFromIssues, judge } from './electronegativity.js';

// The shape of the issues @doyensec/electronegativity's runner returns.
const issue = (id: string, severity: string, file: string, line: number, sample: string) => ({
  id,
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  file,
  location: { line, column: 4 },
  sample,
});

const ISSUES = [
  issue(
    'OPEN_EXTERNAL_JS_CHECK',
    'MEDIUM',
    'main/electron/hardening.ts',
    81,
    'await deps.shell.openExternal(url);',
  ),
  issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main/x.ts', 2, '  new BrowserWindow({ a: 1 })  '),
  issue('CSP_GLOBAL_CHECK', 'LOW', 'renderer/index.html', 7, "default-src 'none'"),
];

const allow = (check: string, file: string, sample: string) => ({
  check,
  file,
  sample,
  justification: 'A justification long enough to say why this is acceptable here.',
});

describe('scripts/electronegativity.js', () => {
  it("turns the runner's issues into findings with a trimmed sample and a line:column location", () => {
    const findings = findingsFromIssues(ISSUES);
    expect(findings).toHaveLength(3);
    expect(findings[1]).toEqual({
      check: 'CONTEXT_ISOLATION_JS_CHECK',
      severity: 'HIGH',
      confidence: 'FIRM',
      file: 'main/x.ts',
      location: '2:4',
      sample: 'new BrowserWindow({ a: 1 })',
    });
  });

  it('fails HIGH/MEDIUM findings without an allowlist entry, ignores LOW ones, and reports stale or unjustified entries', () => {
    const verdict = judge(findingsFromIssues(ISSUES), [
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
