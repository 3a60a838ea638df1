import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Validators for the JSON Schemas in resources/schemas, for tests; `def` checks one of its $defs. */
function load(name: string, def?: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(join(process.cwd(), 'resources/schemas', name), 'utf8'),
  ) as { $id: string };
  if (!def) return ajv.compile(schema);
  ajv.addSchema(schema);
  return ajv.compile({ $ref: `${schema.$id}#/$defs/${def}` });
}

const validators = {
  claims: load('claims.schema.json'),
  w3c: load('web-annotation-subset.schema.json'),
  /** one annotation taken out of the collection: it must stand on its own */
  w3cAnnotation: load('web-annotation-subset.schema.json', 'annotation'),
};

export function isValid(kind: keyof typeof validators, data: unknown): boolean {
  return validators[kind](data);
}

/** Asserts that `data` is valid, showing ajv's errors when it is not. */
export function expectValid(kind: keyof typeof validators, data: unknown): void {
  const validate = validators[kind];
  const ok = validate(data);
  expect(ok ? [] : validate.errors?.slice(0, 10)).toEqual([]);
}
