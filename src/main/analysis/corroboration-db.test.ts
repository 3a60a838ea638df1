import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RelationKind } from '../../shared/model';
import type { Db } from '../db/open';
import { addDocument } from '../test/add-document';
import { tempBackend } from '../test/workspace';
import { computeCorroboration } from './corroboration';
import { corroborationOf, workspaceCorroboration } from './corroboration-db';

const N = 14;
interface Dated {
  published: string | null;
  created: string;
}
const ids = Array.from({ length: N }, (_, i) => `clm_${String(i).padStart(4, '0')}`);
const KINDS: RelationKind[] = [
  'supports',
  'repeats',
  'derived_from',
  'cites',
  'contradicts',
  'refines',
];

/**
 * N claims over three sources (published 2020-03, 2019 and undated) created in an order that is
 * neither their ids' nor their sources', so the origin's representative depends on both.
 */
function workspace(): Db {
  const { db } = tempBackend();
  const docs = ['2020-03', '2019', null].map((date, i) => {
    const doc = addDocument(db, `source ${i}`, `source ${i}`);
    db.prepare(`UPDATE documents SET meta = json_set(meta, '$.publishedDate', ?) WHERE id = ?`).run(
      date,
      doc.id,
    );
    return doc.id;
  });
  const insert = db.prepare(
    `INSERT INTO claims (id, document_id, statement, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  ids.forEach((id, i) => {
    const at = `2024-01-01T00:00:${String((i * 5) % N).padStart(2, '0')}Z`;
    insert.run(id, docs[(i * 7) % 3], `claim ${i}`, at, at);
  });
  return db;
}

function relate(db: Db, edges: [number, RelationKind, number][]): void {
  const run = db.transaction(() => {
    db.prepare('DELETE FROM claim_relations').run();
    const insert = db.prepare(
      `INSERT OR IGNORE INTO claim_relations (id, from_claim_id, to_claim_id, kind, created_at)
     VALUES (?, ?, ?, ?, '2024-01-01T00:00:00Z')`,
    );
    edges.forEach(([a, kind, b], i) => {
      if (a !== b) insert.run(`rel_${i}`, ids[a], ids[b], kind);
    });
  });
  run();
}

/** Chains, diamonds and cycles of provenance, with supporters drawn from them. */
const shaped = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(N - 1), fc.constantFrom(...KINDS), fc.nat(N - 1)), { maxLength: 12 }),
    fc.nat(N - 5),
    fc.constantFrom<RelationKind>('derived_from', 'cites', 'repeats'),
  )
  .map(([random, at, kind]) => {
    const [a, b, c, d, e] = [at, at + 1, at + 2, at + 3, at + 4];
    const edges: [number, RelationKind, number][] = [
      // chain e → d → c, a diamond c ← a, c ← b … and, by the kind drawn, maybe a cycle c → e
      [e, kind, d],
      [d, kind, c],
      [a, 'derived_from', c],
      [b, 'cites', c],
      [c, kind === 'repeats' ? 'repeats' : 'cites', e],
      [a, 'supports', (at + 7) % N],
      [b, 'supports', (at + 7) % N],
      [(at + 9) % N, 'supports', (at + 7) % N],
      ...random,
    ];
    return edges;
  });

describe('corroboration read from the workspace', () => {
  it('answers for a page of claims exactly what the whole workspace says about them', () => {
    const db = workspace();
    fc.assert(
      fc.property(shaped, fc.uniqueArray(fc.nat(N - 1), { maxLength: 6 }), (edges, picked) => {
        relate(db, edges);
        const whole = workspaceCorroboration(db);
        const only = new Set(picked.map((i) => ids[i]!));
        const page = workspaceCorroboration(db, only);
        expect([...page.keys()].every((id) => only.has(id))).toBe(true);
        for (const id of only)
          expect(corroborationOf(page, id)).toEqual(corroborationOf(whole, id));
      }),
      { numRuns: 60 },
    );
  });

  it('lists supporters by id and picks the earliest published claim that cites no one', () => {
    const db = workspace();
    // clm_0006 derives from clm_0003, which repeats clm_0013: of the two that cite no one,
    // clm_0013 was published first (2019 against 2020-03) though created last
    relate(db, [
      [6, 'derived_from', 3],
      [3, 'repeats', 13],
      [9, 'supports', 0],
      [2, 'supports', 0],
      [6, 'supports', 0],
      [5, 'supports', 0],
    ]);
    const row = db.prepare(
      `SELECT d.meta ->> '$.publishedDate' AS published, c.created_at AS created FROM claims c
       JOIN documents d ON d.id = c.document_id WHERE c.id = ?`,
    );
    const [three, thirteen] = [row.get(ids[3]) as Dated, row.get(ids[13]) as Dated];
    expect([three.published, thirteen.published]).toEqual(['2020-03', '2019']);
    expect(three.created < thirteen.created).toBe(true);

    const whole = workspaceCorroboration(db);
    for (const all of [whole, workspaceCorroboration(db, new Set([ids[0]!, ids[6]!]))]) {
      const c0 = corroborationOf(all, ids[0]!);
      expect(c0.supporters).toEqual([ids[2], ids[5], ids[6], ids[9]]);
      expect(c0.independentOrigins).toBe(4);
      expect(corroborationOf(all, ids[6]!)).toMatchObject({ originId: ids[13], sameOrigin: 2 });
    }
  });

  it('matches the computation over the whole graph given in publication order', () => {
    const db = workspace();
    relate(db, [
      [1, 'derived_from', 2],
      [2, 'cites', 3],
      [3, 'derived_from', 1],
      [1, 'supports', 0],
      [4, 'supports', 0],
    ]);
    const ordered = db
      .prepare(
        `SELECT c.id FROM claims c JOIN documents d ON d.id = c.document_id
         ORDER BY d.meta ->> '$.publishedDate' IS NULL, d.meta ->> '$.publishedDate', c.created_at`,
      )
      .pluck()
      .all() as string[];
    const edges = db
      .prepare('SELECT from_claim_id AS "from", to_claim_id AS "to", kind FROM claim_relations')
      .all() as { from: string; to: string; kind: RelationKind }[];
    const expected = computeCorroboration(ordered, edges);
    const whole = workspaceCorroboration(db);
    expect(whole).toEqual(expected);
    expect(corroborationOf(whole, ids[0]!).circular).toEqual(['cycle']);
    expect(workspaceCorroboration(db, new Set([ids[0]!, ids[2]!]))).toEqual(
      new Map([ids[0]!, ids[2]!].map((id) => [id, expected.get(id)])),
    );
  });
});
