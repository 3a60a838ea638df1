import { describe, expect, it } from 'vitest';
import { importSummary } from './importSummary';

const items = (...statuses: string[]) => statuses.map((status) => ({ status })) as never[];

describe('import summary', () => {
  it('counts what happened: files already in the workspace are not "added"', () => {
    expect(importSummary(items('duplicate', 'duplicate'), false)).toBe(
      'Import finished: 0 added, 2 already in the workspace',
    );
    expect(importSummary(items('imported', 'duplicate', 'failed', 'cancelled'), false)).toBe(
      'Import finished: 1 added, 1 already in the workspace, 1 failed, 1 file cancelled',
    );
    expect(importSummary(items('imported', 'importing', 'waiting'), true)).toBe('Importing 2 of 3');
  });
});
