import { describe, expect, it } from 'vitest';
import { buildClaimsFixture, REUTERS } from '../test/claims-fixture';
import { rpcOf } from '../test/rpc';
import { tempBackend } from '../test/workspace';
import { selectClaims } from './claim-set';

describe('the claims an analysis view reads', () => {
  it('carries each claim’s grade exactly as the claim_grade view gives it', async () => {
    const backend = tempBackend();
    const rpc = rpcOf(backend);
    const { doc, pdf, claims } = await buildClaimsFixture(backend.db);
    const byView = () =>
      new Map(
        (
          backend.db
            .prepare('SELECT claim_id, reliability, credibility FROM claim_grade')
            .raw()
            .all() as [string, string | null, number | null][]
        ).map(([id, r, c]) => [id, [r, c]]),
      );
    const selected = () =>
      new Map(
        selectClaims(backend.db, {}).map((c) => [c.id as string, [c.reliability, c.credibility]]),
      );

    // nothing graded; then a source, a claimant over it, a claim, and a grade on the other source
    expect(selected()).toEqual(byView());
    await rpc('grades.set', { target: 'document', id: doc.id, reliability: 'D' });
    await rpc('grades.set', { target: 'entity', id: REUTERS, reliability: 'B' });
    await rpc('grades.set', { target: 'claim', id: claims.riot.id, credibility: 2 });
    await rpc('grades.set', { target: 'document', id: pdf.id, reliability: 'F' });
    const graded = selected();
    expect(graded).toEqual(byView());
    expect(graded.get(claims.riot.id)).toEqual(['B', 2]);
    expect([...graded.values()].filter(([r]) => r === 'D').length).toBeGreaterThan(0);
    expect([...graded.values()].filter(([r]) => r === 'F').length).toBeGreaterThan(0);
  });
});
