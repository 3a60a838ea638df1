import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../documents';
import { SAMPLE_TEXT, enc, tempBackend } from '../test/workspace';

/** Characters that mean something to the search syntax or to FTS5, and control characters. */
const tricky = fc.constantFrom(
  '"',
  '*',
  '(',
  ')',
  ' ',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  '^',
  ':',
  '-',
  '+',
  '{',
  '}',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\n',
  '\t',
  'riot',
  'Khujand',
  'ж',
  '🙂',
);

describe('search syntax', () => {
  it('a query with control characters (U+0000 included) searches the words around them', async () => {
    const { registry, db } = tempBackend();
    await importDocument(db, { fileName: 'k.txt', bytes: enc(SAMPLE_TEXT) });
    for (const query of ['prison\u0000riot', '\u0000', 'riot\u001b[31m', '"prison\u0000riot"']) {
      const result = await registry.call('search.query', { query });
      expect(result.ok, `${JSON.stringify(query)}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it('no string makes a syntax error: every query searches or gets a message saying what to fix', async () => {
    const { registry, db } = tempBackend();
    await importDocument(db, { fileName: 'k.txt', bytes: enc(SAMPLE_TEXT) });
    const query = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (q, table) => {
        const result = table
          ? await registry.call('claims.query', { filter: { text: q }, limit: 1 })
          : await registry.call('search.query', { query: q });
        if (result.ok) return;
        expect(result.error.code, `${JSON.stringify(q)}: ${result.error.message}`).toBe(
          'invalid_input',
        );
        expect(result.error.message).not.toMatch(/could not be understood|fts5|syntax error/);
      }),
      { numRuns: 400 },
    );
  });
});
