import type {
  Network,
  NetworkEdge,
  NetworkEdgeKind,
  NetworkInput,
  NetworkNode,
} from '../../shared/api-analysis';
import type { ClaimId, EntityId } from '../../shared/model';
import type { Db } from '../db/open';
import { selectClaims, subjectsOf } from './claim-set';

/**
 * The network of entities, made only of what claims say: an edge from a claim's claimant to each
 * of its subjects ("claimant"), and between every two subjects of one claim ("co-subject"). Every
 * edge carries the ids of the claims that make it; its weight is their number. Edges between two
 * subjects are undirected (stored with the smaller id first).
 */
export function networkData(db: Db, input: NetworkInput): Network {
  const claims = selectClaims(db, input.filter);
  const subjects = subjectsOf(db);
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
