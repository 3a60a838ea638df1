import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonInSlices } from './json-slices';

const noPause = () => Promise.resolve();

/** The outcome of a parse: the value, or that it threw a SyntaxError. */
async function outcome(parse: () => unknown): Promise<{ value: unknown } | 'syntax error'> {
  try {
    return { value: await parse() };
  } catch (error) {
    expect(error).toBeInstanceOf(SyntaxError);
    return 'syntax error';
  }
}

const sameAsJsonParse = async (text: string) => {
  const sliced = await outcome(() => parseJsonInSlices(text, noPause));
  const native = await outcome(() => JSON.parse(text));
  expect(sliced).toEqual(native);
  return sliced;
};

// a file shaped like a claims JSON: an object of arrays and other values, strings with quotes,
// backslashes and brackets in them
const fileLike = fc.dictionary(
  fc.string(),
  fc.oneof(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.jsonValue()),
);

describe('parseJsonInSlices', () => {
  it('gives what JSON.parse gives, for any object of arrays, in any layout', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileLike,
        fc.constantFrom(undefined, 0, 1, 2, '\t'),
        async (value, space) => {
          const text = JSON.stringify(value, null, space);
          expect(await sameAsJsonParse(text)).toEqual({ value: JSON.parse(text) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON.parse refuses (text cut, a character dropped or added anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fileLike,
        fc.nat(),
        fc.constantFrom('', ',', '"', '[', ']', '{', '}', ':', '\\', 'x', '1', ' '),
        async (value, where, insert) => {
          const text = JSON.stringify(value);
          const at = where % (text.length + 1);
          await sameAsJsonParse(text.slice(0, at));
          await sameAsJsonParse(text.slice(0, at) + insert + text.slice(at + 1));
          await sameAsJsonParse(text.slice(0, at) + insert + text.slice(at));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps "__proto__" an own key, like JSON.parse, and never sets a prototype', async () => {
    const text = '{"__proto__": {"polluted": true}, "claims": [{"__proto__": 1}]}';
    const parsed = (await parseJsonInSlices(text, noPause)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__', 'claims']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed).toEqual(JSON.parse(text));
  });

  it('pauses between the elements of each array', async () => {
    let pauses = 0;
    const text = JSON.stringify({ a: [1, 2, 3], b: 'x', c: [[4], { d: [5] }] });
    await parseJsonInSlices(text, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBe(5);
  });
});
