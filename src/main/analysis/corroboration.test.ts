import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RelationKind } from '../../shared/model';
import { computeCorroboration, type RelationEdge } from './corroboration';

const edge = (from: string, kind: RelationKind, to: string): RelationEdge => ({ from, to, kind });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

describe('corroboration and independent origins', () => {
  it('counts two independent supporters as two origins, with nothing circular', () => {
    const result = computeCorroboration(ids(3), [
      edge('c1', 'supports', 'c0'),
      edge('c2', 'supports', 'c0'),
    ]);
    expect(result.get('c0')).toMatchObject({
      supporters: ['c1', 'c2'],
      independentOrigins: 2,
      originId: 'c0',
      circular: [],
    });
  });

  it('collapses a chain of repeats / derived from / cites to its origin', () => {
    // c1 … c4 all support c0, but c2 derived from c1, c3 cites c2 and c4 repeats c3: one origin, c1
    const result = computeCorroboration(ids(5), [
      ...['c1', 'c2', 'c3', 'c4'].map((s) => edge(s, 'supports', 'c0')),
      edge('c2', 'derived_from', 'c1'),
      edge('c3', 'cites', 'c2'),
      edge('c4', 'repeats', 'c3'),
    ]);
    const c0 = result.get('c0')!;
    expect(c0.supporters).toHaveLength(4);
    expect(c0.independentOrigins).toBe(1);
    expect(c0.circular).toEqual(['shared_origin']);
    // the origin is the claim that took its information from no one
    for (const id of ['c1', 'c2', 'c3', 'c4']) expect(result.get(id)!.originId).toBe('c1');
    expect(result.get('c3')!.sameOrigin).toBe(3);
  });

  it('resolves a diamond (two reports derived from one wire story) to one origin', () => {
    //      c1 (wire)
    //     /         \
    //   c2           c3     both derived from c1, both support c0; c4 is independent
    const result = computeCorroboration(ids(5), [
      edge('c2', 'derived_from', 'c1'),
      edge('c3', 'derived_from', 'c1'),
      edge('c2', 'supports', 'c0'),
      edge('c3', 'supports', 'c0'),
      edge('c4', 'supports', 'c0'),
    ]);
    const c0 = result.get('c0')!;
    expect(c0.supporters).toEqual(['c2', 'c3', 'c4']);
    expect(c0.independentOrigins).toBe(2);
    expect(c0.circular).toEqual(['shared_origin']);
    expect(result.get('c2')!.originId).toBe('c1');
    expect(result.get('c3')!.originId).toBe('c1');
  });

  it('flags a cycle of derived from / cites as circular reporting', () => {
    // c1 took it from c2, c2 from c3, c3 from c1: no one is the origin
    const result = computeCorroboration(ids(4), [
      edge('c1', 'derived_from', 'c2'),
      edge('c2', 'cites', 'c3'),
      edge('c3', 'derived_from', 'c1'),
      edge('c1', 'supports', 'c0'),
    ]);
    for (const id of ['c1', 'c2', 'c3']) expect(result.get(id)!.circular).toContain('cycle');
    // the cycle behind its only supporter makes c0's corroboration circular too
    expect(result.get('c0')!.circular).toEqual(['cycle']);
    expect(result.get('c0')!.independentOrigins).toBe(1);
    // with no claim outside the cycle, the earliest one stands for the origin
    expect(result.get('c2')!.originId).toBe('c1');
  });

  it('flags a supporter that traces back to the claim itself', () => {
    // c1 "supports" c0 but was derived from it: c0 is confirming itself
    const result = computeCorroboration(ids(2), [
      edge('c1', 'derived_from', 'c0'),
      edge('c1', 'supports', 'c0'),
    ]);
    expect(result.get('c0')).toMatchObject({ independentOrigins: 0, circular: ['self_origin'] });
  });

  it('picks the earliest claim given as the origin when several cite no one', () => {
    const result = computeCorroboration(['late', 'early'].reverse(), [
      edge('late', 'repeats', 'early'),
    ]);
    expect(result.get('late')!.originId).toBe('early');
  });

  it('ignores relations to claims it was not given, and handles a 100,000-claim chain', () => {
    // a claim outside the set has no record: the caller treats it as uncorroborated
    expect(computeCorroboration(['a'], [edge('a', 'supports', 'gone')]).get('a')).toBeUndefined();
    const n = 100_000;
    const chain = ids(n);
    const edges = chain.slice(1).map((id, i) => edge(id, 'derived_from', chain[i]!));
    edges.push(edge('c0', 'cites', chain[n - 1]!));
    const result = computeCorroboration(chain, edges);
    expect(result.get(chain[n - 1]!)!.circular).toEqual(['cycle']);
  });

  it('never counts more origins than supporters, whatever the graph', () => {
    const kinds: RelationKind[] = [
      'supports',
      'repeats',
      'derived_from',
      'cites',
      'contradicts',
      'refines',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(7), fc.constantFrom(...kinds), fc.nat(7)), { maxLength: 30 }),
        (triples) => {
          const edges = triples
            .filter(([a, , b]) => a !== b)
            .map(([a, k, b]) => edge(`c${a}`, k, `c${b}`));
          for (const c of computeCorroboration(ids(8), edges).values()) {
            expect(c.independentOrigins).toBeLessThanOrEqual(c.supporters.length);
            expect(c.sameOrigin).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('answers for only some claims exactly what the whole computation says about them', () => {
    const kinds: RelationKind[] = ['supports', 'repeats', 'derived_from', 'cites', 'contradicts'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(11), fc.constantFrom(...kinds), fc.nat(11)), { maxLength: 40 }),
        fc.uniqueArray(fc.nat(11), { maxLength: 6 }),
        (triples, picked) => {
          const edges = triples
            .filter(([a, , b]) => a !== b)
            .map(([a, k, b]) => edge(`c${a}`, k, `c${b}`));
          const all = computeCorroboration(ids(12), edges);
          const only = new Set(picked.map((i) => `c${i}`));
          const some = computeCorroboration(ids(12), edges, only);
          expect([...some.keys()].every((id) => only.has(id))).toBe(true);
          for (const id of only) expect(some.get(id)).toEqual(all.get(id));
        },
      ),
    );
  });
});
