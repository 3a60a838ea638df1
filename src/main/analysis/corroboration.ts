import type { Corroboration } from '../../shared/api-analysis';
import type { RelationKind } from '../../shared/model';
import { UnionFind } from './union-find';

/**
 * Corroboration and independent origins (GUIDE §10).
 *
 * Claims joined by `repeats`, `derived_from` or `cites` carry the same information: they collapse to
 * one ORIGIN (a union-find over those edges, whatever their direction). A claim X is supported by
 * the claims with a `supports` edge into it; it is corroborated by the number of distinct origins
 * among those supporters, not counting X's own origin (X cannot confirm itself).
 *
 * Circular reporting is flagged when
 *  - `cycle`: derived_from/cites edges form a cycle in X's origin or in a supporter's (A took it
 *    from B, who took it from A);
 *  - `self_origin`: a supporter traces back to X's own origin;
 *  - `shared_origin`: two or more "independent" supporters trace back to one origin.
 */

export interface RelationEdge {
  from: string;
  to: string;
  kind: RelationKind;
}

/** Kinds that make two claims one origin (exported for the SQL that walks an origin's claims). */
export const SAME_ORIGIN_KINDS: readonly RelationKind[] = ['repeats', 'derived_from', 'cites'];
const SAME_ORIGIN: ReadonlySet<RelationKind> = new Set(SAME_ORIGIN_KINDS);
/** Edges that point from the later claim to its source: they have a direction, so a cycle. */
const TAKEN_FROM: ReadonlySet<RelationKind> = new Set(['derived_from', 'cites']);

export const NO_CORROBORATION = (claimId: string): Corroboration => ({
  claimId,
  supporters: [],
  independentOrigins: 0,
  originId: claimId,
  sameOrigin: 0,
  circular: [],
});

/**
 * Corroboration of every claim that takes part in a relation (others have none), or only of the
 * claims in `only`.
 * `claimIds` are in the order that picks an origin's representative when several claims of one
 * origin cite nothing (earliest first): callers pass them by publication date.
 */
export function computeCorroboration(
  claimIds: readonly string[],
  edges: readonly RelationEdge[],
  only?: ReadonlySet<string>,
): Map<string, Corroboration> {
  const index = new Map<string, number>();
  claimIds.forEach((id, i) => index.set(id, i));
  const n = claimIds.length;
  const sets = new UnionFind(n);
  // supporters of each claim, by index; most claims have none, so no array is made for them
  const supportersOf: (number[] | undefined)[] = new Array<number[] | undefined>(n);
  const takenFrom: number[][] = [];
  const cites = new Uint8Array(n);
  const involved = new Uint8Array(n);

  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    involved[a] = 1;
    involved[b] = 1;
    if (SAME_ORIGIN.has(e.kind)) sets.union(a, b);
    if (TAKEN_FROM.has(e.kind)) {
      (takenFrom[a] ??= []).push(b);
      cites[a] = 1;
    }
    if (e.kind === 'supports') (supportersOf[b] ??= []).push(a);
  }

  const cyclic = cyclicSets(n, takenFrom, sets);
  // an origin's representative: its earliest claim that took its information from no one, else
  // its earliest claim (a cycle); arrays indexed by the origin's root, -1 for none yet
  const representative = new Int32Array(n).fill(-1);
  const fallback = new Int32Array(n).fill(-1);
  const groupSize = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!involved[i]) continue;
    const root = sets.find(i);
    groupSize[root]!++;
    if (fallback[root] === -1) fallback[root] = i;
    if (!cites[i] && representative[root] === -1) representative[root] = i;
  }
  const originOf = (root: number) =>
    claimIds[representative[root] !== -1 ? representative[root]! : fallback[root]!]!;

  // the whole graph decides origins and cycles; the answers are built only for the claims asked
  // about (a board of 2,000 cards in a workspace of 100,000 related claims)
  const asked: number[] = [];
  if (only) {
    for (const id of only) {
      const i = index.get(id);
      if (i !== undefined && involved[i]) asked.push(i);
    }
  } else for (let i = 0; i < n; i++) if (involved[i]) asked.push(i);

  const out = new Map<string, Corroboration>();
  for (const i of asked) {
    const root = sets.find(i);
    const claimId = claimIds[i]!;
    const list = supportersOf[i];
    if (!list) {
      // no supporters: only the claim's own origin can make it circular
      out.set(claimId, {
        claimId,
        supporters: [],
        independentOrigins: 0,
        originId: originOf(root),
        sameOrigin: groupSize[root]! - 1,
        circular: cyclic[root] ? ['cycle'] : [],
      });
      continue;
    }
    const supporters = [...new Set(list)];
    const circular = new Set<Corroboration['circular'][number]>();
    if (cyclic[root]) circular.add('cycle');
    const origins = new Map<number, number>();
    for (const s of supporters) {
      const r = sets.find(s);
      if (cyclic[r]) circular.add('cycle');
      if (r === root) {
        circular.add('self_origin');
        continue;
      }
      origins.set(r, (origins.get(r) ?? 0) + 1);
    }
    for (const count of origins.values()) if (count > 1) circular.add('shared_origin');
    out.set(claimId, {
      claimId,
      supporters: supporters.map((s) => claimIds[s]!),
      independentOrigins: origins.size,
      originId: originOf(root),
      sameOrigin: groupSize[root]! - 1,
      circular: [...circular],
    });
  }
  return out;
}

/**
 * The origins (union-find roots) whose taken-from edges hold a directed cycle, marked at their root:
 * an iterative depth-first search with three colours, so a chain of 100,000 claims cannot overflow
 * the stack.
 */
function cyclicSets(n: number, takenFrom: number[][], sets: UnionFind): Uint8Array {
  const colour = new Uint8Array(n); // 0 unseen, 1 on the current path, 2 done
  const cyclic = new Uint8Array(n); // 1 at the root of each origin with a cycle
  for (let start = 0; start < n; start++) {
    if (colour[start] !== 0 || !takenFrom[start]) continue;
    const stack: [node: number, next: number][] = [[start, 0]];
    colour[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = takenFrom[top[0]];
      if (!out || top[1] >= out.length) {
        colour[top[0]] = 2;
        stack.pop();
        continue;
      }
      const next = out[top[1]++]!;
      if (colour[next] === 1) cyclic[sets.find(next)] = 1;
      else if (colour[next] === 0) {
        colour[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return cyclic;
}
