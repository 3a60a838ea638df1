import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** Validators for the JSON Schemas in resources/schemas, for tests. */
function load(name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(join(process.cwd(), 'resources/schemas', name), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

const validators = {
  claims: load('claims.schema.json'),
  w3c: load('web-annotation-subset.schema.json'),
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
