import type { ClaimSummary, RelatedClaim } from '../../shared/api-entities';
import type {
  ClaimId,
  ClaimRelation,
  DocumentId,
  RelationId,
  RelationKind,
} from '../../shared/model';
import { AppError, notFound } from '../errors';
import { newId, now } from '../ids';
import { journaled } from './journal';
import type { Db } from './open';
import { findRelation, listRelationsOfClaim, putRelation } from './relations';

/** Kinds that read the same both ways: A contradicts B is B contradicts A. */
const SYMMETRIC: ReadonlySet<RelationKind> = new Set(['contradicts', 'repeats']);

function claimSummary(db: Db, id: ClaimId): ClaimSummary {
  const row = db
    .prepare(
      `SELECT c.id, c.statement, c.document_id, json_extract(d.meta, '$.title') AS title
       FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ?`,
    )
    .get(id) as { id: ClaimId; statement: string; document_id: string; title: string } | undefined;
  if (!row) throw notFound('claim', id);
  return {
    id: row.id,
    statement: row.statement,
    documentId: row.document_id as DocumentId,
    documentTitle: row.title,
  };
}

function related(db: Db, claimId: ClaimId, relation: ClaimRelation): RelatedClaim {
  const outgoing = relation.fromClaimId === claimId;
  return {
    relation,
    direction: outgoing ? 'outgoing' : 'incoming',
    other: claimSummary(db, outgoing ? relation.toClaimId : relation.fromClaimId),
  };
}

/** The claims linked to a claim, either way, each with its statement and document. */
export function listRelatedClaims(db: Db, claimId: ClaimId): RelatedClaim[] {
  claimSummary(db, claimId);
  return listRelationsOfClaim(db, claimId).map((r) => related(db, claimId, r));
}

const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

/**
 * Links two claims, in the same document or not. A claim cannot be linked to itself, and the same
 * link cannot be made twice (for symmetric kinds, not in either direction).
 */
export function createRelation(
  db: Db,
  input: { fromClaimId: ClaimId; toClaimId: ClaimId; kind: RelationKind; note?: string },
): RelatedClaim {
  return journaled(db, 'link claims', (journal) => {
    const from = claimSummary(db, input.fromClaimId);
    const to = claimSummary(db, input.toClaimId);
    if (from.id === to.id)
      throw new AppError('invalid_input', 'A claim cannot be linked to itself.');
    const existing = db
      .prepare(
        `SELECT id FROM claim_relations WHERE kind = @kind AND ((from_claim_id = @from AND to_claim_id = @to)
           OR (@symmetric AND from_claim_id = @to AND to_claim_id = @from))`,
      )
      .get({
        kind: input.kind,
        from: from.id,
        to: to.id,
        symmetric: SYMMETRIC.has(input.kind) ? 1 : 0,
      });
    if (existing) {
      throw new AppError(
        'conflict',
        `These claims are already linked: ${quote(from.statement)} ${input.kind} ${quote(to.statement)}.`,
      );
    }
    const relation: ClaimRelation = {
      id: newId<RelationId>('rel'),
      fromClaimId: from.id,
      toClaimId: to.id,
      kind: input.kind,
      note: input.note?.trim() ?? '',
      createdAt: now(),
    };
    journal.touch('relation', relation.id);
    putRelation(db, relation);
    return related(db, from.id, relation);
  });
}

export function deleteRelation(db: Db, id: RelationId): ClaimRelation {
  return journaled(db, 'unlink claims', (journal) => {
    const relation = findRelation(db, id);
    if (!relation) throw notFound('relation', id);
    journal.touch('relation', id);
    db.prepare('DELETE FROM claim_relations WHERE id = ?').run(id);
    return relation;
  });
}
