import { describe, expect, it } from 'vitest';
import type { ClaimsImportOutcome } from '../../../../shared/api-search';
import { describeClaimsImport, formatBytes } from './format';

describe('formatBytes', () => {
  it('uses decimal units with one decimal below ten', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(840_000)).toBe('840 KB');
    expect(formatBytes(12_300_000)).toBe('12 MB');
    expect(formatBytes(-1)).toBe('');
  });
});

describe('describeClaimsImport', () => {
  const outcome = (over: Partial<ClaimsImportOutcome>): ClaimsImportOutcome => ({
    claims: { created: 2, updated: 1, unchanged: 3 },
    entities: { created: 0, updated: 0, unchanged: 0 },
    mentions: { created: 0, updated: 0, unchanged: 0 },
    relations: { created: 0, unchanged: 0 },
    skipped: [],
    conflicts: [],
    warnings: [],
    ...over,
  });

  it('leads with the claim counts and leaves out empty kinds', () => {
    expect(describeClaimsImport(outcome({}))).toEqual([
      'Claims: 2 new, 1 updated, 3 already up to date.',
    ]);
  });

  it('says which documents are missing and what to do', () => {
    const skipped = [1, 2].map((i) => ({
      claimId: `clm_0000000${i}`,
      documentId: 'doc_00000001',
      sha256: 'a'.repeat(64),
      title: 'Khujand report',
      reason: 'document_missing' as const,
    }));
    const lines = describeClaimsImport(outcome({ skipped }));
    expect(lines[1]).toContain('Skipped 2 claims');
    expect(lines[1]).toContain('“Khujand report”');
    expect(lines[1]).toContain('Import those documents first');
  });

  it('reports records kept because the file had other content', () => {
    const lines = describeClaimsImport(
      outcome({ conflicts: [{ kind: 'claim', id: 'clm_00000001', resolution: 'kept_local' }] }),
    );
    expect(lines).toContain(
      "Kept this workspace's version of 1 record that the file has with different content (clm_00000001). Nothing of yours was overwritten.",
    );
  });
});
