import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ApiError, Method, Result } from '../../shared/api';
import { openBackend, type Backend } from '../backend';
import { workspaceChecksum } from './checksum';
import { SAMPLE_TEXT, enc } from './workspace';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'import_failed',
  'too_large',
  'unavailable',
  'internal',
] as const;

/**
 * A workspace with something in it to damage (a document with edited metadata and a claim) that
 * lives for a whole test file; call `dispose` in afterAll.
 */
export async function seededBackend(): Promise<{
  backend: Backend;
  ids: Record<string, string>;
  dispose: () => void;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-seeded-'));
  const backend = openBackend(dir, 'cli');
  const dispose = () => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const call = async (method: Method, input: unknown) => {
    const result = await backend.registry.call(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  const imported = (await call('documents.import', {
    fileName: 'sample.txt',
    bytes: enc(SAMPLE_TEXT),
  })) as {
    document: { id: string };
  };
  const doc = imported.document.id;
  await call('documents.updateMeta', {
    id: doc,
    meta: { authors: ['A. Researcher'], publisher: 'Desk' },
  });
  const claim = (await call('claims.create', {
    documentId: doc,
    spans: [{ start: 0, end: 22 }],
    statement: 'A riot took place',
  })) as {
    id: string;
  };
  return { backend, ids: { doc, clm: claim.id }, dispose };
}

/** Well-formed: exactly {ok: true, value} or {ok: false, error: {code, message[, reason]}}. */
export function expectWellFormed(result: Result<unknown>): void {
  expect(typeof result).toBe('object');
  if (result.ok === true) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
    return;
  }
  expect(result.ok).toBe(false);
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  expect(ERROR_CODES).toContain(result.error.code);
  expectClearMessage(result.error.message);
}

/** A message for a person: a sentence, bounded, no stack trace, no serialisation accidents. */
export function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe('string');
  const text = message as string;
  expect(text.length, text).toBeGreaterThan(10);
  expect(text.length, text.slice(0, 200)).toBeLessThanOrEqual(2000);
  expect(text).not.toMatch(/\n\s+at .+:\d+/);
  expect(text).not.toMatch(/\[object Object\]/);
}

/** Calls and expects a refusal that changed nothing, after which the backend still serves. */
export async function expectRefused(
  backend: Backend,
  method: string,
  input: unknown,
  expected: { code?: ApiError['code']; reason?: string } = {},
): Promise<ApiError> {
  const before = workspaceChecksum(backend.db);
  const result = await backend.registry.call(method, input);
  expectWellFormed(result);
  if (result.ok) expect.fail(`${describe(method)} accepted ${describe(input)}`);
  const error = result.error;
  expect(error.code, error.message).not.toBe('internal');
  if (expected.code) expect(error.code, error.message).toBe(expected.code);
  if (expected.reason) expect(error.reason, error.message).toBe(expected.reason);
  expect(workspaceChecksum(backend.db), `${method} changed the workspace`).toBe(before);
  expect((await backend.registry.call('documents.list', {})).ok).toBe(true);
  return error;
}

/**
 * Runs `fn` inside a savepoint and rolls everything back, so a call that is valid (and may write)
 * leaves the workspace as it was for the next case. Handlers' own transactions nest as savepoints.
 */
export async function inScratch<T>(backend: Backend, fn: () => Promise<T>): Promise<T> {
  backend.db.exec('SAVEPOINT scratch');
  try {
    return await fn();
  } finally {
    backend.db.exec('ROLLBACK TO scratch; RELEASE scratch');
  }
}

export function describe(input: unknown): string {
  try {
    // never serialise a 10 MB argument just to label it
    const text = JSON.stringify(input, (_k, v: unknown) =>
      v instanceof Uint8Array
        ? `<${v.length} bytes>`
        : typeof v === 'string' && v.length > 200
          ? `<${v.length} chars>`
          : v,
    );
    return text === undefined ? String(input) : text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(input);
  }
}
