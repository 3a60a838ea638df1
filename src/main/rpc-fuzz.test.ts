/**
 * Property-based fuzzing of the RPC layer, for every method of the contract (`Object.keys(api)`):
 * arbitrary values, arbitrary JSON, and inputs shaped like the schema but wrong in places. Whatever
 * arrives, `registry.call` resolves (never throws) to a well-formed Result; input the schema rejects
 * is `invalid_input` and changes nothing; input it accepts never fails as `internal`. Accepted calls
 * run inside a savepoint that is rolled back, so every run starts from the same workspace.
 *
 * Also here: the contract-level rules that make the bad-input guarantees hold for methods added
 * later (strict objects, bounded strings and arrays).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Method } from '../shared/api';
import type { Backend } from './backend';
import { workspaceChecksum } from './test/checksum';
import { expectWellFormed, inScratch, seededBackend } from './test/bad-input-helpers';
import {
  arbitraryFor,
  inputSchema,
  jsonSchemaOf,
  methods,
  type JsonSchema,
} from './test/schema-inputs';

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 50);

let backend: Backend;
let ids: Record<string, string>;
let dispose = () => {};
let initial = '';
beforeAll(async () => {
  ({ backend, ids, dispose } = await seededBackend());
  initial = workspaceChecksum(backend.db);
});
afterAll(() => dispose());

describe('RPC fuzzing', () => {
  it.each(methods())(
    '%s: any input gives a well-formed result and never an internal error',
    async (method) => {
      const input = fc.oneof(
        {
          weight: 2,
          arbitrary: fc.anything({
            maxDepth: 3,
            withNullPrototype: true,
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
            withBoxedValues: true,
          }),
        },
        { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        { weight: 6, arbitrary: arbitraryFor(jsonSchemaOf(method), ids) },
      );
      await fc.assert(
        fc.asyncProperty(input, async (value) => {
          const valid = inputSchema(method).safeParse(value ?? {}).success;
          const before = workspaceChecksum(backend.db);
          if (!valid) {
            const result = await backend.registry.call(method, value);
            expectWellFormed(result);
            expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
            expect(workspaceChecksum(backend.db)).toBe(before);
            return;
          }
          await inScratch(backend, async () => {
            const result = await backend.registry.call(method, value);
            expectWellFormed(result);
            if (!result.ok) {
              expect(result.error.code, result.error.message).not.toBe('internal');
              expect(workspaceChecksum(backend.db)).toBe(before);
            }
          });
          expect(workspaceChecksum(backend.db)).toBe(before);
        }),
        { numRuns: NUM_RUNS, interruptAfterTimeLimit: 20_000 },
      );
      expect(workspaceChecksum(backend.db)).toBe(initial);
      expect((await backend.registry.call('documents.list', {})).ok).toBe(true);
    },
  );
});

// ---- contract rules ---------------------------------------------------------------------------

/** Where a schema accepts strings of any length, arrays of any size, or unknown keys. */
function looseSpots(schema: JsonSchema, path: string): string[] {
  const out: string[] = [];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) alternatives.forEach((a) => out.push(...looseSpots(a, path)));
  if (schema.type === 'object') {
    if (schema.additionalProperties !== false)
      out.push(`${path}: accepts unknown keys (use z.strictObject)`);
    for (const [name, child] of Object.entries(schema.properties ?? {}))
      out.push(...looseSpots(child, `${path}.${name}`));
  }
  if (schema.type === 'array') {
    if (schema.maxItems === undefined) out.push(`${path}: array without .max()`);
    if (schema.items) out.push(...looseSpots(schema.items, `${path}[]`));
  }
  if (
    schema.type === 'string' &&
    schema.maxLength === undefined &&
    !schema.enum &&
    !boundedPattern(schema.pattern)
  ) {
    out.push(`${path}: string without .max()`);
  }
  return out;
}

/** An anchored pattern without open-ended repetition matches strings of bounded length. */
function boundedPattern(pattern: string | undefined): boolean {
  return (
    !!pattern &&
    pattern.startsWith('^') &&
    pattern.endsWith('$') &&
    !/[*+]|\{\d+,\}/.test(pattern.replace(/\\./g, ''))
  );
}

/**
 * Loose spots the contract has today, each reported to its owner. Remove an entry once fixed;
 * never add one without a reason the reviewer can check.
 */
const KNOWN_LOOSE: Record<string, string> = {};

describe('the contract keeps bad input out by construction', () => {
  it('every input is a strict object, and every string and array is bounded', () => {
    const problems: string[] = [];
    for (const method of methods()) {
      const schema = jsonSchemaOf(method);
      const objects = schema.anyOf ?? schema.oneOf ?? [schema];
      if (!objects.every((s) => s.type === 'object'))
        problems.push(`${method}: input is not an object`);
      for (const spot of looseSpots(schema, method)) {
        if (!KNOWN_LOOSE[spot.slice(0, spot.indexOf(':'))]) problems.push(spot);
      }
    }
    expect(
      problems,
      'Bound every string and array of the API contract with .max() and use z.strictObject ' +
        '(docs/security.md, "Bad input"): the schema is the only check IPC input gets.',
    ).toEqual([]);
  });

  it('the known loose spots are still loose (else remove them from the list)', () => {
    for (const spot of Object.keys(KNOWN_LOOSE)) {
      const method = methods().find((m) => spot.startsWith(`${m}.`)) as Method | undefined;
      if (!method) continue;
      expect(
        looseSpots(jsonSchemaOf(method), method).map((s) => s.slice(0, s.indexOf(':'))),
      ).toContain(spot);
    }
  });
});
