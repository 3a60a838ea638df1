import { describe, expect, it } from 'vitest';
import type { ExportFile, Result } from '../../shared/api';
import type { ClaimTablePage, SavedFilter, SearchResults } from '../../shared/api-search';
import { REUTERS, buildClaimsFixture } from '../test/claims-fixture';
import { tempBackend } from '../test/workspace';

async function backend() {
  const b = tempBackend();
  const fixture = await buildClaimsFixture(b.db);
  const call = async <T>(method: string, input: unknown) => {
    const result = (await b.registry.call(method, input)) as Result<T>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { registry: b.registry, call, ...fixture };
}

describe('search, claims table and export through the API', () => {
  it('searches and reports query mistakes as invalid input', async () => {
    const { registry, call, claims } = await backend();
    const results = await call<SearchResults>('search.query', { query: 'Khalimov OR Vahdat*' });
    expect(results.passages.length).toBeGreaterThan(0);
    expect(results.entities[0]?.name).toBe('Gulmurod Khalimov');
    expect(results.claims.map((c) => c.claimId)).toContain(claims.vahdat.id);
    expect(await registry.call('search.query', { query: '(riot' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/not closed/) },
    });
    expect(await registry.call('search.query', { query: 'x', kinds: ['nothing'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('pages the claims table and saves the filter by name', async () => {
    const { call, claims } = await backend();
    const page = await call<ClaimTablePage>('claims.query', {
      filter: { claimantId: REUTERS },
      sort: { column: 'eventDate', direction: 'desc' },
    });
    expect(page).toMatchObject({
      total: 1,
      rows: [{ id: claims.riot.id, claimant: { name: 'Reuters' } }],
    });
    expect((await call<ClaimTablePage>('claims.query', {})).total).toBe(4);
    await call<SavedFilter>('filters.save', { name: 'Reuters', filter: { claimantId: REUTERS } });
    expect(await call<SavedFilter[]>('filters.list', {})).toMatchObject([
      { name: 'Reuters', filter: { claimantId: REUTERS } },
    ]);
    expect(await call('filters.delete', { name: 'Reuters' })).toEqual({ deleted: true });
  });

  it('exports the current filter as JSON, W3C or CSV', async () => {
    const { call, claims } = await backend();
    const filter = { claimantId: REUTERS };
    const json = await call<ExportFile>('export.claims', { format: 'json', filter });
    expect(json).toMatchObject({
      mediaType: 'application/json',
      fileName: expect.stringMatching(/\.json$/),
    });
    expect((JSON.parse(json.text) as { claims: { id: string }[] }).claims.map((c) => c.id)).toEqual(
      [claims.riot.id],
    );
    const w3c = await call<ExportFile>('export.claims', { format: 'w3c', filter });
    expect(w3c.fileName).toMatch(/\.jsonld$/);
    expect(JSON.parse(w3c.text)).toMatchObject({ type: 'AnnotationCollection', total: 2 }); // the claim and its relation
    const csv = await call<ExportFile>('export.claims', { format: 'csv', filter });
    expect(csv).toMatchObject({
      mediaType: 'text/csv; charset=utf-8',
      fileName: expect.stringMatching(/\.csv$/),
    });
    expect(csv.text.split('\r\n')).toHaveLength(3);
    // the default stays JSON, as before
    expect((await call<ExportFile>('export.claims', {})).mediaType).toBe('application/json');
  });
});
