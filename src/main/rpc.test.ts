import { describe, expect, it } from 'vitest';
import { api } from '../shared/api';
import { SAMPLE_TEXT, enc, tempBackend } from './test/workspace';
import { createRegistry } from './rpc';

describe('rpc registry', () => {
  it('answers unknown methods and invalid input with errors, never throwing', async () => {
    const { registry } = tempBackend();
    expect(await registry.call('nope', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await registry.call('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await registry.call('toString', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await registry.call('documents.get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await registry.call('documents.get', { id: "doc_1' OR 1=1 --" })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await registry.call('documents.list', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await registry.call('claims.create', { documentId: 'doc_00000000', spans: [] }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(
      await registry.call('documents.get', { id: 'doc_0123456789abcdef01234567' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await registry.call('documents.list', null)).toEqual({ ok: true, value: [] });
  });

  it('has a handler for every method of the contract, and refuses duplicates', () => {
    const { registry } = tempBackend();
    expect([...registry.methods]).toEqual(Object.keys(api).sort());
    const ctx = {} as never;
    expect(() =>
      createRegistry(ctx, [
        { 'app.info': () => ({}) as never },
        { 'app.info': () => ({}) as never },
      ]),
    ).toThrow(/twice/);
    expect(() => createRegistry(ctx, [{ 'bogus.method': () => null } as never])).toThrow(
      /not in the API contract/,
    );
  });

  it('runs the first user path: import, claim, export', async () => {
    const { registry } = tempBackend();
    const imported = await registry.call('documents.import', {
      fileName: 'notes/khujand.txt',
      bytes: enc(SAMPLE_TEXT),
    });
    expect(imported).toMatchObject({
      ok: true,
      value: { status: 'imported', document: { fileName: 'khujand.txt' } },
    });
    const again = await registry.call('documents.import', {
      fileName: 'copy.txt',
      bytes: enc(SAMPLE_TEXT),
    });
    expect(again).toMatchObject({ ok: true, value: { status: 'duplicate' } });
    if (!imported.ok) throw new Error('import failed');
    const doc = (imported.value as { document: { id: string } }).document;
    const claim = await registry.call('claims.create', {
      documentId: doc.id,
      spans: [{ start: 23, end: 60 }],
    });
    expect(claim.ok).toBe(true);
    const exported = await registry.call('export.claims', { format: 'json' });
    if (!exported.ok) throw new Error(exported.error.message);
    const data = JSON.parse((exported.value as { text: string }).text);
    expect(data.documents).toHaveLength(1);
    expect(data.claims).toHaveLength(1);
    expect(data.entities).toEqual([]);
  });
});
