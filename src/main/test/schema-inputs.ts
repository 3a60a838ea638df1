/**
 * Inputs for every RPC method derived from its zod schema (through its JSON Schema), so the bad-input
 * and fuzzing tests cover methods other engineers add without being edited: a valid sample, the
 * leaf fields to break, and a fast-check arbitrary that is mostly well-shaped but wrong in places.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { api, type Method } from '../../shared/api';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
}

export const methods = (): Method[] => Object.keys(api) as Method[];

export function inputSchema(method: Method): z.ZodType {
  return api[method].input as z.ZodType;
}

export function jsonSchemaOf(method: Method): JsonSchema {
  // io: 'input' describes what callers send (before transforms); bytes (instanceof) become {}
  return z.toJSONSchema(inputSchema(method), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Ids that exist in the test workspace, by prefix ("doc", "clm", ...). Others get a well-formed unknown id. */
export type KnownIds = Record<string, string>;

const ID_PATTERN = /^\^([a-z]+)_/;

/** A value the schema accepts, using known ids where the schema wants an id. */
export function validSample(schema: JsonSchema, ids: KnownIds, key = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives)
    return validSample(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!, ids, key);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name)) out[name] = validSample(child, ids, name);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        validSample(schema.items ?? {}, ids, key),
      );
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      // spans want start < end: 0 for a lower bound of 0, 5 for "end"-like fields
      const low =
        schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 0);
      return Math.max(low, key === 'end' ? 5 : 0);
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      // {}: anything is accepted at the JSON level; in this contract that is file bytes
      return new TextEncoder().encode('A short valid text file.\n');
  }

  function sampleString(s: JsonSchema): string {
    const id = s.pattern ? ID_PATTERN.exec(s.pattern) : null;
    if (id) return ids[id[1]!] ?? `${id[1]}_00000000deadbeef`;
    if (s.format === 'uri') return 'https://example.org/source';
    if (s.pattern) {
      const [sample] = fc.sample(fc.stringMatching(new RegExp(s.pattern)), {
        numRuns: 1,
        seed: 42,
      });
      return sample!.slice(0, s.maxLength ?? Infinity);
    }
    return key === 'fileName' ? 'note.txt' : 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

export interface Field {
  path: string[];
  schema: JsonSchema;
  required: boolean;
}

/** Every property of the input, nested objects included (depth-first), with its schema. */
export function fieldsOf(schema: JsonSchema, path: string[] = []): Field[] {
  const out: Field[] = [];
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const field = {
      path: [...path, name],
      schema: child,
      required: !!schema.required?.includes(name),
    };
    out.push(field);
    if (child.type === 'object') out.push(...fieldsOf(child, field.path));
  }
  return out;
}

/** A deep copy of `input` with the value at `path` replaced (parents created as needed) or deleted. */
export function withValue(
  input: unknown,
  path: string[],
  value: unknown,
  remove = false,
): Record<string, unknown> {
  const copy = structuredCopy(input) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

function structuredCopy(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCopy(v)]));
  }
  return value;
}

export const acceptsNull = (schema: JsonSchema): boolean =>
  schema.type === 'null' || (schema.anyOf ?? schema.oneOf ?? []).some((s) => s.type === 'null');

/** Values of the wrong JSON type for a field (null only where null is not allowed). */
export function wrongTypedValues(schema: JsonSchema): unknown[] {
  const type = schema.type ?? (schema.anyOf ?? schema.oneOf)?.find((s) => s.type !== 'null')?.type;
  const all: [string, unknown][] = [
    ['string', 'text'],
    ['number', 42.5],
    ['integer', -7],
    ['boolean', true],
    ['array', ['a', 1]],
    ['object', { nested: { deeper: [] } }],
    ['null', null],
  ];
  const wrong = all
    .filter(([t]) => t !== type && !(type === 'number' && t === 'integer'))
    .map(([, v]) => v);
  return acceptsNull(schema) ? wrong.filter((v) => v !== null) : wrong;
}

/**
 * Mostly well-shaped inputs that are wrong in places: each node is either built from its schema or,
 * now and then, replaced by anything at all (wrong types, NaN, huge numbers, prototype-ish keys).
 */
export function arbitraryFor(schema: JsonSchema, ids: KnownIds): fc.Arbitrary<unknown> {
  const chaos = fc.oneof(
    fc.anything({
      maxDepth: 2,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
    }),
    fc.constantFrom(
      NaN,
      Infinity,
      -1,
      2 ** 53,
      '',
      '\u0000',
      "' OR 1=1 --",
      '../../etc/passwd',
      '__proto__',
      { __proto__: { polluted: true } },
    ),
  );
  const shaped = (s: JsonSchema, key: string): fc.Arbitrary<unknown> => {
    const proper = properFor(s, key);
    return fc.oneof({ weight: 5, arbitrary: proper }, { weight: 1, arbitrary: chaos });
  };
  const properFor = (s: JsonSchema, key: string): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum, 'not-in-enum');
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => properFor(a, key)));
    switch (Array.isArray(s.type) ? s.type[0] : s.type) {
      case 'object': {
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, child] of Object.entries(s.properties ?? {}))
          record[name] = shaped(child, name);
        const required = (s.required ?? []).filter((k) => k in record);
        return fc
          .tuple(
            fc.record(record, { requiredKeys: required }),
            fc.option(
              fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), {
                maxKeys: 2,
              }),
              { freq: 4 },
            ),
          )
          .map(([base, extra]) => (extra ? { ...extra, ...base } : base));
      }
      case 'array':
        return fc.array(shaped(s.items ?? {}, key), {
          maxLength: Math.min(s.maxItems ?? 5, 5) + 1,
        });
      case 'string': {
        const id = s.pattern ? ID_PATTERN.exec(s.pattern) : null;
        const options: fc.Arbitrary<string>[] = [
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
        ];
        if (id)
          options.push(
            fc.constant(ids[id[1]!] ?? `${id[1]}_00000000deadbeef`),
            fc
              .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 8, maxLength: 24 })
              .map((h) => `${id[1]}_${h}`),
          );
        else if (s.pattern) options.push(fc.stringMatching(new RegExp(s.pattern)));
        if (s.format === 'uri')
          options.push(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd'));
        return fc.oneof(...options);
      }
      case 'integer':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.maxSafeInteger());
      case 'number':
        return fc.double();
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        return fc.oneof(
          fc.uint8Array({ maxLength: 64 }),
          fc.constant(new TextEncoder().encode('%PDF-1.4\n%%EOF')),
          chaos,
        );
    }
  };
  return properFor(schema, '');
}
