/**
 * The inverse of offsets.ts: from a canonical offset inside a block to a boundary point in the
 * rendered tree, so the reader can build a DOM Range over a search hit. Same counting rules: text
 * nodes count their length, a line break counts as one "\n".
 */
import type { Point, TreeAdapter } from './offsets';

/**
 * The point `offset` characters into `block`'s rendered text, clamped to its end. A point between
 * two text nodes is placed at the start of the later one; one just before a line break, in the
 * break's parent before the break.
 */
export function offsetToPoint<N>(tree: TreeAdapter<N>, block: N, offset: number): Point<N> {
  let left = Math.max(0, offset);
  let end: Point<N> = { node: block, offset: 0 };
  const walk = (n: N): Point<N> | null => {
    const len = tree.textLength(n);
    if (len !== null) {
      if (left < len) return { node: n, offset: left };
      left -= len;
      end = { node: n, offset: len };
      return null;
    }
    if (tree.isLineBreak(n)) {
      const parent = tree.parent(n)!;
      const index = tree.children(parent).indexOf(n);
      if (left === 0) return { node: parent, offset: index };
      left -= 1;
      end = { node: parent, offset: index + 1 };
      return null;
    }
    for (const c of tree.children(n)) {
      const hit = walk(c);
      if (hit) return hit;
    }
    return null;
  };
  for (const c of tree.children(block)) {
    const hit = walk(c);
    if (hit) return hit;
  }
  return end;
}
