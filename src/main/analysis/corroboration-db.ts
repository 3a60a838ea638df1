import type { Corroboration } from '../../shared/api-analysis';
import type { RelationKind } from '../../shared/model';
import type { Db } from '../db/open';
import {
  computeCorroboration,
  NO_CORROBORATION,
  SAME_ORIGIN_KINDS,
  type RelationEdge,
} from './corroboration';

type EdgeRow = [string, string, RelationKind];

/**
 * Relations in one fixed order, the unique index's (from, to, kind): a claim's supporters are
 * listed by id whichever way they were read, so a page's answer is the workspace's answer.
 */
const EDGE_ORDER = 'ORDER BY 1, 2, 3';

/**
 * Claims by publication date (undated last), then creation: an origin is represented by its
 * earliest published claim. Each document's date is read once (MATERIALIZED), not once per claim:
 * a JSON read per row was a third of the time; SQLite sorts in C, faster than sorting here.
 */
const DATES = `dates(id, published) AS MATERIALIZED
  (SELECT id, meta ->> '$.publishedDate' FROM documents)`;
const CLAIM_ORDER = 'ORDER BY d.published IS NULL, d.published, c.created_at, c.id';

const SAME_ORIGIN_SQL = SAME_ORIGIN_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * Corroboration of the workspace's claims, read from the database: of every claim, or of the
 * claims in `only` (what a board or a table page shows). A claim missing from the answer has none
 * (`corroborationOf`).
 */
export function workspaceCorroboration(
  db: Db,
  only?: ReadonlySet<string>,
): Map<string, Corroboration> {
  // walking the origins of many claims costs more than reading every relation once (an export of
  // 100,000 claims took twice as long through the walk): past a board's size, the whole graph
  return only && only.size <= ASKED_AT_MOST
    ? askedCorroboration(db, only)
    : wholeCorroboration(db, only);
}

/** The most claims whose origins are walked; a larger set is answered from the whole graph. */
const ASKED_AT_MOST = 5_000;

/**
 * Every claim's. Only claims that take part in a relation can have any, so only relations and
 * their claims are read: the cost follows the relations, not the claims.
 */
function wholeCorroboration(db: Db, only?: ReadonlySet<string>): Map<string, Corroboration> {
  const edges = db
    .prepare(`SELECT from_claim_id, to_claim_id, kind FROM claim_relations ${EDGE_ORDER}`)
    .raw()
    .all() as EdgeRow[];
  if (edges.length === 0) return new Map();
  const ordered = db
    .prepare(
      `WITH involved(id) AS (SELECT from_claim_id FROM claim_relations
         UNION SELECT to_claim_id FROM claim_relations), ${DATES}
       SELECT c.id FROM involved i JOIN claims c ON c.id = i.id
         JOIN dates d ON d.id = c.document_id ${CLAIM_ORDER}`,
    )
    .pluck()
    .all() as string[];
  return computeCorroboration(ordered, edges.map(toEdge), only);
}

/**
 * Only the asked claims'. Their answer depends on nothing but the origins (claims joined by
 * repeats / derived from / cites) of the claims themselves and of their supporters: those origins
 * are walked whole in SQL over the relations' indexes (a recursive CTE), and the same computation
 * runs on that part of the graph alone. A board of 2,000 claims reads a few thousand relations, not
 * the workspace's 60,000; the answers are the same (tested against the whole computation).
 */
function askedCorroboration(db: Db, only: ReadonlySet<string>): Map<string, Corroboration> {
  if (only.size === 0) return new Map();
  const edges = db
    .prepare(
      `WITH RECURSIVE asked(id) AS (SELECT value FROM json_each(@ids)),
       seeds(id) AS (SELECT id FROM asked
         UNION SELECT r.from_claim_id FROM asked a JOIN claim_relations r ON r.to_claim_id = a.id
           WHERE r.kind = 'supports'),
       origin(id) AS (SELECT id FROM seeds
         UNION SELECT r.to_claim_id FROM origin o JOIN claim_relations r ON r.from_claim_id = o.id
           WHERE r.kind IN (${SAME_ORIGIN_SQL})
         UNION SELECT r.from_claim_id FROM origin o JOIN claim_relations r ON r.to_claim_id = o.id
           WHERE r.kind IN (${SAME_ORIGIN_SQL}))
       SELECT from_claim_id, to_claim_id, kind FROM claim_relations
         WHERE from_claim_id IN origin AND kind IN (${SAME_ORIGIN_SQL})
       UNION ALL
       SELECT from_claim_id, to_claim_id, kind FROM claim_relations
         WHERE to_claim_id IN asked AND kind = 'supports'
       ${EDGE_ORDER}`,
    )
    .raw()
    .all({ ids: JSON.stringify([...only]) }) as EdgeRow[];
  if (edges.length === 0) return new Map();
  const claims = new Set<string>();
  for (const [from, to] of edges) claims.add(from).add(to);
  const ordered = db
    .prepare(
      `WITH ${DATES}
       SELECT c.id FROM json_each(@ids) j JOIN claims c ON c.id = j.value
         JOIN dates d ON d.id = c.document_id ${CLAIM_ORDER}`,
    )
    .pluck()
    .all({ ids: JSON.stringify([...claims]) }) as string[];
  return computeCorroboration(ordered, edges.map(toEdge), only);
}

const toEdge = ([from, to, kind]: EdgeRow): RelationEdge => ({ from, to, kind });

/** The corroboration of each of these claims (none for a claim without relations). */
export function corroborationOf(all: Map<string, Corroboration>, claimId: string): Corroboration {
  return all.get(claimId) ?? NO_CORROBORATION(claimId);
}
