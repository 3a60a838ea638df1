import type { ClaimId, ClaimRelation, RelationId, RelationKind } from '../../shared/model';
import { registerSnapshotKind } from './history';
import type { Db } from './open';

interface RelationRow {
  id: string;
  from_claim_id: string;
  to_claim_id: string;
  kind: string;
  note: string;
  created_at: string;
}

const toRelation = (r: RelationRow): ClaimRelation => ({
  id: r.id as RelationId,
  fromClaimId: r.from_claim_id as ClaimId,
  toClaimId: r.to_claim_id as ClaimId,
  kind: r.kind as RelationKind,
  note: r.note,
  createdAt: r.created_at,
});

/** Relations in which the claim takes part, either end. */
export function listRelationsOfClaim(db: Db, claimId: ClaimId): ClaimRelation[] {
  const rows = db
    .prepare(
      'SELECT * FROM claim_relations WHERE from_claim_id = ? OR to_claim_id = ? ORDER BY created_at, id',
    )
    .all(claimId, claimId) as RelationRow[];
  return rows.map(toRelation);
}

export function findRelation(db: Db, id: RelationId): ClaimRelation | null {
  const row = db.prepare('SELECT * FROM claim_relations WHERE id = ?').get(id) as
    RelationRow | undefined;
  return row ? toRelation(row) : null;
}

export function listRelations(db: Db): ClaimRelation[] {
  return (
    db.prepare('SELECT * FROM claim_relations ORDER BY created_at, id').all() as RelationRow[]
  ).map(toRelation);
}

export function putRelation(db: Db, r: ClaimRelation): void {
  db.prepare(
    `INSERT INTO claim_relations (id, from_claim_id, to_claim_id, kind, note, created_at)
     VALUES (@id, @fromClaimId, @toClaimId, @kind, @note, @createdAt)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, note = excluded.note`,
  ).run(r);
}

registerSnapshotKind('relation', {
  order: 30,
  put: (db, value) => putRelation(db, value as ClaimRelation),
  remove: (db, id) => db.prepare('DELETE FROM claim_relations WHERE id = ?').run(id),
  documentsOf: (db, value) => {
    const r = value as ClaimRelation;
    const rows = db
      .prepare('SELECT DISTINCT document_id FROM claims WHERE id IN (?, ?)')
      .all(r.fromClaimId, r.toClaimId) as { document_id: string }[];
    return rows.map((x) => x.document_id);
  },
});
