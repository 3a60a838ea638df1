import {
  NETWORK_EDGE_KINDS,
  type Network,
  type NetworkEdge,
  type NetworkEdgeKind,
  type NetworkGraph,
  type NetworkInput,
  type NetworkLinkInput,
  type NetworkNode,
} from '../../shared/api-analysis';
import type { ClaimId, EntityId } from '../../shared/model';
import type { Db } from '../db/open';
import { selectClaims, subjectsOf } from './claim-set';

/**
 * The network of entities, made only of what claims say: an edge from a claim's claimant to each
 * of its subjects ("claimant"), and between every two subjects of one claim ("co-subject"). Every
 * edge carries the ids of the claims that make it; its weight is their number. Edges between two
 * subjects are undirected (stored with the smaller id first). `restrictTo` narrows the claims
 * looked at (before the filter), for one edge's claims.
 */
export function networkData(db: Db, input: NetworkInput, restrictTo?: readonly string[]): Network {
  const claims = selectClaims(db, input.filter, restrictTo);
  const subjects = subjectsOf(db, restrictTo);
  const kinds = input.kinds ? new Set(input.kinds) : null;
  const edgeKinds = new Set<NetworkEdgeKind>(input.edgeKinds ?? ['claimant', 'co-subject']);
  const entities = new Map(
    (
      db.prepare('SELECT id, name, kind FROM entities').raw().all() as [EntityId, string, string][]
    ).map(([id, name, kind]) => [id, { id, name, kind }]),
  );
  const keep = (id: EntityId) => {
    const e = entities.get(id);
    return !!e && (!kinds || kinds.has(e.kind));
  };

  const edges = new Map<string, NetworkEdge>();
  const claimCount = new Map<EntityId, number>();
  const addEdge = (kind: NetworkEdgeKind, source: EntityId, target: EntityId, claim: ClaimId) => {
    const id = `${kind}:${source}:${target}`;
    const edge = edges.get(id);
    if (edge) {
      if (edge.claimIds[edge.claimIds.length - 1] !== claim) edge.claimIds.push(claim);
    } else edges.set(id, { id, source, target, kind, claimIds: [claim] });
  };
  for (const c of claims) {
    const named = (subjects.get(c.id) ?? []).filter(keep);
    const claimant = c.claimantId && keep(c.claimantId) ? c.claimantId : null;
    const involved = new Set(named);
    if (claimant) involved.add(claimant);
    for (const e of involved) claimCount.set(e, (claimCount.get(e) ?? 0) + 1);
    if (claimant && edgeKinds.has('claimant'))
      for (const s of named) if (s !== claimant) addEdge('claimant', claimant, s, c.id);
    if (edgeKinds.has('co-subject')) {
      for (let i = 0; i < named.length; i++)
        for (let j = i + 1; j < named.length; j++) {
          const [a, b] = named[i]! < named[j]! ? [named[i]!, named[j]!] : [named[j]!, named[i]!];
          if (a !== b) addEdge('co-subject', a, b, c.id);
        }
    }
  }
  const linked = new Set<EntityId>();
  for (const e of edges.values()) linked.add(e.source).add(e.target);
  // entities named by claims but linked to no one still appear: they are part of the evidence
  for (const id of claimCount.keys()) linked.add(id);
  const nodes: NetworkNode[] = [...linked]
    .map((id) => ({ ...entities.get(id)!, claimCount: claimCount.get(id) ?? 0 }))
    .sort((a, b) => b.claimCount - a.claimCount || a.name.localeCompare(b.name));
  return { nodes, edges: [...edges.values()] };
}

/** The network in the page's compact shape: edges as columns of node indexes, claims counted. */
export function networkGraph(db: Db, input: NetworkInput): NetworkGraph {
  const { nodes, edges } = networkData(db, input);
  const index = new Map(nodes.map((n, i) => [n.id as string, i]));
  const out: NetworkGraph['edges'] = { source: [], target: [], kind: [], claimCount: [] };
  for (const e of edges) {
    out.source.push(index.get(e.source)!);
    out.target.push(index.get(e.target)!);
    out.kind.push(NETWORK_EDGE_KINDS.indexOf(e.kind));
    out.claimCount.push(e.claimIds.length);
  }
  return { nodes, edges: out };
}

/**
 * The claims behind one edge of the network `input` draws: the network of only the claims that
 * could make it (the claimant's, or those naming both subjects), by the same rule as the whole.
 */
export function networkLink(
  db: Db,
  { source, target, kind, ...input }: NetworkLinkInput,
): ClaimId[] {
  const candidates = (
    kind === 'claimant'
      ? db.prepare(
          `SELECT c.id FROM claims c JOIN claim_subjects s ON s.claim_id = c.id
           WHERE c.claimant_id = ? AND s.entity_id = ?`,
        )
      : db.prepare(
          `SELECT a.claim_id FROM claim_subjects a JOIN claim_subjects b ON b.claim_id = a.claim_id
           WHERE a.entity_id = ? AND b.entity_id = ?`,
        )
  )
    .pluck()
    .all(source, target) as string[];
  if (candidates.length === 0) return [];
  const id = `${kind}:${source}:${target}`;
  return networkData(db, input, candidates).edges.find((e) => e.id === id)?.claimIds ?? [];
}
