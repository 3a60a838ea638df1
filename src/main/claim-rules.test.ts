import { describe, expect, it } from 'vitest';
import type { Method } from '../shared/api';
import { partialDateProblem } from '../shared/partial-date';
import { tagsProblem } from '../shared/claim-rules';
import type { Backend } from './backend';
import { checkWorkspace } from './db/check';
import { SAMPLE_TEXT, enc, tempBackend } from './test/workspace';

/**
 * One set of claim rules: the same bad value sent through every write path (create, update, the
 * claims JSON import, the bundle import) is refused with the same message, and `claimdesk check`
 * names a claim that got in some other way. The renderer's field validation is the shared rule
 * too (src/renderer/src/features/claims/fields.test.ts).
 */

async function call<M extends Method>(backend: Backend, method: M, input: unknown) {
  return backend.registry.call(method, input);
}

async function workspaceWithClaim() {
  const backend = tempBackend();
  const imported = await call(backend, 'documents.import', {
    fileName: 'sample.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const documentId = (imported.value as { document: { id: string } }).document.id;
  const created = await call(backend, 'claims.create', {
    documentId,
    spans: [{ start: 30, end: 90 }],
    tags: ['prison'],
  });
  if (!created.ok) throw new Error(created.error.message);
  const claim = created.value as { id: string };
  return { backend, documentId, claimId: claim.id };
}

const BAD: { field: string; value: unknown; message: string }[] = [
  { field: 'eventDate', value: '2018-13-99', message: partialDateProblem('2018-13-99')! },
  { field: 'eventDate', value: '2018-06/2018', message: partialDateProblem('2018-06/2018')! },
  {
    field: 'type',
    value: 'rumour',
    message: `"rumour" is not one of this workspace's claim types`,
  },
  { field: 'tags', value: ['riot', 'riot'], message: tagsProblem(['riot', 'riot'])! },
  { field: 'tags', value: [' riot'], message: tagsProblem([' riot'])! },
  {
    field: 'claimantId',
    value: 'ent_0000000000ff',
    message: 'No entity with id ent_0000000000ff (claimant) in this workspace',
  },
];

/** The failure message of a call that must fail, and proof that nothing was written. */
async function refusal(backend: Backend, method: Method, input: unknown): Promise<string> {
  const before = checkWorkspace(backend.db).counts;
  const result = await call(backend, method, input);
  expect(result.ok, `${method} should refuse`).toBe(false);
  expect(checkWorkspace(backend.db).counts).toEqual(before);
  return result.ok ? '' : result.error.message;
}

describe('one set of claim rules on every write path', () => {
  it.each(BAD)(
    'refuses $field = $value the same way everywhere',
    async ({ field, value, message }) => {
      const { backend, documentId, claimId } = await workspaceWithClaim();

      expect(
        await refusal(backend, 'claims.create', {
          documentId,
          spans: [{ start: 100, end: 140 }],
          [field]: value,
        }),
      ).toContain(message);
      expect(
        await refusal(backend, 'claims.update', { id: claimId, patch: { [field]: value } }),
      ).toContain(message);

      // claims JSON: exported from a sound workspace, the value edited in, imported elsewhere
      const json = await call(backend, 'export.claims', { format: 'json' });
      if (!json.ok) throw new Error(json.error.message);
      const data = JSON.parse((json.value as { text: string }).text) as {
        claims: Record<string, unknown>[];
      };
      data.claims[0]![field] = value;
      const other = tempBackend();
      await call(other, 'documents.import', { fileName: 'same.txt', bytes: enc(SAMPLE_TEXT) });
      expect(await refusal(other, 'claims.importJson', { text: JSON.stringify(data) })).toContain(
        message,
      );

      // bundle: the claim's row (or its tag rows) edited; a missing entity is a foreign key break
      const bundle = await call(backend, 'bundle.export', {});
      if (!bundle.ok) throw new Error(bundle.error.message);
      const edited = editBundle((bundle.value as { text: string }).text, field, value);
      if (edited) {
        const empty = tempBackend();
        const problem = await refusal(empty, 'bundle.import', { text: edited });
        expect(problem).toContain(field === 'claimantId' ? 'refer to records' : message);
      }
    },
  );

  it('claimdesk check names a claim that breaks the rules however it got in', async () => {
    const { backend, claimId } = await workspaceWithClaim();
    expect(checkWorkspace(backend.db)).toMatchObject({ ok: true, claimProblems: [] });
    backend.db.prepare(`UPDATE claims SET event_date = '2018-13-99' WHERE id = ?`).run(claimId);
    const report = checkWorkspace(backend.db);
    expect(report.ok).toBe(false);
    expect(report.claimProblems).toEqual([
      { claimId, message: `eventDate: ${partialDateProblem('2018-13-99')}` },
    ]);
  });
});

/** The bundle with one claim field changed, or null where a bundle cannot carry the value. */
function editBundle(text: string, field: string, value: unknown): string | null {
  const lines = text.split('\n');
  const column: Record<string, string> = {
    eventDate: 'event_date',
    type: 'type',
    claimantId: 'claimant_id',
  };
  if (field === 'tags') {
    // a repeated tag cannot exist as rows (one row per claim and tag); a padded one can
    const tags = value as string[];
    if (tags.length !== 1) return null;
    const at = lines.findIndex((l) => l.startsWith('{"table":"tags"'));
    const header = JSON.parse(lines[at]!) as { columns: string[] };
    const row = JSON.parse(lines[at + 1]!) as unknown[];
    row[header.columns.indexOf('name')] = tags[0];
    lines[at + 1] = JSON.stringify(row);
    return lines.join('\n');
  }
  const at = lines.findIndex((l) => l.startsWith('{"table":"claims"'));
  const header = JSON.parse(lines[at]!) as { columns: string[] };
  const row = JSON.parse(lines[at + 1]!) as unknown[];
  row[header.columns.indexOf(column[field]!)] = value;
  lines[at + 1] = JSON.stringify(row);
  return lines.join('\n');
}
