import type {
  AnalysisFilter,
  Board,
  BoardContradiction,
  BoardGroup,
  ClaimCard,
} from '../../shared/api-analysis';
import {
  STANCES,
  type ClaimId,
  type EntityId,
  type RelationKind,
  type Stance,
} from '../../shared/model';
import { getClaim } from '../db/claims';
import { getEntity } from '../db/entities';
import type { Db } from '../db/open';
import { loadCards } from './cards';
import { selectClaims } from './claim-set';
import { workspaceCorroboration } from './corroboration-db';
import { UnionFind } from './union-find';

/** Relations that make two claims one proposition: they say the same thing, or one builds on it. */
const SAME_PROPOSITION: ReadonlySet<RelationKind> = new Set([
  'supports',
  'repeats',
  'refines',
  'derived_from',
  'cites',
]);

/** A claim's board holds what is connected to it, up to this many claims. */
const MAX_CONNECTED = 5_000;

export type BoardFocus = { entityId: EntityId } | { claimId: ClaimId };

/**
 * The evidence board: every claim about an entity (as claimant, subject or place), or every claim
 * connected to one claim by relations, grouped into propositions and laid out by stance, with the
 * contradictions between propositions.
 */
export function evidenceBoard(db: Db, focus: BoardFocus, filter: AnalysisFilter): Board {
  let boardFocus: Board['focus'];
  let claims;
  if ('entityId' in focus) {
    const entity = getEntity(db, focus.entityId);
    boardFocus = {
      kind: 'entity',
      entity: { id: entity.id, name: entity.name, entityKind: entity.kind },
    };
    claims = selectClaims(db, { ...filter, entityId: entity.id });
  } else {
    const claim = getClaim(db, focus.claimId);
    boardFocus = { kind: 'claim', claimId: claim.id, statement: claim.statement };
    claims = selectClaims(db, filter, connectedClaims(db, claim.id));
  }
  const ids = claims.map((c) => c.id as string);
  const relations = relationsAmong(db, ids);
  const index = new Map(ids.map((id, i) => [id, i]));
  const sets = new UnionFind(ids.length);
  for (const r of relations)
    if (SAME_PROPOSITION.has(r.kind)) sets.union(index.get(r.from)!, index.get(r.to)!);

  const cards = loadCards(db, ids, workspaceCorroboration(db, new Set(ids)));
  const members = new Map<number, ClaimCard[]>();
  cards.forEach((card, i) => {
    const root = sets.find(i);
    const list = members.get(root);
    if (list) list.push(card);
    else members.set(root, [card]);
  });
  const groupOf = new Map<string, string>();
  const groups: BoardGroup[] = [];
  for (const list of members.values()) {
    const group: BoardGroup = { id: list[0]!.id, stance: majorityStance(list), claims: list };
    for (const c of list) groupOf.set(c.id, group.id);
    groups.push(group);
  }
  groups.sort((a, b) => b.claims.length - a.claims.length);

  const contradictions = new Map<string, BoardContradiction>();
  for (const r of relations) {
    if (r.kind !== 'contradicts') continue;
    const from = groupOf.get(r.from)!;
    const to = groupOf.get(r.to)!;
    if (from === to) continue;
    const [a, b] = from < to ? [from, to] : [to, from];
    const key = `${a} ${b}`;
    const entry = contradictions.get(key) ?? { fromGroup: a, toGroup: b, relationIds: [] };
    entry.relationIds.push(r.id);
    contradictions.set(key, entry);
  }
  return {
    focus: boardFocus,
    groups,
    contradictions: [...contradictions.values()],
    total: cards.length,
  };
}

/** Most claims' stance; ties go to the first in STANCES (asserts, denies, questions). */
function majorityStance(cards: ClaimCard[]): Stance {
  const counts = new Map<Stance, number>();
  for (const c of cards) counts.set(c.stance, (counts.get(c.stance) ?? 0) + 1);
  let best: Stance = 'asserts';
  let most = -1;
  for (const s of STANCES) {
    const n = counts.get(s) ?? 0;
    if (n > most) [best, most] = [s, n];
  }
  return best;
}

interface Edge {
  id: string;
  from: string;
  to: string;
  kind: RelationKind;
}

/**
 * The relations between these claims. The unary + on to_claim_id keeps SQLite from probing the
 * (from, to, kind) index with every pair of picked claims (2,000² lookups for a 2,000-claim board,
 * seconds): it looks up each claim's relations by from_claim_id and filters their targets.
 */
function relationsAmong(db: Db, ids: string[]): Edge[] {
  return db
    .prepare(
      `WITH picked(id) AS (SELECT value FROM json_each(?))
       SELECT id, from_claim_id AS "from", to_claim_id AS "to", kind FROM claim_relations
       WHERE from_claim_id IN picked AND +to_claim_id IN picked ORDER BY rowid`,
    )
    .all(JSON.stringify(ids)) as Edge[];
}

/** The claims reachable from one by relations of any kind, either way (breadth first, bounded). */
function connectedClaims(db: Db, start: string): string[] {
  const next = db.prepare(
    `SELECT to_claim_id FROM claim_relations WHERE from_claim_id = @id
     UNION SELECT from_claim_id FROM claim_relations WHERE to_claim_id = @id`,
  );
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0 && seen.size < MAX_CONNECTED) {
    for (const id of next.pluck().all({ id: queue.shift()! }) as string[]) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  }
  return [...seen];
}
