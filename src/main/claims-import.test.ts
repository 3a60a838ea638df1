import { describe, expect, it } from 'vitest';
import type { ClaimsImportOutcome } from '../shared/api-search';
import { importClaimsJson } from './claims-import';
import { getClaim, listClaims, updateClaim } from './db/claims';
import { listEntities } from './db/entities';
import { undo } from './db/history';
import { listRelations } from './db/relations';
import { importDocument } from './documents';
import { exportClaimsJson } from './exporters/claims-json';
import { buildClaimsFixture } from './test/claims-fixture';
import { SAMPLE_TEXT, enc, tempBackend } from './test/workspace';

const generator = 'test';

/** Workspace A with the fixture; workspace B with the same SAMPLE_TEXT file only (not the PDF). */
async function twoWorkspaces() {
  const a = tempBackend();
  const fixture = await buildClaimsFixture(a.db);
  const b = tempBackend();
  const { document } = await importDocument(b.db, {
    fileName: 'renamed.txt',
    bytes: enc(SAMPLE_TEXT),
  });
  const text = JSON.stringify(exportClaimsJson(a.db, { generator }));
  return { a, b, bDoc: document, text, ...fixture };
}

describe('claims JSON import', () => {
  it('merges claims by id onto the document with the same SHA-256, reporting the rest', async () => {
    const { a, b, bDoc, text, pdf, claims } = await twoWorkspaces();
    expect(bDoc.id).not.toBe(claims.riot.documentId);
    const outcome = importClaimsJson(b.db, text);
    expect(outcome).toMatchObject({
      claims: { created: 3, updated: 0, unchanged: 0 },
      entities: { created: 3, updated: 0, unchanged: 0 },
      relations: { created: 1, unchanged: 0 },
      warnings: [],
    });
    expect(outcome.skipped).toEqual([
      {
        claimId: claims.vahdat.id,
        documentId: pdf.id,
        sha256: pdf.sha256,
        title: 'A report',
        reason: 'document_missing',
      },
    ]);
    for (const key of ['riot', 'toll', 'cyrillic'] as const) {
      const original = getClaim(a.db, claims[key].id);
      // same claim, same passages (code points mapped back to UTF-16 past the emoji), B's document
      expect(getClaim(b.db, original.id)).toEqual({ ...original, documentId: bDoc.id });
    }
    expect(listEntities(b.db)).toEqual(listEntities(a.db));
    expect(listRelations(b.db)).toEqual(listRelations(a.db));
  });

  it('never duplicates: importing twice changes nothing; a newer copy updates', async () => {
    const { a, b, text, claims } = await twoWorkspaces();
    importClaimsJson(b.db, text);
    const again = importClaimsJson(b.db, text);
    expect(again).toMatchObject({
      claims: { created: 0, updated: 0, unchanged: 3 },
      entities: { created: 0, updated: 0, unchanged: 3 },
      relations: { created: 0, unchanged: 1 },
    });
    expect(listClaims(b.db)).toHaveLength(3);
    expect(listRelations(b.db)).toHaveLength(1);

    updateClaim(a.db, claims.riot.id, { note: 'revised in A' });
    const newer = importClaimsJson(b.db, JSON.stringify(exportClaimsJson(a.db, { generator })));
    expect(newer.claims).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(getClaim(b.db, claims.riot.id).note).toBe('revised in A');
    // an older copy never overwrites a newer one
    updateClaim(b.db, claims.riot.id, { note: 'revised in B' });
    importClaimsJson(b.db, text);
    expect(getClaim(b.db, claims.riot.id).note).toBe('revised in B');
  });

  it('is one undoable action', async () => {
    const { b, text } = await twoWorkspaces();
    importClaimsJson(b.db, text);
    expect(undo(b.db)?.label).toBe('import claims');
    expect(listClaims(b.db)).toEqual([]);
    expect(listEntities(b.db)).toEqual([]);
    expect(listRelations(b.db)).toEqual([]);
  });

  it('finds a passage by its quote when the position does not fit, and never guesses', async () => {
    const { b, text, claims } = await twoWorkspaces();
    const data = JSON.parse(text) as {
      claims: {
        id: string;
        spans: { position: { start: number; end: number }; quote: { exact: string } }[];
      }[];
    };
    const riot = data.claims.find((c) => c.id === claims.riot.id)!;
    riot.spans[0]!.position = { start: 0, end: 5 };
    const toll = data.claims.find((c) => c.id === claims.toll.id)!;
    toll.spans[1]!.quote.exact = 'a passage that is not in the text';
    const outcome = importClaimsJson(b.db, JSON.stringify(data));
    expect(getClaim(b.db, claims.riot.id).spans[0]).toEqual(claims.riot.spans[0]);
    expect(outcome.skipped).toContainEqual(
      expect.objectContaining({ claimId: claims.toll.id, reason: 'passage_not_found' }),
    );
    // the relation to a skipped claim is left out, not dangling
    expect(listRelations(b.db)).toEqual([]);
  });

  it('rejects what is not a claims JSON, through the API too', async () => {
    const { b } = await twoWorkspaces();
    expect(() => importClaimsJson(b.db, 'not json')).toThrow(/not JSON/);
    expect(() => importClaimsJson(b.db, '{"format":"claimdesk.claims","version":3}')).toThrow(
      /version 1 or 2/,
    );
    const result = await b.registry.call('claims.importJson', { text: '{"format":"other"}' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const empty = await b.registry.call('claims.importJson', {
      text: JSON.stringify({
        format: 'claimdesk.claims',
        version: 1,
        documents: [],
        entities: [],
        claims: [],
      }),
    });
    expect(empty.ok && (empty.value as ClaimsImportOutcome).claims.created).toBe(0);
  });
});
